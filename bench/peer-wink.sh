#!/usr/bin/env bash
# Corroborate against a peer on the same text in the same run: wink-nlp (npm). Issue #7.
#
#   bench/peer-wink.sh [CORPUS.jsonl]
#
# Installs wink-nlp and its English model into bench/peer/node_modules (versions pinned by
# bench/peer/package-lock.json, `npm ci`), then, PEER_RUNS times each (default 1):
#   - wink:      `node bench/peer/wink-run.js CORPUS`: wink-nlp's full annotation of every record's
#                "text" (tokens, sentence boundaries, POS, negation, sentiment, entities), one thread;
#   - ours x1:   `brief CORPUS --threads 1`, articles analyzed on one thread;
#   - ours xN:   `brief CORPUS`, one per core.
# Prints, for each, text MB/s (UTF-8 bytes of the records' "text", MB = 10^6 bytes) over the wall
# time of the whole process (start-up included), peak RSS, CPU s and the load average; for wink
# also its warm figure (the processing loop alone, timed inside node); for ours also file MB/s.
# Last, the ratio ours/wink, single thread to single thread, on wall time (and against wink warm),
# and on CPU time.
#
# Corpus: the argument, else $CORROBORATE_E2E_CORPUS, else ../shared/corpus/gva-dev/articles.jsonl
# beside the repository root.
# Exit: 0 when measured, 1 when a run fails, 2 for a usage error, 3 when node, npm or python3 is
# missing or wink-nlp cannot be installed.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${CORROBORATE_E2E_CORPUS:-$repo/../shared/corpus/gva-dev/articles.jsonl}}"
runs="${PEER_RUNS:-1}"
peer="$repo/bench/peer"

# shellcheck source=bench/lib.sh
source "$repo/bench/lib.sh"
bench_inputs PEER_RUNS
for tool in node npm python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "error: $tool not found: peer-wink.sh needs Node.js 16 or later with npm, and python3 (Debian: apt-get install nodejs npm python3)" >&2
        exit 3
    fi
done

echo "== installing wink-nlp into $peer/node_modules (node $(node --version), npm $(npm --version 2>/dev/null))"
if [[ -f "$peer/package-lock.json" ]]; then install=(ci); else install=(install); fi
if ! (cd "$peer" && npm "${install[@]}" --no-audit --no-fund --loglevel=error >"$peer/npm.log" 2>&1); then
    echo "error: npm ${install[*]} failed in $peer (log: $peer/npm.log):" >&2
    tail -n 20 "$peer/npm.log" >&2
    exit 3
fi
versions=$(cd "$peer" && node -e 'for (const p of ["wink-nlp", "wink-eng-lite-web-model"]) process.stdout.write(p + " " + require(p + "/package.json").version + "  ")')
echo "== installed: $versions"

bench_timer_init
bench_build_cli "$repo"

work="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-peer.XXXXXX")"
trap 'rm -rf "$work"' EXIT

bytes=$(stat -c %s "$corpus")
read -r records text < <(bench_text_bytes "$corpus")
cores=$(nproc)
echo "== corpus $corpus: $bytes bytes, $records records, $text bytes of text"
echo "== machine: $(bench_machine)"

printf '\n%-8s %4s %9s %11s %11s %11s %9s %7s %11s %4s  %s\n' \
    who run wall_s text_MB/s file_MB/s warm_MB/s peak_MiB cpu_s text/cpu_s exit load_avg
# Prints one result line; $1 who, $2 run, $3 warm MB/s or "-", $4 file bytes or "".
report() {
    awk -v who="$1" -v i="$2" -v warm="$3" -v b="$4" -v t="$text" -v w="$wall" -v r="$rss_kb" -v c="${cpu_s:--}" \
        -v x="$status" -v l="$(bench_load)" 'BEGIN {
        printf "%-8s %4d %9.2f %11.2f %11s %11s %9.1f %7s %11s %4d  %s\n", who, i, w, t / 1e6 / w,
            (b == "") ? "-" : sprintf("%.2f", b / 1e6 / w), warm, r / 1024, c, (c == "-") ? "-" : sprintf("%.2f", t / 1e6 / c), x, l }'
}

wink_walls=() wink_warms=() one_walls=() all_walls=() wink_cpus=() one_cpus=()
for ((i = 1; i <= runs; i++)); do
    bench_timed "$work/wink" node "$peer/wink-run.js" "$corpus"
    if [[ $status -ne 0 ]]; then
        echo "error: wink-run.js failed (exit $status):" >&2
        tail -n 20 "$work/wink.err" >&2
        exit 1
    fi
    result=$(tail -n 1 "$work/wink.out")
    read -r wink_bytes warm_s < <(node -e 'const r = JSON.parse(process.argv[1]); console.log(r.textBytes, r.warmSeconds)' "$result")
    if [[ "$wink_bytes" -ne "$text" ]]; then
        echo "error: wink-run.js read $wink_bytes bytes of text where the corpus has $text" >&2
        exit 1
    fi
    warm_mbps=$(awk -v t="$text" -v s="$warm_s" 'BEGIN { printf "%.2f", t / 1e6 / s }')
    wink_walls+=("$wall") wink_warms+=("$warm_s") wink_cpus+=("${cpu_s:-0}")
    report wink "$i" "$warm_mbps" ""

    bench_brief "$work" "$corpus" --threads 1
    one_walls+=("$wall") one_cpus+=("${cpu_s:-0}")
    report "ours x1" "$i" - "$bytes"

    bench_brief "$work" "$corpus"
    all_walls+=("$wall")
    report "ours x$cores" "$i" - "$bytes"
done
echo "wink-run.js: $result"

echo
awk -v t="$text" -v b="$bytes" -v k="$cores" -v n="$runs" \
    -v ww="$(bench_median "${wink_walls[@]}")" -v wm="$(bench_median "${wink_warms[@]}")" \
    -v o1="$(bench_median "${one_walls[@]}")" -v on="$(bench_median "${all_walls[@]}")" \
    -v wc="$(bench_median "${wink_cpus[@]}")" -v oc="$(bench_median "${one_cpus[@]}")" 'BEGIN {
    mb = t / 1e6
    printf "text MB/s (median of %d run(s); MB = 10^6 bytes of UTF-8 article text, %.2f MB):\n", n, mb
    printf "  wink-nlp, 1 thread:     %6.2f wall (whole process)   %6.2f warm (processing loop only)\n", mb / ww, mb / wm
    printf "  ours, --threads 1:      %6.2f wall                    (file %.2f MB/s)\n", mb / o1, b / 1e6 / o1
    printf "  ours, %d cores:          %6.2f wall, %.2f per core     (file %.2f MB/s, %.2f per core)\n", k, mb / on, mb / on / k, b / 1e6 / on, b / 1e6 / on / k
    printf "ratio ours/wink, single thread: %.2f (wall to wall), %.2f (ours wall to wink warm)\n", ww / o1, wm / o1
    if (wc > 0 && oc > 0) printf "ratio on CPU time (user + sys, less sensitive to other jobs): %.2f\n", wc / oc }'
echo "load average at the end: $(bench_load)"

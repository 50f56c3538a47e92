#!/usr/bin/env bash
# Does `corroborate brief` keep its memory flat as the stream grows? Issue #7.
#
#   bench/scale.sh [CORPUS.jsonl]
#
# Builds a 10x stream from the corpus in a temporary folder: ten copies one after another, copy k
# with every id and story key suffixed "-k" (k = 0..9), so the copies are distinct articles in
# distinct stories and do not merge. Then runs `brief` over the corpus as it is (1x) and over the
# 10x stream, each SCALE_RUNS times (default 1), and prints for each: wall s, articles/s, MB/s of
# input file and of article text (the records' "text", UTF-8; MB = 10^6 bytes), the same per core
# (divided by nproc), peak RSS (max RSS, MiB), CPU s (user + sys) and text MB per CPU second
# (less sensitive to other jobs on the machine than wall time), with the load average.
# Last, the ratio of the 10x stream's peak RSS to the 1x stream's, PASS when at most 1.5.
#
# Corpus: the argument, else $CORROBORATE_E2E_CORPUS, else ../shared/corpus/gva-dev/articles.jsonl
# beside the repository root. Records without a story key are left without one (they are
# clustered, so their copies may join each other's stories).
# Exit: 0 when measured (PASS or FAIL is printed, not an exit code), 1 when brief fails,
# 2 for a usage error or missing python3.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${CORROBORATE_E2E_CORPUS:-$repo/../shared/corpus/gva-dev/articles.jsonl}}"
runs="${SCALE_RUNS:-1}"
copies=10
limit=1.5

# shellcheck source=bench/lib.sh
source "$repo/bench/lib.sh"
bench_inputs SCALE_RUNS
if ! command -v python3 >/dev/null; then
    echo "error: python3 not found: scale.sh needs it to build the 10x stream (apt-get install python3)" >&2
    exit 2
fi

bench_timer_init
bench_build_cli "$repo"

work="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-scale.XXXXXX")"
trap 'rm -rf "$work"' EXIT

stream="$work/stream-x$copies.jsonl"
echo "== building the ${copies}x stream"
python3 - "$corpus" "$stream" "$copies" <<'EOF'
import json, sys
source, target, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, encoding="utf-8") as f:
    records = [json.loads(line) for line in f if line.strip()]
with open(target, "w", encoding="utf-8") as out:
    for k in range(copies):
        for record in records:
            copy = dict(record)
            for key in ("id", "story"):
                if copy.get(key) is not None:
                    copy[key] = f"{copy[key]}-{k}"
            out.write(json.dumps(copy, ensure_ascii=False) + "\n")
EOF

cores=$(nproc)
echo "== machine: $(bench_machine)"
printf '\n%-6s %4s %9s %8s %8s %9s %12s %11s %11s %10s %10s %9s %6s %10s %4s  %s\n' \
    stream run articles file_MB text_MB wall_s articles/s file_MB/s text_MB/s file/core text/core peak_MiB cpu_s text_MB/cpu_s exit load_avg

# Runs brief over one stream; sets median_wall and peak_kb, prints a line per run.
measure() {
    local name="$1" file="$2" bytes text walls=() peaks=() i
    bytes=$(stat -c %s "$file")
    read -r _ text < <(bench_text_bytes "$file")
    for ((i = 1; i <= runs; i++)); do
        bench_brief "$work" "$file"
        walls+=("$wall")
        peaks+=("$rss_kb")
        awk -v s="$name" -v i="$i" -v n="$articles" -v b="$bytes" -v t="$text" -v w="$wall" -v r="$rss_kb" \
            -v c="${cpu_s:--}" -v x="$status" -v k="$cores" -v l="$(bench_load)" 'BEGIN {
            printf "%-6s %4d %9d %8.2f %8.2f %9.2f %12.0f %11.2f %11.2f %10.2f %10.2f %9.1f %6s %10s %4d  %s\n",
                s, i, n, b / 1e6, t / 1e6, w, n / w, b / 1e6 / w, t / 1e6 / w, b / 1e6 / w / k, t / 1e6 / w / k, r / 1024, c,
                (c == "-") ? "-" : sprintf("%.2f", t / 1e6 / c), x, l }'
    done
    rm -rf "$work/out"
    median_wall=$(bench_median "${walls[@]}")
    peak_kb=$(printf '%s\n' "${peaks[@]}" | sort -n | tail -n 1)
}

measure 1x "$corpus"
wall_1=$median_wall
peak_1=$peak_kb
measure "${copies}x" "$stream"
wall_10=$median_wall
peak_10=$peak_kb

echo
awk -v a="$peak_1" -v b="$peak_10" -v wa="$wall_1" -v wb="$wall_10" -v lim="$limit" -v n="$copies" -v runs="$runs" 'BEGIN {
    r = b / a
    printf "peak RSS: 1x %.1f MiB, %dx %.1f MiB (max over %d run(s) each): ratio %.2f, %s (limit %.1f)\n",
        a / 1024, n, b / 1024, runs, r, (r <= lim) ? "PASS" : "FAIL", lim
    printf "wall (median): 1x %.2f s, %dx %.2f s: %.1f times as long for %d times the input\n", wa, n, wb, wb / wa, n }'
echo "load average at the end: $(bench_load)"

#!/usr/bin/env bash
# End-to-end throughput of `corroborate brief` over one JSON Lines corpus.
#
#   bench/e2e.sh [CORPUS.jsonl]
#
# Builds the CLI in Release, runs `brief` over the corpus into a temporary folder (E2E_RUNS
# times, default 5), and prints wall time, articles/s, MB/s (input file bytes / wall time,
# MB = 10^6 bytes) and peak memory (max RSS) for each run. Wall time is the whole process:
# .NET start-up, loading the language data, reading, the pipeline and writing the dossier.
#
# Corpus: the argument, else $CORROBORATE_E2E_CORPUS, else ../shared/corpus/gva-dev/articles.jsonl
# beside the repository root.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-${CORROBORATE_E2E_CORPUS:-$repo/../shared/corpus/gva-dev/articles.jsonl}}"
runs="${E2E_RUNS:-5}"

# shellcheck source=bench/lib.sh
source "$repo/bench/lib.sh"
bench_inputs E2E_RUNS

bench_timer_init
bench_build_cli "$repo"

work="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT

bytes=$(stat -c %s "$corpus")
records=$(grep -c . "$corpus" || true)
echo "== corpus $corpus: $bytes bytes, $records non-empty lines"
echo "== machine: $(bench_machine)"

walls=()
rss_all=()
printf '\n%-4s %9s %9s %12s %8s %13s %4s  %s\n' run articles wall_s articles/s MB/s peak_RSS_MiB exit load_avg
for ((i = 1; i <= runs; i++)); do
    bench_brief "$work" "$corpus"
    walls+=("$wall")
    awk -v i="$i" -v n="$articles" -v w="$wall" -v b="$bytes" -v r="$rss_kb" -v s="$status" -v l="$(bench_load)" \
        'BEGIN { printf "%-4d %9d %9.2f %12.0f %8.2f %13.1f %4d  %s\n", i, n, w, n / w, b / 1e6 / w, r / 1024, s, l }'
    rss_all+=("$rss_kb")
done

median=$(bench_median "${walls[@]}")
best=$(printf '%s\n' "${walls[@]}" | sort -g | head -n 1)
peak=$(printf '%s\n' "${rss_all[@]}" | sort -n | tail -n 1)
echo
awk -v n="$articles" -v w="$median" -v b="$bytes" -v r="$peak" -v k="$runs" 'BEGIN {
    printf "median of %d: wall %.2f s, %.0f articles/s, %.2f MB/s (input bytes / wall, MB = 10^6), peak RSS %.1f MiB (max over runs)\n", k, w, n / w, b / 1e6 / w, r / 1024 }'
awk -v n="$articles" -v w="$best" -v b="$bytes" 'BEGIN { printf "best:        wall %.2f s, %.0f articles/s, %.2f MB/s\n", w, n / w, b / 1e6 / w }'
awk -v d="$dossier_bytes" 'BEGIN { printf "output: dossier.json %.1f MB\n", d / 1e6 }'
echo "load average at the end: $(bench_load)"
# Spectre.Console wraps the CLI's closing line at the console width; join it back.
echo "CLI's own report (in-process, excludes start-up): $(awk '/^[0-9,]+ articles in/ { line = $0; getline more; print line more; exit }' "$work/brief.out")"
[[ -s "$work/brief.err" ]] && echo "note: the last run wrote $(wc -l <"$work/brief.err") lines to stderr (first: $(head -n 1 "$work/brief.err"))"
exit 0

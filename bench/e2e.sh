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

if [[ ! -f "$corpus" ]]; then
    echo "error: corpus not found: $corpus (pass a .jsonl path or set CORROBORATE_E2E_CORPUS)" >&2
    exit 2
fi
corpus="$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
    echo "error: E2E_RUNS must be a positive integer, got '$runs'" >&2
    exit 2
fi

# GNU time reports max RSS; install Debian's package when it is missing and we may, else poll /proc.
timer=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
    timer=/usr/bin/time
elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== installing Debian's 'time' package for max RSS"
    if apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; then
        timer=/usr/bin/time
    fi
fi
[[ -n "$timer" ]] || echo "== /usr/bin/time unavailable: peak RSS is sampled from /proc (VmHWM) every 50 ms"

echo "== building the CLI (Release)"
dotnet build "$repo/src/Corroborate.Cli/Corroborate.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
cli="$repo/src/Corroborate.Cli/bin/Release/net10.0/Corroborate.Cli.dll"
[[ -f "$cli" ]] || { echo "error: build produced no $cli" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-e2e.XXXXXX")"
trap 'rm -rf "$work"' EXIT

bytes=$(stat -c %s "$corpus")
records=$(grep -c . "$corpus" || true)
echo "== corpus $corpus: $bytes bytes, $records non-empty lines"
echo "== machine: load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(dotnet --version) SDK"

# Runs the CLI once; sets wall (s), rss_kb, status and articles.
run_once() {
    local out="$work/out" log="$work/log" stats="$work/stats"
    rm -rf "$out"
    local start end
    start=$(date +%s.%N)
    if [[ -n "$timer" ]]; then
        set +e
        "$timer" -f '%M' -o "$stats" dotnet "$cli" brief "$corpus" --out "$out" >"$log" 2>"$work/err"
        status=$?
        set -e
        end=$(date +%s.%N)
        rss_kb=$(tail -n 1 "$stats")
    else
        dotnet "$cli" brief "$corpus" --out "$out" >"$log" 2>"$work/err" &
        local pid=$! peak=0 hwm
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
            [[ -n "$hwm" && "$hwm" -gt "$peak" ]] && peak=$hwm
            sleep 0.05
        done
        set +e
        wait "$pid"
        status=$?
        set -e
        end=$(date +%s.%N)
        rss_kb=$peak
    fi
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    # The CLI's closing line: "N articles in M stories; ...".
    articles=$(grep -Eo '^[0-9,]+ articles in' "$log" | tail -n 1 | tr -dc '0-9')
    # 0: all read; 1: some inputs or articles failed (named on stderr), the rest processed.
    if [[ $status -gt 1 || -z "$articles" || ! -s "$out/dossier.json" ]]; then
        echo "error: brief failed (exit $status)" >&2
        tail -n 20 "$work/err" "$log" >&2
        exit 1
    fi
    dossier_bytes=$(stat -c %s "$out/dossier.json")
}

walls=()
rss_all=()
printf '\n%-4s %9s %9s %12s %8s %13s %s\n' run articles wall_s articles/s MB/s peak_RSS_MiB exit
for ((i = 1; i <= runs; i++)); do
    run_once
    walls+=("$wall")
    awk -v i="$i" -v n="$articles" -v w="$wall" -v b="$bytes" -v r="$rss_kb" -v s="$status" \
        'BEGIN { printf "%-4d %9d %9.2f %12.0f %8.2f %13.1f %d\n", i, n, w, n / w, b / 1e6 / w, r / 1024, s }'
    rss_all+=("$rss_kb")
done

median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
best=$(printf '%s\n' "${walls[@]}" | sort -g | head -n 1)
peak=$(printf '%s\n' "${rss_all[@]}" | sort -n | tail -n 1)
echo
awk -v n="$articles" -v w="$median" -v b="$bytes" -v r="$peak" -v k="$runs" 'BEGIN {
    printf "median of %d: wall %.2f s, %.0f articles/s, %.2f MB/s (input bytes / wall, MB = 10^6), peak RSS %.1f MiB (max over runs)\n", k, w, n / w, b / 1e6 / w, r / 1024 }'
awk -v n="$articles" -v w="$best" -v b="$bytes" 'BEGIN { printf "best:        wall %.2f s, %.0f articles/s, %.2f MB/s\n", w, n / w, b / 1e6 / w }'
awk -v d="$dossier_bytes" 'BEGIN { printf "output: dossier.json %.1f MB\n", d / 1e6 }'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# Spectre.Console wraps the CLI's closing line at the console width; join it back.
echo "CLI's own report (in-process, excludes start-up): $(awk '/^[0-9,]+ articles in/ { line = $0; getline more; print line more; exit }' "$work/log")"
[[ -s "$work/err" ]] && echo "note: the last run wrote $(wc -l <"$work/err") lines to stderr (first: $(head -n 1 "$work/err"))"
exit 0

# shellcheck shell=bash disable=SC2034  # the functions set variables for their callers
# Shared by the end-to-end scripts in bench/ (source it; it defines functions and sets BENCH_TIMER
# empty until bench_timer_init runs):
#
#   bench_inputs RUNS_VAR      checks the caller's $corpus (a file; made absolute) and $runs (a
#                              positive integer, named RUNS_VAR in the message); exits 2 on a bad one
#   bench_timer_init           GNU time for peak RSS and CPU time, else /proc sampling
#   bench_build_cli            builds the CLI in Release; sets BENCH_CLI
#   bench_timed PREFIX CMD...  runs CMD once, stdout to PREFIX.out, stderr to PREFIX.err;
#                              sets wall (s), rss_kb, cpu_s (user + sys, "" when unknown), status
#   bench_brief WORK CORPUS [ARGS...]
#                              `brief CORPUS --out WORK/out ARGS...` under bench_timed; also sets
#                              articles and dossier_bytes, and exits 1 if brief failed
#   bench_load                 the load average (1, 5, 15 min), for every printed figure
#   bench_machine              one line: load, cores, CPU, SDK
#   bench_median V...          the median of the numbers given
#
# Callers set -euo pipefail themselves.

# shellcheck disable=SC2154  # $corpus and $runs are the caller's
bench_inputs() {
    if [[ ! -f "$corpus" ]]; then
        echo "error: corpus not found: $corpus (pass a .jsonl path or set CORROBORATE_E2E_CORPUS)" >&2
        exit 2
    fi
    corpus="$(cd "$(dirname "$corpus")" && pwd)/$(basename "$corpus")"
    if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
        echo "error: $1 must be a positive integer, got '$runs'" >&2
        exit 2
    fi
}

bench_load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown; }

bench_machine() {
    echo "load average $(bench_load), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(dotnet --version) SDK"
}

bench_median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# GNU time reports max RSS; install Debian's package when it is missing and we may, else poll /proc.
BENCH_TIMER=""
bench_timer_init() {
    if [[ -x /usr/bin/time ]] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
        BENCH_TIMER=/usr/bin/time
    elif [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        echo "== installing Debian's 'time' package for max RSS"
        if apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; then
            BENCH_TIMER=/usr/bin/time
        fi
    fi
    [[ -n "$BENCH_TIMER" ]] || echo "== /usr/bin/time unavailable: peak RSS is sampled from /proc (VmHWM) every 50 ms, CPU time is not reported"
}

bench_build_cli() {
    local repo="$1"
    echo "== building the CLI (Release)"
    dotnet build "$repo/src/Corroborate.Cli/Corroborate.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
    BENCH_CLI="$repo/src/Corroborate.Cli/bin/Release/net10.0/Corroborate.Cli.dll"
    [[ -f "$BENCH_CLI" ]] || { echo "error: build produced no $BENCH_CLI" >&2; exit 1; }
}

bench_timed() {
    local prefix="$1"
    shift
    local start end
    start=$(date +%s.%N)
    if [[ -n "$BENCH_TIMER" ]]; then
        set +e
        "$BENCH_TIMER" -f '%M %U %S' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err"
        status=$?
        set -e
        end=$(date +%s.%N)
        read -r rss_kb cpu_s < <(tail -n 1 "$prefix.time" | awk '{ printf "%d %.2f\n", $1, $2 + $3 }')
    else
        "$@" >"$prefix.out" 2>"$prefix.err" &
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
        cpu_s=""
    fi
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
}

bench_brief() {
    local work="$1" corpus="$2"
    shift 2
    rm -rf "$work/out"
    bench_timed "$work/brief" dotnet "$BENCH_CLI" brief "$corpus" --out "$work/out" "$@"
    # The CLI's closing line: "N articles in M stories; ...".
    articles=$(grep -Eo '^[0-9,]+ articles in' "$work/brief.out" | tail -n 1 | tr -dc '0-9')
    # 0: all read; 1: some inputs or articles failed (named on stderr), the rest processed.
    if [[ $status -gt 1 || -z "$articles" || ! -s "$work/out/dossier.json" ]]; then
        echo "error: brief failed (exit $status)" >&2
        tail -n 20 "$work/brief.err" "$work/brief.out" >&2
        exit 1
    fi
    dossier_bytes=$(stat -c %s "$work/out/dossier.json")
}

# The UTF-8 bytes of the records' "text" fields, as the peer counts them: prints "RECORDS TEXT_BYTES".
bench_text_bytes() {
    python3 - "$1" <<'EOF'
import json, sys
records = text = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            records += 1
            text += len((json.loads(line).get("text") or "").encode("utf-8"))
print(records, text)
EOF
}

#!/usr/bin/env bash
# Story clustering on small batches: every corpus of eval/stories/ alone, and every pair of them mixed
# report by report, each report labelled with its corpus (no story keys), scored with `cluster-eval`.
# A user's batch is often a handful of reports of one story, or of two: each corpus must come out as
# one story, and two corpora as two.
#
#   eval/mixed.sh            (about 16 minutes on 2 cores for 23 corpora: 276 runs)
#
# Prints each run that is not perfect (pairwise F1 < 1) and a count. Exit: 0 when measured, 2 when
# python3 is missing.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v python3 >/dev/null || { echo "error: python3 not found (apt-get install python3)" >&2; exit 2; }
dotnet build "$repo/src/Corroborate.Cli/Corroborate.Cli.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly
cli="$repo/src/Corroborate.Cli/bin/Release/net10.0/Corroborate.Cli.dll"
work="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-mixed.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 - "$repo/eval/stories" "$work" <<'PY'
import itertools, json, os, sys
root, out = sys.argv[1], sys.argv[2]
def records(name):
    d, rows = os.path.join(root, name), []
    for f in sorted(os.listdir(d)):
        if f.endswith(".txt"):
            stem, meta = f[:-4], {}
            if os.path.exists(os.path.join(d, stem + ".meta.json")):
                meta = json.load(open(os.path.join(d, stem + ".meta.json"), encoding="utf-8"))
            meta.pop("story", None)
            rows.append({"id": f"{name}/{stem}", "text": open(os.path.join(d, f), encoding="utf-8").read(), "corpus": name, **meta})
    return rows
names = sorted(n for n in os.listdir(root) if os.path.isdir(os.path.join(root, n)))
def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
for n in names:
    write(os.path.join(out, n + ".jsonl"), records(n))
for a, b in itertools.combinations(names, 2):
    ra, rb = records(a), records(b)
    write(os.path.join(out, f"{a}+{b}.jsonl"), [r for pair in itertools.zip_longest(ra, rb) for r in pair if r])
PY

runs=0; imperfect=0
for f in "$work"/*.jsonl; do
    # An input cluster-eval cannot read (exit 1) is reported, not the end of the other runs.
    line=$(dotnet "$cli" cluster-eval "$f" --label corpus | sed -n 2p || true)
    runs=$((runs + 1))
    if [[ "$line" != *"F1 1.000"* ]]; then
        imperfect=$((imperfect + 1))
        echo "$(basename "$f" .jsonl): $line"
    fi
done
echo "$runs runs, $imperfect not one story per corpus"

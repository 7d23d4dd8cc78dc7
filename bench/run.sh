#!/usr/bin/env bash
# run.sh - time clad's library scan against osv-scanner's, offline, on the
# same corpus and the same advisory data, in one run.
#
# Usage: bench/run.sh [small|N] [CORPUS_DIR]
#   small|N     corpus size for ../shared/bench/make-corpus.sh (default 60;
#               "small" = 8 functions, quick)
#   CORPUS_DIR  where the corpus is built (default bench/corpus, gitignored;
#               never commit it)
#
# Builds (or refreshes) the corpus, builds clad, imports ../shared/advisories
# into a clad database and converts it to osv-scanner's offline layout, then
# runs each scanner RUNS times (default 5) under /usr/bin/time -v and prints
# the median wall time and peak RSS of both and the clad/osv-scanner ratios.
# The goal: clad at most half of osv-scanner's wall time.
#
# Environment: OSV_SCANNER (default /tmp/osvbin/osv-scanner), SHARED
# (default ../shared beside the repository), RUNS, SKIP_CORPUS=1 (reuse the
# corpus as it is).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$(dirname "$REPO")/shared}
OSV_SCANNER=${OSV_SCANNER:-/tmp/osvbin/osv-scanner}
SIZE=${1:-60}
CORPUS=${2:-$REPO/bench/corpus}
RUNS=${RUNS:-5}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clad-bench-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
[[ -x $OSV_SCANNER ]] || { echo "osv-scanner not found at $OSV_SCANNER (GOBIN=/tmp/osvbin go install github.com/google/osv-scanner/v2/cmd/osv-scanner@v2.3.2)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "needs GNU time at /usr/bin/time" >&2; exit 2; }

if [[ ${SKIP_CORPUS:-0} != 1 ]]; then
  bash "$SHARED/bench/make-corpus.sh" "$CORPUS" "$SIZE" >&2
fi
TARGET=$CORPUS/monorepo
(cd "$REPO" && go build -o "$WORK/clad" ./cmd/clad)
"$WORK/clad" db import "$SHARED/advisories" --db-dir "$WORK/claddb" > /dev/null
python3 "$REPO/bench/osvzip.py" "$WORK/osvdb" "$SHARED/advisories" 2> /dev/null

# measure NAME CMD...: run CMD once, append "wall-s max-RSS-kB user-s sys-s".
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || true
  tail -n 1 "$WORK/$name.time" >> "$WORK/$name.times"
}
clad_scan() {
  "$WORK/clad" scan "$TARGET" --category library --offline --format json --fail-on none --db-dir "$WORK/claddb"
}
osv_scan() {
  OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY="$WORK/osvdb" "$OSV_SCANNER" scan source --offline --offline-vulnerabilities --format json -r "$TARGET"
}
export -f clad_scan osv_scan
export WORK TARGET OSV_SCANNER
# One warm-up run each (file cache), then alternate so noise hits both.
bash -c clad_scan > /dev/null 2>&1 || true
bash -c osv_scan > /dev/null 2>&1 || true
for ((r = 0; r < RUNS; r++)); do
  measure clad bash -c clad_scan
  measure osv bash -c osv_scan
done

python3 - "$WORK" "$TARGET" <<'PY'
import json, statistics, sys
work, target = sys.argv[1], sys.argv[2]
def stats(name):
    rows = [tuple(map(float, l.split())) for l in open(f"{work}/{name}.times") if l.strip()]
    med = lambda xs: statistics.median(list(xs))
    return med(r[0] for r in rows), med(r[1] for r in rows) / 1024, med(r[2] + r[3] for r in rows), len(rows)
cw, cm, cc, n = stats("clad")
ow, om, oc, _ = stats("osv")
clad = json.load(open(f"{work}/clad.out"))
osv = json.load(open(f"{work}/osv.out"))
groups = sum(len(p.get("groups", [])) for r in osv.get("results", []) for p in r.get("packages", []))
print(f"corpus: {target}")
print(f"runs: {n} each (median); load average {open('/proc/loadavg').read().split()[0]}")
print(f"clad:        wall {cw:.3f} s  cpu {cc:.3f} s  peak RSS {cm:.1f} MiB  findings {len(clad.get('findings', []))}  not_run {clad['summary'].get('not_run', [])}")
print(f"osv-scanner: wall {ow:.3f} s  cpu {oc:.3f} s  peak RSS {om:.1f} MiB  vulnerability groups {groups} in {len(osv.get('results', []))} files")
print(f"ratio clad/osv-scanner: wall {cw / ow:.2f}  cpu {cc / oc:.2f}  RSS {cm / om:.2f}  (goal: wall <= 0.50)")
PY

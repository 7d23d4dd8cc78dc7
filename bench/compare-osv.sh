#!/usr/bin/env bash
# compare-osv.sh - compare clad's library findings with osv-scanner's, both
# offline, on the same lockfiles and the same advisory data. Not part of
# `go test`: it needs osv-scanner, built outside the repository.
#
# Usage: bench/compare-osv.sh [WORKDIR]   (default /tmp/clad-osv-compare)
#
# Lockfiles: the 43 real package-lock.json files in ../shared/bench/locks and
# the two examples. Data: ../shared/advisories, imported into a clad database
# and converted to osv-scanner's offline layout (<dir>/osv-scanner/<Eco>/all.zip).
# Run twice: once with the OSV data alone, once with clad's enrichment feed
# added to osv-scanner's data too (the only expected difference).
#
# Environment: OSV_SCANNER (default /tmp/osvbin/osv-scanner; build it with
#   GOBIN=/tmp/osvbin go install github.com/google/osv-scanner/v2/cmd/osv-scanner@v2.3.2)
#   SHARED (default ../shared beside the repository).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SHARED=${SHARED:-$(dirname "$REPO")/shared}
OSV_SCANNER=${OSV_SCANNER:-/tmp/osvbin/osv-scanner}
WORK=${1:-/tmp/clad-osv-compare}
[[ -x $OSV_SCANNER ]] || { echo "osv-scanner not found at $OSV_SCANNER (see the header of this script)" >&2; exit 2; }
[[ -d $SHARED/advisories ]] || { echo "missing $SHARED/advisories" >&2; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK/tree/locks" "$WORK/tree/examples"
for f in "$SHARED"/bench/locks/*.json; do
  n=$(basename "$f" .json); mkdir -p "$WORK/tree/locks/$n"; cp "$f" "$WORK/tree/locks/$n/package-lock.json"
done
for e in aws-orders azure-todo; do
  mkdir -p "$WORK/tree/examples/$e"; cp "$REPO/examples/$e/package-lock.json" "$WORK/tree/examples/$e/"
done

(cd "$REPO" && go build -o "$WORK/clad" ./cmd/clad)
"$WORK/clad" db import "$SHARED/advisories" --db-dir "$WORK/claddb" > /dev/null
python3 "$REPO/bench/osvzip.py" "$WORK/osvdb" "$SHARED/advisories" 2> /dev/null
python3 "$REPO/bench/osvzip.py" "$WORK/osvdb-feed" "$SHARED/advisories" "$REPO/internal/advisory/feed" 2> /dev/null

"$WORK/clad" scan "$WORK/tree" --category library --offline --format json --fail-on none \
  --db-dir "$WORK/claddb" > "$WORK/clad.json" 2> "$WORK/clad.err" || true
for db in osvdb osvdb-feed; do
  OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY="$WORK/$db" "$OSV_SCANNER" scan source --offline --offline-vulnerabilities \
    --format json -r "$WORK/tree" > "$WORK/$db.json" 2> "$WORK/$db.err" || true
done

echo "== OSV data only (osv-scanner) vs OSV data + clad feed (clad)"
python3 "$REPO/bench/compare.py" "$WORK/tree" "$WORK/clad.json" "$WORK/osvdb.json"
echo
echo "== both with the feed"
python3 "$REPO/bench/compare.py" "$WORK/tree" "$WORK/clad.json" "$WORK/osvdb-feed.json"

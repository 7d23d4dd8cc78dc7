#!/usr/bin/env python3
"""Build osv-scanner's offline databases from OSV snapshot files.

Usage: osvzip.py OUT SNAPSHOT_DIR [FEED_DIR]

Reads every <Ecosystem>.jsonl.gz in SNAPSHOT_DIR (one OSV record per line,
the format of ../shared/advisories) and writes OUT/osv-scanner/<Ecosystem>/all.zip
with one <id>.json per record: the layout osv-scanner reads when run with
--offline-vulnerabilities and OSV_SCANNER_LOCAL_DB_CACHE_DIRECTORY=OUT.
With FEED_DIR, the OSV JSON files there (clad's enrichment feed) are added to
the zip of each ecosystem they affect.
"""
import glob
import gzip
import json
import os
import sys
import zipfile


def records(snapshot_dir):
    for path in sorted(glob.glob(os.path.join(snapshot_dir, "*.jsonl.gz"))):
        eco = os.path.basename(path)[: -len(".jsonl.gz")]
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    yield eco, json.loads(line)


def feed(feed_dir):
    for path in sorted(glob.glob(os.path.join(feed_dir, "*.json"))):
        with open(path, encoding="utf-8") as f:
            rec = json.load(f)
        for eco in sorted({a["package"]["ecosystem"] for a in rec.get("affected", [])}):
            yield eco, rec


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    out, snap = sys.argv[1], sys.argv[2]
    by_eco = {}
    for eco, rec in records(snap):
        by_eco.setdefault(eco, {})[rec["id"]] = rec
    if len(sys.argv) == 4:
        for eco, rec in feed(sys.argv[3]):
            by_eco.setdefault(eco, {})[rec["id"]] = rec
    for eco, recs in sorted(by_eco.items()):
        d = os.path.join(out, "osv-scanner", eco)
        os.makedirs(d, exist_ok=True)
        with zipfile.ZipFile(os.path.join(d, "all.zip"), "w", zipfile.ZIP_DEFLATED) as z:
            for rid, rec in sorted(recs.items()):
                z.writestr(rid + ".json", json.dumps(rec))
        print(f"{eco}: {len(recs)} records", file=sys.stderr)


if __name__ == "__main__":
    main()

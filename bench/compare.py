#!/usr/bin/env python3
"""Compare clad's library findings with osv-scanner's on the same files.

Usage: compare.py ROOT CLAD_JSON OSV_JSON

ROOT is the directory both tools scanned. A pair is one package version in
one lockfile and one flaw: clad's finding (its id and aliases) and
osv-scanner's group (its ids and the aliases of its records) are the same
pair when they share an id. Prints the agreement and every difference.
"""
import json
import os
import sys
from collections import defaultdict


def clad_pairs(path):
    out = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        rep = json.load(f)
    for fd in rep.get("findings", []):
        v = fd.get("vulnerability")
        if fd.get("category") != "library" or not v:
            continue
        key = (fd["file"], v["package"], v["version"])
        ids = {v["id"], *v.get("aliases", [])}
        out[key].append({"ids": ids, "label": v["id"], "rule": fd["rule"], "fixed": v.get("fixed", "")})
    return out, rep.get("summary", {}).get("not_run", [])


def osv_pairs(path, root):
    out = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        rep = json.load(f)
    for res in rep.get("results", []):
        rel = os.path.relpath(res["source"]["path"], root).replace(os.sep, "/")
        for p in res.get("packages", []):
            pkg = p["package"]
            key = (rel, pkg["name"], pkg["version"])
            aliases = {v["id"]: set(v.get("aliases", [])) for v in p.get("vulnerabilities", [])}
            for g in p.get("groups", []):
                ids = set(g["ids"]) | set(g.get("aliases", []))
                for i in g["ids"]:
                    ids |= aliases.get(i, set())
                out[key].append({"ids": ids, "label": ",".join(sorted(g["ids"]))})
    return out


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, clad_json, osv_json = sys.argv[1:]
    clad, not_run = clad_pairs(clad_json)
    osv = osv_pairs(osv_json, root)
    if not_run:
        print("clad did not run some checks:", not_run)
    agree, only_clad, only_osv, regrouped = 0, [], [], []
    files = set()
    for key in sorted(set(clad) | set(osv)):
        files.add(key[0])
        cs, os_ = clad.get(key, []), osv.get(key, [])
        used = set()
        for c in cs:
            hits = [i for i, o in enumerate(os_) if c["ids"] & o["ids"]]
            if not hits:
                only_clad.append((key, c))
                continue
            if len(hits) > 1:
                regrouped.append((key, c["label"], [os_[i]["label"] for i in hits]))
            agree += 1
            used.update(hits)
        for i, o in enumerate(os_):
            split = [c["label"] for c in cs if c["ids"] & o["ids"]]
            if len(split) > 1:
                regrouped.append((key, "+".join(split), [o["label"]]))
            if i in used:
                continue
            if any(o["ids"] & c["ids"] for c in cs):
                continue
            only_osv.append((key, o))
    total = agree + len(only_clad) + len(only_osv)
    pct = 100.0 * agree / total if total else 100.0
    print(f"lockfiles with findings: {len(files)}")
    print(f"pairs (package version x flaw): {total}; agree {agree} ({pct:.1f}%), clad only {len(only_clad)}, osv-scanner only {len(only_osv)}")
    for key, c in only_clad:
        print(f"  clad only: {key[0]} {key[1]}@{key[2]} {c['label']} ({c['rule']}) ids={sorted(c['ids'])}")
    for key, o in only_osv:
        print(f"  osv-scanner only: {key[0]} {key[1]}@{key[2]} {o['label']} ids={sorted(o['ids'])}")
    for key, c, os_labels in regrouped:
        print(f"  grouped differently: {key[0]} {key[1]}@{key[2]} clad {c} = osv-scanner {os_labels}")


if __name__ == "__main__":
    main()

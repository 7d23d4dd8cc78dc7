// Package db is clad's local advisory database: OSV records imported from
// an OSV export (all.zip), a folder of OSV JSON files or *.jsonl.gz
// snapshots, or downloaded per ecosystem from OSV's public export, kept in
// a compact on-disk index that loads in milliseconds, and merged at query
// time with the enrichment feed embedded in clad.
//
// Layout of the database directory ($CLAD_DB_DIR, else clad/db under the
// user cache directory):
//
//	CURRENT              name of the live generation (replaced atomically)
//	gen-<time>-<rand>/   one complete generation, never modified once live
//	    meta.json        sources, per-ecosystem counts, times
//	    <ecosystem>.idx  one index file per ecosystem (see format.go)
//	.tmp-<rand>/         a generation being written (removed on failure)
//	LOCK                 held by the one writer (import or update) at a time
//
// Every write builds a new generation in a temporary directory beside the
// live one, fsyncs it, renames it into place and only then switches CURRENT
// with an atomic rename: a crash at any point leaves the previous database
// intact, never half of one.
package db

// Package advisory holds clad's view of OSV vulnerability records: the
// record types, tolerant decoding, per-ecosystem version ordering (through
// the semantic package of google/osv-scalibr), range evaluation exactly as
// the OSV schema defines it, severity scoring (CVSS v4, v3.x and v2 vectors
// through pandatix/go-cvss, else the database's label) and the matching of
// one installed package version against a set of records, with records that
// describe the same flaw merged through their aliases.
//
// The on-disk database lives in the db sub-package and the enrichment feed
// kept in the repository in the feed sub-package.
package advisory

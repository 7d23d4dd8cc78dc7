// Package taint is clad's data-flow engine for handler code. It lowers the
// tree-sitter syntax trees of JavaScript, TypeScript, Python and Go files
// (see package source) into a small language-neutral representation
// (ir.go), then interprets a function's handler abstractly: the event
// parameter is marked tainted where the trigger puts attacker data
// (sources.go), taint follows assignments, destructuring, property access,
// string building, containers, library propagators and local calls across
// files (with a bounded depth), guards and sanitisers end it, and reaching a
// dangerous sink (sinks_*.go) yields an Issue with the trace from source to
// sink. A few high-signal patterns that need no taint (authorisation checks
// that fall through, JWTs decoded without verification, secrets compared
// with ==) are checked on the same representation.
//
// The engine never executes the scanned code; every walk is bounded.
package taint

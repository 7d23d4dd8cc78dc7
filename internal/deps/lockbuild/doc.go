// Package lockbuild holds what the lockfile parsers of every ecosystem share:
// a Builder that collects packages, edges and roots into a deps.Lockfile
// with a stable order and scopes computed through the graph, the error type
// that carries the file and line of a parse failure, and the text checks
// every parser runs before reading a file.
package lockbuild

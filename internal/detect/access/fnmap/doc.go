// Package fnmap holds the questions the access detectors ask of the
// function map: which triggers are HTTP endpoints and how to name them,
// which functions look like admin operations, which environment entries
// look like secrets, which functions belong together, and where in a
// manifest a setting is written.
package fnmap

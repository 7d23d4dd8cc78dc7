package model

// Problem is something clad could not read or analyse. It is reported in
// the errors[] list of every output, so a file clad could not read is never
// silently "clean".
type Problem struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	// Level is "error" (the file could not be analysed) or "warning"
	// (analysed with a gap, or deliberately not analysed).
	Level string `json:"level"`
	// Kind: parse, unsupported, limit, io, unsafe, config, resolve.
	Kind string `json:"kind"`
	// Stage names the walker or extractor that hit it.
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// Problem levels.
const (
	LevelError   = "error"
	LevelWarning = "warning"
)

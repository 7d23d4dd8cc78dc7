package config

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is an invalid config file. It lists every issue found, each with
// the line it is on. The CLI maps it to exit code 2.
type Error struct {
	File   string
	Issues []Issue
}

// Issue is one problem in the config file.
type Issue struct {
	// Line is 1-based; 0 when the issue has no line.
	Line    int
	Message string
}

// Error formats the issues as "file:line: message".
func (e *Error) Error() string {
	if len(e.Issues) == 1 {
		return "invalid config " + e.Issues[0].at(e.File)
	}
	lines := make([]string, 0, len(e.Issues)+1)
	lines = append(lines, fmt.Sprintf("invalid config %s (%d problems):", e.File, len(e.Issues)))
	for _, is := range e.Issues {
		lines = append(lines, "  "+is.at(e.File))
	}
	return strings.Join(lines, "\n")
}

func (is Issue) at(file string) string {
	if is.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", file, is.Line, is.Message)
	}
	return fmt.Sprintf("%s: %s", file, is.Message)
}

// Known keys, for messages.
const (
	topKeys    = "version, skip, fail-on, categories, ignores"
	ignoreKeys = "rule, fingerprint, path, function, reason, until"
)

var (
	lineRe    = regexp.MustCompile(`^line (\d+): (.*)$`)
	unknownRe = regexp.MustCompile(`^field (.*) not found in type (\S+)$`)
)

// decodeIssues turns a yaml error into issues with clear messages: unknown
// keys and the shape checks of the UnmarshalYAML methods (decode.go) come
// as a *yaml.TypeError, syntax errors as a plain error.
func decodeIssues(err error) []Issue {
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		is := splitLine(strings.TrimPrefix(err.Error(), "yaml: "))
		is.Message = "invalid YAML: " + is.Message
		return []Issue{is}
	}
	issues := make([]Issue, 0, len(te.Errors))
	for _, msg := range te.Errors {
		is := splitLine(msg)
		if m := unknownRe.FindStringSubmatch(is.Message); m != nil {
			is.Message = unknownKey(m[1], m[2])
		}
		issues = append(issues, is)
	}
	return issues
}

// splitLine splits "line N: message".
func splitLine(msg string) Issue {
	if m := lineRe.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return Issue{Line: n, Message: m[2]}
	}
	return Issue{Message: msg}
}

// unknownKey words the decoder's "field X not found in type T".
func unknownKey(key, typ string) string {
	switch {
	case strings.HasSuffix(typ, ".ignoreFields"):
		return fmt.Sprintf("unknown key %q in ignore entry (known keys: %s)", key, ignoreKeys)
	case strings.HasSuffix(typ, ".configFields"):
		return fmt.Sprintf("unknown key %q (known keys: %s)", key, topKeys)
	}
	return fmt.Sprintf("unknown key %q", key)
}

// kindName names the shape of a node for messages ("a list").
func kindName(n *yaml.Node) string {
	n = resolve(n)
	switch {
	case n == nil || isNull(n):
		return "empty"
	case n.Kind == yaml.SequenceNode:
		return "a list"
	case n.Kind == yaml.MappingNode:
		return "a mapping"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:37] + "..."
	}
	return fmt.Sprintf("%q", v)
}

package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// The file is decoded strictly (Decoder.KnownFields) into these structs.
// Leaf values are kept as nodes so that build can check each one with its
// key and line; the mapping and list levels check their own shape and
// report through *yaml.TypeError so that every issue is collected.

// fileConfig is the top level of the file.
type fileConfig struct {
	fields configFields
}

// configFields are the top-level keys.
type configFields struct {
	Version    yaml.Node  `yaml:"version"`
	Skip       yaml.Node  `yaml:"skip"`
	FailOn     yaml.Node  `yaml:"fail-on"`
	Categories yaml.Node  `yaml:"categories"`
	Ignores    ignoreList `yaml:"ignores"`
}

// ignoreList is the ignores sequence.
type ignoreList []ignoreEntry

// ignoreEntry is one item of ignores, with its line.
type ignoreEntry struct {
	line   int
	fields ignoreFields
}

// ignoreFields are the keys of an ignore entry.
type ignoreFields struct {
	Rule        yaml.Node `yaml:"rule"`
	Fingerprint yaml.Node `yaml:"fingerprint"`
	Path        yaml.Node `yaml:"path"`
	Function    yaml.Node `yaml:"function"`
	Reason      yaml.Node `yaml:"reason"`
	Until       yaml.Node `yaml:"until"`
}

// UnmarshalYAML checks that the document is a mapping, then decodes its
// keys with the strict decoder.
func (c *fileConfig) UnmarshalYAML(unmarshal func(any) error) error {
	n, err := capture(unmarshal)
	if err != nil {
		return err
	}
	if n.Kind != yaml.MappingNode {
		return lineError(n.Line, "the config must be a mapping of keys (%s), not %s", topKeys, kindName(n))
	}
	return unmarshal(&c.fields)
}

// UnmarshalYAML checks that ignores is a list and reports empty entries.
func (l *ignoreList) UnmarshalYAML(unmarshal func(any) error) error {
	n, err := capture(unmarshal)
	if err != nil {
		return err
	}
	if n.Kind != yaml.SequenceNode {
		return lineError(n.Line, "ignores must be a list of entries, not %s", kindName(n))
	}
	var errs []string
	for _, item := range n.Content {
		if isNull(item) {
			errs = append(errs, fmt.Sprintf("line %d: empty ignore entry: an ignore needs rule or fingerprint, and reason", item.Line))
		}
	}
	err = unmarshal((*[]ignoreEntry)(l))
	var te *yaml.TypeError
	switch {
	case errors.As(err, &te):
		errs = append(errs, te.Errors...)
	case err != nil:
		return err
	}
	kept := (*l)[:0]
	for _, e := range *l {
		if e.line > 0 { // empty entries decode to zero values
			kept = append(kept, e)
		}
	}
	*l = kept
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	return nil
}

// UnmarshalYAML records the entry's line and decodes its keys.
func (e *ignoreEntry) UnmarshalYAML(unmarshal func(any) error) error {
	n, err := capture(unmarshal)
	if err != nil {
		return err
	}
	e.line = n.Line
	if n.Kind != yaml.MappingNode {
		return lineError(n.Line, "an ignore entry must be a mapping with keys (%s), not %s", ignoreKeys, kindName(n))
	}
	return unmarshal(&e.fields)
}

// nodeOf captures the node being decoded: the decoder hands out yaml.Node
// values to struct fields only, not through the unmarshal callback.
type nodeOf struct{ n *yaml.Node }

// UnmarshalYAML keeps the node.
func (c *nodeOf) UnmarshalYAML(n *yaml.Node) error {
	c.n = n
	return nil
}

// capture returns the node an obsolete-style unmarshaler is decoding.
func capture(unmarshal func(any) error) (*yaml.Node, error) {
	var c nodeOf
	if err := unmarshal(&c); err != nil {
		return nil, err
	}
	return c.n, nil
}

// decode parses data into the raw structs. An empty document (no content,
// only comments, or null) yields a zero fileConfig. Invalid YAML returns a
// nil fileConfig; invalid keys and shapes return what could be decoded
// together with the issues, so that build can report the rest.
func decode(data []byte) (c *fileConfig, issues []Issue) {
	defer func() {
		if r := recover(); r != nil {
			c, issues = nil, []Issue{{Message: fmt.Sprintf("invalid YAML: the parser failed: %v", r)}}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	c = &fileConfig{}
	err := dec.Decode(c)
	var te *yaml.TypeError
	switch {
	case errors.Is(err, io.EOF):
		return c, nil
	case errors.As(err, &te):
		issues = decodeIssues(err)
	case err != nil:
		return nil, decodeIssues(err)
	}
	if is, ok := extraDocument(dec); !ok {
		issues = append(issues, is)
	}
	return c, issues
}

// extraDocument checks that no document with content follows the first.
func extraDocument(dec *yaml.Decoder) (Issue, bool) {
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		switch {
		case errors.Is(err, io.EOF):
			return Issue{}, true
		case err != nil:
			return decodeIssues(err)[0], false
		case !emptyDocument(&n):
			return Issue{Line: n.Line, Message: "the config must hold a single YAML document"}, false
		}
	}
}

// emptyDocument reports a document that holds nothing or null.
func emptyDocument(n *yaml.Node) bool {
	if n.Kind == yaml.DocumentNode {
		return len(n.Content) == 0 || isNull(n.Content[0])
	}
	return isNull(n)
}

// lineError reports one issue through the decoder's error list.
func lineError(line int, format string, args ...any) error {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: ", line) + fmt.Sprintf(format, args...)}}
}

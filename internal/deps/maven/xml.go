package maven

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// XML bounds.
const (
	maxXMLDepth = 64
	maxXMLNodes = 200_000
)

// node is an XML element with its text and line.
type node struct {
	name     string
	text     string
	children []*node
	line     int
}

// child returns the first child element named name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// elements returns all child elements (nil for a nil node).
func (n *node) elements() []*node {
	if n == nil {
		return nil
	}
	return n.children
}

// all returns the child elements named name.
func (n *node) all(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
	}
	return out
}

// value returns the trimmed text of the child named name.
func (n *node) value(name string) string {
	if c := n.child(name); c != nil {
		return strings.TrimSpace(c.text)
	}
	return ""
}

// lineError is a parse error at a line.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string   { return e.err.Error() }
func (e *lineError) Unwrap() error   { return e.err }
func (e *lineError) LineNumber() int { return e.line }

// parseXML reads a document into a node tree (namespaces dropped, text of
// mixed content concatenated). encoding/xml never fetches external
// entities, and depth and size are bounded.
func parseXML(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "iso-8859-1") || strings.EqualFold(label, "us-ascii") {
			return r, nil // the elements clad reads are ASCII
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	var stack []*node
	var root *node
	count := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		line, _ := d.InputPos()
		if err != nil {
			return nil, &lineError{line: line, err: err}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if len(stack) >= maxXMLDepth || count > maxXMLNodes {
				return nil, &lineError{line: line, err: errors.New("XML too deeply nested or too large")}
			}
			n := &node{name: t.Name.Local, line: line}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.children = append(top.children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("no XML element")
	}
	return root, nil
}

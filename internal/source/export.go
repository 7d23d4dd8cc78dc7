package source

import "strings"

// ExportLine returns the 1-based line where the exported symbol is defined,
// or 0 when the file does not export it. symbol may be a dotted path
// ("handlers.create") for JavaScript objects of handlers.
//
//   - JavaScript/TypeScript: CommonJS exports (exports.x, module.exports.x,
//     module.exports = {...}) and ES module exports (export const/function/
//     class, export {a as x}, export default for symbol "default"). When the
//     export names a local function or variable, its declaration's line is
//     returned; otherwise the line of the export itself.
//   - Python: a module-level def/async def, class, assignment or import
//     binding the name (a def wins over other bindings).
//   - Go: a top-level func of that name ("main").
func (f *File) ExportLine(symbol string) int {
	root := f.root()
	if root == nil || symbol == "" {
		return 0
	}
	switch {
	case f.Lang.IsJS():
		return f.jsExportLine(root, splitSymbol(symbol))
	case f.Lang == Python:
		return f.pyExportLine(root, symbol)
	case f.Lang == Go:
		return f.goFuncLine(root, symbol)
	}
	return 0
}

// HandlerLine returns the line of the code a runtime invokes for symbol. It
// is ExportLine, except for Go's "main", where it is the function handed to
// lambda.Start (or a sibling Start* call) when that function is declared in
// the file, else func main.
func (f *File) HandlerLine(symbol string) int {
	root := f.root()
	if root == nil {
		return 0
	}
	if f.Lang == Go && (symbol == "main" || symbol == "") {
		if l := f.goLambdaTarget(root); l > 0 {
			return l
		}
		return f.goFuncLine(root, "main")
	}
	return f.ExportLine(symbol)
}

// splitSymbol splits a dotted handler symbol into its parts, dropping empty
// ones ("a..b" → [a b]).
func splitSymbol(symbol string) []string {
	var parts []string
	for _, p := range strings.Split(symbol, ".") {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

package taint

import "github.com/cladsec/clad/internal/source"

// The language-neutral representation. Front-ends (lower_*.go) build it from
// tree-sitter trees; the interpreter (interp*.go) evaluates it abstractly.
// Every node records the 1-based line it starts on and its byte range in
// the module's source, for traces and evidence.

// Node is the position every IR node carries.
type Node struct {
	Line       int
	Start, End uint32
}

// Pos returns the node itself (it satisfies Expr, Stmt and Pattern).
func (n *Node) pos() *Node { return n }

// Expr is an expression.
type Expr interface{ pos() *Node }

// Stmt is a statement.
type Stmt interface{ pos() *Node }

// Pattern is an assignment target or a parameter.
type Pattern interface{ pos() *Node }

// Module is one lowered source file.
type Module struct {
	Path string
	Lang source.Lang
	Src  []byte
	// Body holds the top-level statements, in order.
	Body []Stmt
	// Exports lists ES module exports by exported name ("default" too):
	// evaluated after the body, in the module's scope.
	Exports map[string]Expr
	// GoPackage is the package clause of a Go file.
	GoPackage string
	// Funcs lists every function of the file in source order (outer
	// before inner), to find a handler by its line.
	Funcs []*Func
}

// Func is a function, method, arrow function or lambda.
type Func struct {
	Node
	Name   string
	Params []*Param
	Body   []Stmt
	// Mod is the module the function is written in.
	Mod *Module
	// Recv is a Go method's receiver, nil otherwise.
	Recv *Param
	// lazy lowers Body on first use: most functions of a module (a
	// bundle's vendored code above all) are never called.
	lazy func() []Stmt
}

// stmts returns the function's body, lowering it on first use.
func (f *Func) stmts() []Stmt {
	if f.lazy != nil {
		lower := f.lazy
		f.lazy = nil
		f.Body = lower()
	}
	return f.Body
}

// lowerAll lowers every function body of m not lowered yet (and those of
// the functions they declare).
func (m *Module) lowerAll() {
	for i := 0; i < len(m.Funcs); i++ {
		m.Funcs[i].stmts()
	}
}

// Param is one formal parameter.
type Param struct {
	Node
	Pat Pattern
	// Default is the default value (JS `x = 1`, Python `x=1`), or nil.
	Default Expr
	// Rest marks `...args` / `*args`; KwRest marks `**kwargs`.
	Rest, KwRest bool
	// Type is the annotation's text (TypeScript, Python, Go), "" if none.
	Type string
}

// --- expressions ---

// LitKind classifies literals.
type LitKind int

// Literal kinds.
const (
	LitOther LitKind = iota
	LitString
	LitNumber
	LitBool
	LitNull
	LitRegex
)

// Ident is a name.
type Ident struct {
	Node
	Name string
}

// Lit is a literal. Val is a string's content, a regex's source text
// (/…/flags), or the literal's text.
type Lit struct {
	Node
	Kind LitKind
	Val  string
}

// Member is x.name, x["name"] (Name set) or x[index] (Index set).
type Member struct {
	Node
	X     Expr
	Name  string
	Index Expr
}

// KwArg is a Python keyword argument (or **spread when Name is "").
type KwArg struct {
	Name  string
	Value Expr
}

// Call is a call, or a construction when New is set.
type Call struct {
	Node
	Fn   Expr
	Args []Expr
	KW   []KwArg
	New  bool
}

// Binary is an infix operation, logical and comparison operators included
// (&&, ||, ??, and, or, ==, ===, in, not in, is, +, %, …).
type Binary struct {
	Node
	Op   string
	L, R Expr
}

// Unary is a prefix operation: !, not, typeof, -, +, ~, await, void,
// delete, and Go's * and &.
type Unary struct {
	Node
	Op string
	X  Expr
}

// Template is a template literal or f-string: literal parts are *Lit
// strings, the rest substitutions. Tag is the tag function, if any.
type Template struct {
	Node
	Parts []Expr
	Tag   Expr
}

// Prop is one entry of an object literal.
type Prop struct {
	Node
	// Key is the property name when known; KeyX a computed key.
	Key   string
	KeyX  Expr
	Value Expr
	// Spread marks `...x` (JS) or `**x` (Python).
	Spread bool
}

// Object is an object literal, Python dict or Go composite literal with keys.
type Object struct {
	Node
	Props []*Prop
}

// Array is an array, list, tuple or set literal.
type Array struct {
	Node
	Elems []Expr
}

// Spread is `...x` in an array or argument list (Python `*x`).
type Spread struct {
	Node
	X Expr
}

// FuncLit is a function expression, arrow function or lambda.
type FuncLit struct {
	Node
	F *Func
}

// Cond is a ternary (or Python conditional expression).
type Cond struct {
	Node
	Test, Then, Else Expr
}

// AssignX is an assignment in expression position (JS `a = b` inside an
// expression, Python walrus).
type AssignX struct {
	Node
	Target Pattern
	Op     string
	Value  Expr
}

// Seq is a comma expression; its value is the last one's.
type Seq struct {
	Node
	List []Expr
}

// Comp is a Python comprehension or generator: for each binding, Elem.
type Comp struct {
	Node
	Elem  Expr
	Binds []CompFor
	Conds []Expr
	// Dict marks a dict comprehension (Elem is the value, Key the key).
	Key Expr
}

// CompFor is one `for target in iter` of a comprehension.
type CompFor struct {
	Target Pattern
	Iter   Expr
}

// ClassLit is a class (JS class declaration or expression, Python class).
type ClassLit struct {
	Node
	Name    string
	Super   Expr
	Methods map[string]*Func
	// Static holds static methods and class-level fields.
	Static map[string]Expr
}

// Opaque is a construct the front-end does not model; taint flows through
// its operands.
type Opaque struct {
	Node
	Kids []Expr
}

// --- patterns ---

// PIdent binds a name.
type PIdent struct {
	Node
	Name string
}

// PExpr assigns to a member expression (a.b = …, a[i] = …).
type PExpr struct {
	Node
	X Expr
}

// PProp is one entry of an object pattern.
type PProp struct {
	Key   string
	KeyX  Expr
	Value Pattern
	Rest  bool
}

// PObject is an object destructuring pattern.
type PObject struct {
	Node
	Props []PProp
}

// PArray is an array/tuple destructuring pattern; Rest may be nil.
type PArray struct {
	Node
	Elems []Pattern
	Rest  Pattern
}

// PDefault is `pattern = default`.
type PDefault struct {
	Node
	P       Pattern
	Default Expr
}

// --- statements ---

// Assign is a declaration or assignment: Op is "=" or a compound operator
// ("+=", …). Decl marks a declaration (const/let/var, :=).
type Assign struct {
	Node
	Target Pattern
	Op     string
	Value  Expr
	Decl   bool
}

// ExprStmt evaluates an expression for its effects.
type ExprStmt struct {
	Node
	X Expr
}

// Return returns X (nil for a bare return).
type Return struct {
	Node
	X Expr
}

// Throw raises X (JS throw, Python raise, Go panic).
type Throw struct {
	Node
	X Expr
}

// If is an if statement (elif chains nest in Else).
type If struct {
	Node
	Cond Expr
	Then []Stmt
	Else []Stmt
}

// ForEach binds Target to each element (or key, when Keys) of Iter.
type ForEach struct {
	Node
	Target Pattern
	Iter   Expr
	Keys   bool
	Body   []Stmt
}

// Loop is a while, do-while or C-style for loop.
type Loop struct {
	Node
	Init []Stmt
	Cond Expr
	Post []Stmt
	Body []Stmt
}

// Try is try/catch/finally (Python try/except, with Param the bound error).
type Try struct {
	Node
	Body    []Stmt
	Param   Pattern
	Catch   []Stmt
	Finally []Stmt
}

// Case is one clause of a switch; a default clause has no Tests.
type Case struct {
	Tests []Expr
	Body  []Stmt
}

// Switch is a switch (or Python match) statement.
type Switch struct {
	Node
	Tag   Expr
	Cases []Case
}

// Block is a nested block.
type Block struct {
	Node
	Body []Stmt
}

// FuncDecl declares a named function (hoisted in JavaScript).
type FuncDecl struct {
	Node
	Name string
	F    *Func
}

// ClassDecl declares a named class.
type ClassDecl struct {
	Node
	Class *ClassLit
}

// Jump is break or continue.
type Jump struct {
	Node
	Continue bool
}

// ImportName is one binding of an import: Imported is the exported name
// ("default", "*" for a namespace, or a name).
type ImportName struct {
	Local, Imported string
}

// Import binds names from a module: ES import, Python import/from-import,
// Go import. Spec is the module as written.
type Import struct {
	Node
	Spec  string
	Names []ImportName
	// PyName is the `from M import N` name, for source.ResolveImport.
	PyName string
}

// Assert is Python's assert: the rest of the block may rely on Cond.
type Assert struct {
	Node
	Cond Expr
}

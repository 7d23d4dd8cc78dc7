package source

// Azure Functions code-defined programming models (Python v2, Node.js v4)
// declare functions by calls in code rather than in function.json. The
// AzurePy* and AzureNode* queries return those calls with their literal
// arguments; the azure extractor gives them meaning.

// Kinds of AzureValue.
const (
	AzureString   = "string"   // a literal string (Text is its content)
	AzureNumber   = "number"   // a literal number (Text as written)
	AzureBool     = "bool"     // Text is "true" or "false"
	AzureNone     = "none"     // Python None, JavaScript null or undefined
	AzureName     = "name"     // an identifier or dotted name (Text: "func.AuthLevel.ANONYMOUS")
	AzureList     = "list"     // a list, tuple or array literal (Items)
	AzureObject   = "object"   // a JavaScript object literal (Fields)
	AzureCallExpr = "call"     // a call (Text: the dotted callee, Items: positional arguments, Fields: keyword arguments)
	AzureFunction = "function" // an inline function (lambda, arrow function, function expression)
	AzureOther    = "other"    // anything else: computed, formatted or spread values
)

// maxAzureDepth bounds how deep nested literals are read.
const maxAzureDepth = 6

// AzureValue is an argument of a registration call, as far as the code
// spells it out literally.
type AzureValue struct {
	Kind string
	// Text is the literal's content, the dotted name or the callee.
	Text string
	// Items are the elements of a list or the positional arguments of a
	// call; Fields the properties of an object or the keyword arguments
	// of a call.
	Items  []AzureValue
	Fields map[string]AzureValue
	// Line is the 1-based line the value starts on.
	Line int
}

// Field returns the property or keyword argument key ("" Kind when absent).
func (v AzureValue) Field(key string) AzureValue { return v.Fields[key] }

// Str returns the text of a literal string, number or boolean, else "".
func (v AzureValue) Str() string {
	switch v.Kind {
	case AzureString, AzureNumber, AzureBool:
		return v.Text
	}
	return ""
}

// Strings returns the literal strings of a list, or of a single value,
// leaving out items that are not literals (dotted names keep their last
// part: "func.HttpMethod.GET" → "GET").
func (v AzureValue) Strings() []string {
	items := v.Items
	if v.Kind != AzureList {
		items = []AzureValue{v}
	}
	var out []string
	for _, it := range items {
		if s := it.Str(); s != "" {
			out = append(out, s)
		} else if it.Kind == AzureName {
			out = append(out, lastPart(it.Text))
		}
	}
	return out
}

// lastPart returns the last part of a dotted name ("a.b.C" → "C").
func lastPart(dotted string) string {
	for i := len(dotted) - 1; i >= 0; i-- {
		if dotted[i] == '.' {
			return dotted[i+1:]
		}
	}
	return dotted
}

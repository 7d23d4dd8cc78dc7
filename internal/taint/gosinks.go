package taint

import (
	"strings"
)

// Go: the aws-lambda-go and net/http entry points, library models and
// sinks (best effort).

const lambdaPkg = "github.com/aws/aws-lambda-go/lambda"

// goEntry analyses func main: lambda.Start(h) and http.HandleFunc(p, h)
// run their handler with the event the handler's parameter types name.
func (in *interp) goEntry(fr *frame) {
	mainFn, _ := in.lookup(fr.s, "main")
	if mainFn == nil || mainFn.fn == nil {
		return
	}
	in.goMain = true
	in.invokeEntry(fr, mainFn.fn, nil)
}

// goHandler runs a Lambda or HTTP handler function with its sources.
func (in *interp) goHandler(cc *callCtx, h *Value, http bool) {
	if h == nil || h.fn == nil || !in.goMain {
		return
	}
	var args []*Value
	for _, p := range h.fn.f.Params {
		args = append(args, in.goParam(p.Type, http))
	}
	res := in.invokeEntry(cc.fr, h.fn, args)
	in.checkResponse(cc.fr, in.elemOrFirst(res), nil)
}

// elemOrFirst returns the first of multiple return values.
func (in *interp) elemOrFirst(v *Value) *Value {
	if v != nil && v.fields != nil && v.fields["0"] != nil && v.fields["1"] != nil {
		return v.fields["0"]
	}
	return v
}

// goParam models a handler parameter by its type.
func (in *interp) goParam(typ string, http bool) *Value {
	t := strings.TrimPrefix(strings.TrimSpace(typ), "*")
	if i := strings.LastIndex(t, "."); i >= 0 {
		t = t[i+1:]
	}
	s := func(kind, desc string) *Value { return src(kind, desc, false, false) }
	switch t {
	case "APIGatewayProxyRequest", "APIGatewayV2HTTPRequest", "ALBTargetGroupRequest", "LambdaFunctionURLRequest", "APIGatewayWebsocketProxyRequest":
		return obj(map[string]*Value{
			"Body": s("http-body", "request body"), "QueryStringParameters": s("http-query", "query string parameter"),
			"MultiValueQueryStringParameters": s("http-query", "query string parameter"), "PathParameters": s("http-path", "path parameter"),
			"Headers": s("http-header", "request header"), "MultiValueHeaders": s("http-header", "request header"),
			"RawPath": s("http-path", "request path"), "RawQueryString": s("http-query", "query string"), "Path": s("http-path", "request path"),
			"Cookies": s("http-header", "cookie"),
		})
	case "S3Event":
		return obj(map[string]*Value{"Records": {elem: obj(map[string]*Value{"S3": obj(map[string]*Value{
			"Object": obj(map[string]*Value{"Key": s("s3-key", "S3 object key"), "URLDecodedKey": s("s3-key", "S3 object key")}),
		})})}})
	case "SQSEvent":
		return obj(map[string]*Value{"Records": {elem: obj(map[string]*Value{"Body": s("sqs-body", "SQS message body")})}})
	case "SNSEvent":
		return obj(map[string]*Value{"Records": {elem: obj(map[string]*Value{"SNS": obj(map[string]*Value{"Message": s("sns-message", "SNS message"), "Subject": s("sns-message", "SNS subject")})})}})
	case "DynamoDBEvent":
		return obj(map[string]*Value{"Records": {elem: obj(map[string]*Value{"Change": obj(map[string]*Value{"NewImage": src("dynamodb-record", "DynamoDB stream new image", true, false), "OldImage": src("dynamodb-record", "DynamoDB stream old image", true, false)})})}})
	case "KinesisEvent":
		return obj(map[string]*Value{"Records": {elem: obj(map[string]*Value{"Kinesis": obj(map[string]*Value{"Data": s("kinesis-data", "Kinesis record data")})})}})
	case "CloudWatchEvent", "EventBridgeEvent":
		return obj(map[string]*Value{"Detail": src("event-detail", "EventBridge event detail", true, false)})
	case "Request":
		if strings.Contains(typ, "http.") {
			return goHTTPRequest()
		}
	case "ResponseWriter":
		return &Value{flags: fGoWriter}
	case "Context", "error", "":
		return nil
	}
	if http || in.trig.timer {
		return nil
	}
	return in.eventFor()
}

func goHTTPRequest() *Value {
	q := src("http-query", "query string parameter", false, false)
	return obj(map[string]*Value{
		"URL": obj(map[string]*Value{
			"Query": {ret: q}, "Path": src("http-path", "request path", false, false), "RawQuery": q,
		}),
		"Body":          src("http-body", "request body", false, false),
		"Header":        src("http-header", "request header", false, false),
		"Form":          q,
		"PostForm":      src("http-body", "form field", false, false),
		"FormValue":     {ret: q},
		"PostFormValue": {ret: src("http-body", "form field", false, false)},
		"Cookie":        {ret: src("http-header", "cookie", false, false)},
		"Host":          src("http-header", "Host header", false, false),
		"RequestURI":    src("http-path", "request URI", false, false),
		"PathValue":     {ret: src("http-path", "path parameter", false, false)},
	})
}

// goLibrary models Go standard library and common packages.
func (in *interp) goLibrary(cc *callCtx) (*Value, bool) {
	q, root, last := cc.q, goRoot(cc.q), lastOf(cc.q)
	a0 := func() []*Taint { return in.taintsOfArgs(cc, 0) }
	if cc.c.New && len(cc.args) == 1 && cc.args[0] != nil && cc.args[0].at != nil { // T{…}
		v := copyOf(cc.args[0])
		v.sym = cc.callee.sym + "()"
		return v, true
	}
	switch {
	case strings.HasPrefix(q, lambdaPkg+".Start"):
		in.goHandler(cc, cc.arg(0), false)
		return nil, true
	case (root == "net/http" || strings.Contains(root, "mux") || strings.Contains(root, "chi")) && (last == "HandleFunc" || last == "Handle" || last == "Get" && len(cc.args) == 2 || last == "Post" && len(cc.args) == 2):
		in.goHandler(cc, cc.arg(len(cc.args)-1), true)
		return nil, true
	case q == "net/http.HandlerFunc":
		return cc.arg(0), true
	case root == "strconv" && (strings.HasPrefix(last, "Parse") || strings.HasPrefix(last, "Atoi")):
		return &Value{flags: fNumber}, true
	case q == "html.EscapeString" || q == "html/template.HTMLEscapeString" || q == "text/template.HTMLEscapeString" || q == "html/template.JSEscapeString":
		return mapped(a0(), safeWhen(cHTML, false)), true
	case q == "path/filepath.Base" || q == "path.Base":
		return mapped(a0(), safeWhen(cPath, false)), true
	case q == "path/filepath.Join" || q == "path.Join" || q == "path/filepath.Clean" || q == "path/filepath.Abs":
		return in.pathBuilt(cc, "filepath."+last), true
	case q == "net/url.QueryEscape" || q == "net/url.PathEscape":
		return mapped(a0(), safeWhen(urlEncoded, false)), true
	case q == "encoding/json.Unmarshal" || q == "encoding/xml.Unmarshal" || q == "gopkg.in/yaml.v3.Unmarshal" || q == "gopkg.in/yaml.v2.Unmarshal":
		in.goOut(cc, 1, mapped(a0(), parsed))
		return nil, true
	case root == "regexp" && (last == "MustCompile" || last == "Compile"):
		if p := cc.arg(0); p != nil && p.str != nil {
			return &Value{regex: *p.str, sym: "regexp.MustCompile()"}, true
		}
	case root == "github.com/google/uuid" || root == "time" || root == "math" || root == "crypto":
		return &Value{flags: fNumber}, true
	}
	return nil, false
}

// goOut writes v into the variable whose address is argument i (&x).
func (in *interp) goOut(cc *callCtx, i int, v *Value) {
	if i >= len(cc.c.Args) {
		return
	}
	x := cc.c.Args[i]
	if u, ok := x.(*Unary); ok && u.Op == "&" {
		x = u.X
	}
	if id, ok := x.(*Ident); ok && v != nil {
		in.set(cc.fr.s, id.Name, v, false)
	}
}

// goRoot returns an import path's package part of a Go library name
// ("net/http.Client.Get" → "net/http").
func goRoot(q string) string {
	i := strings.LastIndex(q, "/")
	if i < 0 {
		r, _, _ := strings.Cut(q, ".")
		return r
	}
	rest := q[i+1:]
	r, _, _ := strings.Cut(rest, ".")
	return q[:i+1] + r
}

var goFileFns = setOf("Open", "OpenFile", "ReadFile", "WriteFile", "Create", "Remove", "RemoveAll", "Rename", "ReadDir")

var goSQLMethods = setOf("Query", "QueryRow", "Exec", "QueryContext", "QueryRowContext", "ExecContext", "Prepare", "PrepareContext", "Raw", "Select", "Get", "MustExec", "Queryx", "QueryRowx")

// goSinks checks a call against the Go sink models.
func (in *interp) goSinks(cc *callCtx) {
	q, root, last := cc.q, goRoot(cc.q), lastOf(cc.q)
	switch {
	case root == "os/exec" && (last == "Command" || last == "CommandContext"):
		in.goCommand(cc, last == "CommandContext")
	case (root == "os" || root == "io/ioutil") && goFileFns[last]:
		in.hit(cc, RulePath, cc.arg(0), cc.argX(0), q, nil)
	case q == "net/http.ServeFile":
		in.hit(cc, RulePath, cc.arg(2), cc.argX(2), q, nil)
	case root == "net/http" && (last == "Get" || last == "Post" || last == "Head" || last == "PostForm") && !strings.Contains(cc.q, "Header"):
		in.hit(cc, RuleSSRF, cc.arg(0), cc.argX(0), q, nil)
	case q == "net/http.NewRequest":
		in.hit(cc, RuleSSRF, cc.arg(1), cc.argX(1), q, nil)
	case q == "net/http.NewRequestWithContext":
		in.hit(cc, RuleSSRF, cc.arg(2), cc.argX(2), q, nil)
	case q == "net/http.Redirect":
		in.hit(cc, RuleRedirect, cc.arg(2), cc.argX(2), q, nil)
	case (root == "database/sql" || strings.Contains(root, "sqlx") || strings.Contains(root, "pgx") || strings.Contains(root, "gorm")) && goSQLMethods[last]:
		i := 0
		if strings.HasSuffix(last, "Context") {
			i = 1
		}
		in.hit(cc, RuleSQL, cc.arg(i), cc.argX(i), q, nil)
	case root == "fmt" && (last == "Fprintf" || last == "Fprint" || last == "Fprintln"), q == "io.WriteString":
		if w := cc.arg(0); w != nil && w.flags&fGoWriter != 0 {
			for i := 1; i < len(cc.args); i++ {
				if in.hit(cc, RuleXSS, cc.arg(i), cc.argX(i), q+" to the http.ResponseWriter", nil) {
					break
				}
			}
		}
	case q == "":
		in.goHeuristicSinks(cc)
	}
}

// goCommand: exec.Command(name, args...) with the program from input, or
// a shell (sh -c) running a command string from input.
func (in *interp) goCommand(cc *callCtx, withCtx bool) {
	off := 0
	if withCtx {
		off = 1
	}
	if in.hit(cc, RuleCommand, cc.arg(off), cc.argX(off), "exec.Command", nil) {
		return
	}
	prog := cc.arg(off)
	if prog == nil || prog.str == nil {
		return
	}
	switch base := baseName(*prog.str); base {
	case "sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "pwsh":
		for i := off + 1; i < len(cc.args); i++ {
			if in.hit(cc, RuleCommand, cc.arg(i), cc.argX(i), "exec.Command(\""+base+"\", …)", nil) {
				return
			}
		}
	}
}

// goHeuristicSinks: db.Query(fmt.Sprintf("SELECT … %s", x)) on a handle
// the engine could not name; w.Write on the response writer.
func (in *interp) goHeuristicSinks(cc *callCtx) {
	if _, ok := cc.c.Fn.(*Member); !ok {
		return
	}
	if cc.recv != nil && cc.recv.flags&fGoWriter != 0 && cc.name == "Write" {
		in.hit(cc, RuleXSS, cc.arg(0), cc.argX(0), "http.ResponseWriter.Write", nil)
		return
	}
	if goSQLMethods[cc.name] && !cc.recv.isTainted() {
		i := 0
		if strings.HasSuffix(cc.name, "Context") {
			i = 1
		}
		if a := cc.arg(i); a != nil && (looksSQL(a.prefixText()) || looksSQL(leadingText(cc.argX(i)))) {
			in.hit(cc, RuleSQL, a, cc.argX(i), "."+cc.name+"()", nil)
		}
	}
}

// leadingText is the literal text a Go string expression starts with: the
// format of fmt.Sprintf, the left end of a concatenation ("" when it starts
// with anything else). A tainted string keeps no prefix of its own, so the
// SQL heuristic reads the expression.
func leadingText(e Expr) string {
	for depth := 0; depth < 16; depth++ {
		switch x := e.(type) {
		case *Lit:
			if x.Kind == LitString {
				return x.Val
			}
			return ""
		case *Binary:
			if x.Op != "+" {
				return ""
			}
			e = x.L
		case *Call:
			if !isPath(x.Fn, []string{"fmt", "Sprintf"}) || len(x.Args) == 0 {
				return ""
			}
			e = x.Args[0]
		default:
			return ""
		}
	}
	return ""
}

package handling

import (
	"fmt"
	"strings"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/cladsec/clad/internal/source"
	"github.com/cladsec/clad/internal/source/syntax"
)

// Sensitive data in logs: a log call (console, Azure context.log, the
// usual logger libraries, print, Go's log/fmt/zap/logrus/slog) whose
// arguments reveal a whole event, request or its headers, the whole
// environment, or a value whose name says it is a secret.

// jsLevels and pyLevels are logger methods that write a record.
var jsLevels = set("info", "warn", "warning", "error", "debug", "trace", "fatal", "log", "verbose", "silly", "critical", "notice")
var pyLevels = set("debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log")
var goLevels = set("Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln",
	"Info", "Infof", "Infow", "Infoln", "Warn", "Warnf", "Warnw", "Warning", "Warningf", "Warnln", "Error", "Errorf",
	"Errorw", "Errorln", "Debug", "Debugf", "Debugw", "Debugln", "Trace", "Tracef", "Log", "Logf", "DPanic",
	"InfoContext", "WarnContext", "ErrorContext", "DebugContext")

// goChain are logger methods that return a logger carrying fields.
var goChain = set("WithField", "WithFields", "With", "WithError", "WithContext", "WithGroup", "Sugar")

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// loggerName reports whether a receiver name is a logger by its name:
// logger, log, this.logger, self._log, app.logger, requestLogger.
func loggerName(recv string) bool {
	l := strings.ToLower(last(recv))
	l = strings.TrimLeft(l, "_")
	switch l {
	case "logger", "log", "logging", "winston", "pino", "bunyan", "log4js", "sugar", "zap", "logrus", "slog":
		return true
	}
	return strings.HasSuffix(l, "logger")
}

// loggerMakers are the calls and modules that make a logger.
var loggerMakers = set("Logger", "createLogger", "getLogger", "pino", "child", "bunyan", "log4js",
	"winston", "@aws-lambda-powertools/logger", "aws_lambda_powertools", "logging", "structlog", "get_logger")

// isLogger reports a logger by its name, or a variable made by a logger
// factory (const audit = new Logger(), audit = logging.getLogger()).
func (c *checker) isLogger(recv string) bool {
	if loggerName(recv) {
		return true
	}
	if strings.Contains(recv, ".") {
		return false
	}
	for _, v := range c.b.decls[recv] {
		callee, _, ok := c.call(c.unwrap(v))
		if !ok {
			continue
		}
		d := c.dotted(callee)
		if m, bound := c.b.lookup(d); bound && loggerMakers[m.mod] || loggerMakers[last(d)] {
			return true
		}
	}
	return false
}

// logCallee returns the name of a log call and the arguments it logs, or
// "" when the call does not log.
func (c *checker) logCallee(callee *ts.Node, args []arg) (string, []arg) {
	d := c.dotted(callee)
	switch {
	case c.lang.IsJS():
		switch {
		case receiver(d) == "console" && (jsLevels[last(d)] || last(d) == "dir" || last(d) == "table"):
		case d == "context.log" || receiver(d) == "context.log" || receiver(d) == "context" && jsLevels[last(d)]:
		case d == "process.stdout.write" || d == "process.stderr.write":
		case receiver(d) != "" && c.isLogger(receiver(d)) && jsLevels[last(d)]:
		default:
			return "", nil
		}
		return d, args
	case c.lang == source.Python:
		switch {
		case d == "print" || d == "pprint" || d == "pprint.pprint" || d == "sys.stdout.write" || d == "sys.stderr.write":
		case receiver(d) != "" && c.isLogger(receiver(d)) && pyLevels[last(d)]:
		default:
			return "", nil
		}
		return d, args
	case c.lang == source.Go:
		return c.goLogCallee(callee, d, args)
	}
	return "", nil
}

// goLogCallee recognises Go log calls, including chained fields
// (log.WithField("token", t).Info(...)), whose fields are logged too.
func (c *checker) goLogCallee(callee *ts.Node, d string, args []arg) (string, []arg) {
	if d != "" {
		m, bound := c.b.lookup(d)
		switch {
		case bound && m.mod == "log" && goLevels[last(d)]:
		case bound && m.mod == "log/slog" && goLevels[last(d)]:
		case bound && m.mod == "fmt" && strings.HasPrefix(last(d), "Print"):
		case bound && m.mod == "fmt" && strings.HasPrefix(last(d), "Fprint") && len(args) > 0 && c.isStdStream(args[0].n):
			return d, args[1:]
		case receiver(d) != "" && loggerName(receiver(d)) && goLevels[last(d)]:
		default:
			return "", nil
		}
		return d, args
	}
	if c.Kind(callee) != "selector_expression" || !goLevels[c.Text(syntax.Field(callee, "field"))] {
		return "", nil
	}
	inner := c.unwrap(syntax.Field(callee, "operand"))
	for i := 0; i < 4; i++ {
		ic, iargs, ok := c.call(inner)
		if !ok || c.Kind(ic) != "selector_expression" || !goChain[c.Text(syntax.Field(ic, "field"))] {
			return "", nil
		}
		args = append(args, iargs...)
		op := c.unwrap(syntax.Field(ic, "operand"))
		if rd := c.dotted(op); rd != "" {
			if loggerName(rd) {
				return rd + "." + c.Text(syntax.Field(callee, "field")), args
			}
			return "", nil
		}
		inner = op
	}
	return "", nil
}

// isStdStream reports os.Stdout or os.Stderr.
func (c *checker) isStdStream(n *ts.Node) bool {
	d := c.dotted(n)
	return d == "os.Stdout" || d == "os.Stderr"
}

// logCall reports a log call that reveals sensitive data, and the
// Powertools options that log every event (logEvent: true,
// log_event=True).
func (c *checker) logCall(call, callee *ts.Node, args []arg) {
	if c.powertoolsLogEvent(callee, args) {
		c.add(&issue{
			rule: ruleLogging.ID, line: syntax.Line(call), evidence: c.snippet(call), key: "log|powertools",
			detail: "turns on Powertools' event logging, which writes the whole incoming event to the logs on every invocation",
		}, call)
		return
	}
	name, logged := c.logCallee(callee, args)
	if name == "" {
		return
	}
	var what []string
	for _, r := range c.revealArgs(logged, 0) {
		if !contains(what, r) {
			what = append(what, r)
		}
	}
	if len(what) == 0 {
		return
	}
	c.add(&issue{
		rule: ruleLogging.ID, line: syntax.Line(call), evidence: c.snippet(call), key: "log|" + name + "|" + strings.Join(what, ","),
		detail: fmt.Sprintf("logs %s with %s", strings.Join(what, " and "), name),
	}, call)
}

// powertoolsLogEvent recognises injectLambdaContext(logger, { logEvent:
// true }) and @logger.inject_lambda_context(log_event=True).
func (c *checker) powertoolsLogEvent(callee *ts.Node, args []arg) bool {
	switch last(c.dotted(callee)) {
	case "injectLambdaContext":
		for _, a := range args {
			if v, ok := c.boolValue(get(c.pairs(a.n), "logEvent")); ok && v {
				return true
			}
		}
	case "inject_lambda_context":
		for _, a := range args {
			if v, ok := c.boolValue(a.n); a.kw == "log_event" && ok && v {
				return true
			}
		}
	}
	return false
}

// revealArgs applies reveal to an argument list, with the label rule:
// a string argument that is only a sensitive name ("token:", "password")
// reveals the argument after it (zap/slog key-value pairs, console.log
// ('token', t)).
func (c *checker) revealArgs(args []arg, depth int) []string {
	var out []string
	for i, a := range args {
		if a.kw != "" && sensitiveName(a.kw) && !c.isLiteral(a.n) {
			out = append(out, "the "+a.kw)
			continue
		}
		out = append(out, c.reveal(a.n, depth+1)...)
		if label, ok := c.str(a.n); ok && i+1 < len(args) && isLabel(label) && !c.isLiteral(args[i+1].n) {
			if r := c.reveal(args[i+1].n, depth+1); len(r) == 0 && c.opaque(args[i+1].n) {
				out = append(out, "the "+strings.Trim(label, " :=\t"))
			}
		}
	}
	return out
}

// isLabel reports a string that is nothing but a sensitive name with
// optional punctuation: "token", "password:", "Authorization=".
func isLabel(s string) bool {
	t := strings.Trim(s, " :=\t")
	return t != "" && !strings.ContainsAny(t, " %{}$") && sensitiveName(t)
}

// opaque reports a value that is shown as it is: a name or a property,
// not a call that may redact it.
func (c *checker) opaque(n *ts.Node) bool {
	k := c.Kind(c.unwrap(n))
	return k == "identifier" || c.isMember(k)
}

// isLiteral reports a literal value (nothing to leak).
func (c *checker) isLiteral(n *ts.Node) bool {
	if _, ok := c.str(n); ok {
		return true
	}
	switch c.Kind(c.unwrap(n)) {
	case "number", "integer", "float", "true", "false", "null", "none", "nil", "undefined", "int_literal", "float_literal":
		return true
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

package source

// Module names that ship with the runtime and so are never packages.

var nodeBuiltins = setOf(
	"assert", "async_hooks", "buffer", "child_process", "cluster", "console",
	"constants", "crypto", "dgram", "diagnostics_channel", "dns", "domain",
	"events", "fs", "http", "http2", "https", "inspector", "module", "net",
	"os", "path", "perf_hooks", "process", "punycode", "querystring",
	"readline", "repl", "stream", "string_decoder", "sys", "timers", "tls",
	"trace_events", "tty", "url", "util", "v8", "vm", "wasi", "worker_threads",
	"zlib",
)

// isNodeBuiltin reports whether a package name is a Node.js core module
// (subpaths such as "fs/promises" are cut off by the caller).
func isNodeBuiltin(name string) bool { return nodeBuiltins[name] }

var pythonStdlib = setOf(
	"__future__", "_thread", "abc", "aifc", "argparse", "array", "ast",
	"asynchat", "asyncio", "asyncore", "atexit", "audioop", "base64", "bdb",
	"binascii", "bisect", "builtins", "bz2", "calendar", "cgi", "cgitb",
	"chunk", "cmath", "cmd", "code", "codecs", "codeop", "collections",
	"colorsys", "compileall", "concurrent", "configparser", "contextlib",
	"contextvars", "copy", "copyreg", "cProfile", "crypt", "csv", "ctypes",
	"curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "distutils",
	"doctest", "email", "encodings", "ensurepip", "enum", "errno",
	"faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch", "fractions",
	"ftplib", "functools", "gc", "getopt", "getpass", "gettext", "glob",
	"graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http",
	"imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress",
	"itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma",
	"mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap",
	"modulefinder", "msilib", "msvcrt", "multiprocessing", "netrc", "nis", "nntplib",
	"numbers", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle",
	"pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib",
	"posix", "pprint", "profile", "pstats", "pty", "pwd", "py_compile",
	"pyclbr", "pydoc", "queue", "quopri", "random", "re", "readline",
	"reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets",
	"select", "selectors", "shelve", "shlex", "shutil", "signal", "site",
	"smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3", "ssl",
	"stat", "statistics", "string", "stringprep", "struct", "subprocess",
	"sunau", "symtable", "sys", "sysconfig", "syslog", "tabnanny", "tarfile",
	"telnetlib", "tempfile", "termios", "textwrap", "threading", "time",
	"timeit", "tkinter", "token", "tokenize", "tomllib", "trace", "traceback",
	"tracemalloc", "tty", "turtle", "types", "typing", "unicodedata",
	"unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave", "weakref",
	"webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
	"zipapp", "zipfile", "zipimport", "zlib", "zoneinfo",
)

// isPythonStdlib reports whether a top-level module is in the standard
// library (the union over Python 3 versions still in use).
func isPythonStdlib(top string) bool { return pythonStdlib[top] }

// setOf builds a set of names.
func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

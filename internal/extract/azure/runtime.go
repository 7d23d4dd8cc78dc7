package azure

import (
	"path"
	"strings"
)

// Language families of Azure Functions workers.
const (
	langNode       = "node"
	langPython     = "python"
	langDotnet     = "dotnet"
	langJava       = "java"
	langPowerShell = "powershell"
	langCustom     = "custom"
)

// workerRuntime reads FUNCTIONS_WORKER_RUNTIME and its version hints. It
// returns the runtime as reported (node with a known version reads
// "nodejs18", so handler.Lang recognises it; python "python3.11") and its
// language family ("" when the setting is absent or unknown).
func workerRuntime(s *settings) (runtime, lang string) {
	w := strings.ToLower(strings.TrimSpace(s.get("FUNCTIONS_WORKER_RUNTIME")))
	switch w {
	case "node":
		if v := version(s.get("WEBSITE_NODE_DEFAULT_VERSION")); v != "" {
			major, _, _ := strings.Cut(v, ".")
			return "nodejs" + major, langNode
		}
		return w, langNode
	case langPython, langJava, langPowerShell:
		return w + version(s.get("FUNCTIONS_WORKER_RUNTIME_VERSION")), w
	case "dotnet", "dotnet-isolated":
		return w, langDotnet
	case langCustom:
		return w, langCustom
	}
	return w, ""
}

// version cleans a version hint ("~18", "18.x", "3.11") to digits and
// dots, or "" when it is not a plain version.
func version(v string) string {
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(v, "~")
	v = strings.TrimPrefix(strings.TrimPrefix(v, "v"), "V")
	v = strings.TrimSuffix(strings.TrimSuffix(v, ".x"), ".*")
	if v == "" || strings.Trim(v, "0123456789.") != "" || strings.HasPrefix(v, ".") {
		return ""
	}
	return v
}

// langOfFile infers the language family from a script file's extension.
func langOfFile(p string) string {
	switch strings.ToLower(path.Ext(p)) {
	case ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts":
		return langNode
	case ".py":
		return langPython
	case ".ps1", ".psm1":
		return langPowerShell
	case ".csx", ".fsx", ".dll":
		return langDotnet
	case ".jar":
		return langJava
	}
	return ""
}

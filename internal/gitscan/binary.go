package gitscan

import (
	"path"
	"strings"
)

// binaryExts are file types that are binary whatever their content: a
// change git shows as binary with one of these is not read.
var binaryExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".ico": true, ".webp": true,
	".tif": true, ".tiff": true, ".psd": true, ".avif": true, ".heic": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".mp3": true, ".mp4": true, ".mov": true, ".avi": true, ".wav": true, ".ogg": true, ".webm": true, ".flac": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".zip": true, ".jar": true, ".war": true, ".tar": true, ".gz": true, ".tgz": true, ".bz2": true,
	".xz": true, ".7z": true, ".rar": true, ".whl": true, ".nupkg": true, ".zst": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".a": true, ".o": true, ".class": true,
	".pyc": true, ".wasm": true, ".node": true, ".bin": true, ".db": true, ".sqlite": true, ".sqlite3": true,
	".parquet": true, ".avro": true, ".pb": true, ".onnx": true, ".pt": true,
}

func binaryExt(p string) bool { return binaryExts[strings.ToLower(path.Ext(p))] }

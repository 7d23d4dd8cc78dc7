package secrets

import (
	"path"
	"strings"

	"github.com/cladsec/clad/internal/walk"
)

// lockfiles hold integrity hashes and resolved URLs by the thousand and are
// read by the library checks; they are not scanned for secrets.
var lockfiles = map[string]bool{
	"package-lock.json": true, "npm-shrinkwrap.json": true, "yarn.lock": true, "pnpm-lock.yaml": true,
	"bun.lockb": true, "poetry.lock": true, "pipfile.lock": true, "uv.lock": true, "pdm.lock": true,
	"gemfile.lock": true, "composer.lock": true, "cargo.lock": true, "go.sum": true, "packages.lock.json": true,
	"paket.lock": true, "mix.lock": true, "pubspec.lock": true, "gradle.lockfile": true, "flake.lock": true,
	"deno.lock": true, "conda-lock.yml": true,
}

// binaryExts are images, fonts, media, archives and compiled artefacts:
// nothing to read as text (entries inside zips come as their own files).
var binaryExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".bmp": true, ".ico": true, ".webp": true,
	".tif": true, ".tiff": true, ".psd": true, ".avif": true, ".heic": true, ".svgz": true,
	".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".eot": true,
	".mp3": true, ".mp4": true, ".mov": true, ".avi": true, ".wav": true, ".ogg": true, ".webm": true, ".flac": true,
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
	".zip": true, ".jar": true, ".war": true, ".ear": true, ".tar": true, ".gz": true, ".tgz": true, ".bz2": true,
	".xz": true, ".7z": true, ".rar": true, ".whl": true, ".egg": true, ".nupkg": true, ".zst": true,
	".exe": true, ".dll": true, ".so": true, ".dylib": true, ".a": true, ".o": true, ".class": true,
	".pyc": true, ".pyo": true, ".wasm": true, ".node": true, ".bin": true, ".db": true, ".sqlite": true,
	".sqlite3": true, ".parquet": true, ".avro": true, ".pb": true, ".onnx": true, ".pt": true,
}

// wanted reports whether a walked file is worth scanning.
func wanted(f walk.File) bool {
	if f.Size == 0 {
		return false
	}
	base := strings.ToLower(path.Base(f.Path))
	if lockfiles[base] {
		return false
	}
	return !binaryExts[path.Ext(base)]
}

// Package list names every dependency-file parser explicitly (no init()
// registration).
package list

import (
	"github.com/cladsec/clad/internal/deps"
	"github.com/cladsec/clad/internal/deps/cargo"
	"github.com/cladsec/clad/internal/deps/composer"
	"github.com/cladsec/clad/internal/deps/golang"
	"github.com/cladsec/clad/internal/deps/maven"
	"github.com/cladsec/clad/internal/deps/npm/nodemodules"
	"github.com/cladsec/clad/internal/deps/npm/packagejson"
	"github.com/cladsec/clad/internal/deps/npm/packagelock"
	"github.com/cladsec/clad/internal/deps/npm/pnpmlock"
	"github.com/cladsec/clad/internal/deps/npm/yarnlock"
	"github.com/cladsec/clad/internal/deps/nuget"
	"github.com/cladsec/clad/internal/deps/python"
	"github.com/cladsec/clad/internal/deps/ruby"
)

// All returns every parser in a fixed order.
func All() []deps.Parser {
	return []deps.Parser{
		packagelock.New(), yarnlock.New(), pnpmlock.New(), packagejson.New(), nodemodules.New(),
		python.NewRequirements(), python.NewPipfile(), python.NewPoetry(), python.NewUV(), python.NewDistInfo(),
		golang.NewGoMod(), golang.NewBinary(),
		maven.NewPOM(), maven.NewGradle(),
		ruby.NewGemfileLock(), nuget.NewPackagesLock(), cargo.NewCargoLock(), composer.NewComposerLock(),
	}
}

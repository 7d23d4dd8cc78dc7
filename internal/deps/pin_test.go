package deps

// Imports that pin modules the library checks build on, until their code lands.
import (
	_ "github.com/google/osv-scalibr/semantic"
	_ "github.com/package-url/packageurl-go"
	_ "github.com/pandatix/go-cvss/31"
)

// Package list names every extractor explicitly (no init() registration).
package list

import (
	"github.com/cladsec/clad/internal/extract"
	"github.com/cladsec/clad/internal/extract/azure"
	"github.com/cladsec/clad/internal/extract/cloudformation"
	"github.com/cladsec/clad/internal/extract/serverless"
)

// All returns every extractor in a fixed order.
func All() []extract.Extractor {
	return []extract.Extractor{
		serverless.New(),
		cloudformation.New(),
		azure.New(),
	}
}

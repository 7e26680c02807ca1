package site

import (
	"github.com/careersite/careersite/internal/keptmodel"

	"github.com/careersite/careersite/internal/deps"
)

// This file is the pipeline's side of the dependency keys (internal/deps):
// what the Builder gives the Keyer of a build. The digests of each page's
// groups are internal/pagedigest's.

// keyer returns the Keyer of a build of model m.
func (b *Builder) keyer(m *keptmodel.Model) *deps.Keyer {
	return deps.NewKeyer(deps.Inputs{
		Version: b.version,
		Config:  b.configDigest(), // strings.go
		Assets:  b.imageInputsDigest(),
		Data:    b.dataDigest,
		Site:    m.Site,
		Pages:   m.Pages,
		Digests: m.Digests,
	})
}

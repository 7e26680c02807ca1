package site

import (
	"io/fs"
	"strings"

	"github.com/careersite/careersite/internal/data"
	"github.com/careersite/careersite/internal/deps"
)

// This file reads the site's data files (internal/data) once per build,
// after the configuration, when any of them changed: .Site.Data in
// layouts and in shortcodes.

// readData loads data/ again when its files' bytes changed, and reports
// whether they did. The tree of the files that were fine is kept even
// when some are not; the error then fails the build.
func (b *Builder) readData() (bool, error) {
	files, err := data.Files(b.fsys)
	if err != nil {
		return false, err
	}
	h := deps.NewHasher().Str("data")
	for _, f := range files {
		raw, err := fs.ReadFile(b.fsys, f)
		if err != nil {
			return false, err
		}
		h.Str(f).Bytes(raw)
	}
	// The limits decide what loads; a new configuration is a new key.
	d := h.Digest(b.cfgDigest).Sum()
	if b.data != nil && d == b.dataDigest && b.dataErr == nil {
		return false, nil
	}
	b.dataDigest = d
	b.data, b.dataErr = data.Load(b.fsys, b.cfg.Limits)
	if b.data == nil {
		b.data = map[string]any{}
	}
	return true, b.dataErr
}

// isData says whether a changed path is under data/.
func isData(p string) bool { return strings.HasPrefix(p, data.Dir+"/") || p == data.Dir }

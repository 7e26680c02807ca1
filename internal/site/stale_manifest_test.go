package site

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careersite/careersite/internal/testsite"
)

// TestManifestOlderThanOutput sets up what a `careersite build` killed
// after its commit but before it saved its manifest leaves: public/ holds
// version B of the site while the cache's manifest describes version A.
// The builds after it, of either version, must give exactly what a build
// without a cache gives: a stamp that no longer matches public/ only
// makes its file again.
func TestManifestOlderThanOutput(t *testing.T) {
	opts := cachedSite(t, 24)
	page := filepath.Join(opts.Source, filepath.FromSlash(testsite.Path(3)))
	a, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	versions := map[string][]byte{"A": a, "B": append(append([]byte{}, a...), "\nA paragraph of version B.\n"...)}
	buildOnce(t, opts) // A, and its manifest

	writeFile(t, page, versions["B"])
	elsewhere := opts
	elsewhere.CacheDir = filepath.Join(t.TempDir(), "cache")
	buildOnce(t, elsewhere) // public/ is B; the manifest still says A

	for _, v := range []string{"A", "B", "A"} {
		writeFile(t, page, versions[v])
		buildOnce(t, opts)
		fresh := opts
		fresh.CacheDir, fresh.Dest = "", filepath.Join(t.TempDir(), "public")
		buildOnce(t, fresh)
		compareTrees(t, 0, "version "+v+" after a manifest of another output", dirFiles(t, fresh.Dest), dirFiles(t, opts.Dest))
	}
}

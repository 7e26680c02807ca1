package quality

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// buildSite builds the example site into dest, with baseURL in place of
// site.yaml's base_url when it is not empty.
func buildSite(t testing.TB, dest, baseURL string) {
	t.Helper()
	_, err := site.Build(t.Context(), site.Options{
		Source:  repoRoot,
		Dest:    dest,
		BaseURL: baseURL,
		Theme:   careersite.Theme(),
	})
	if err != nil {
		t.Fatalf("building the example site: %v", err)
	}
}

// builtSite builds the example site into a new temporary folder and returns
// the folder.
func builtSite(t *testing.T, baseURL string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	buildSite(t, dest, baseURL)
	return dest
}

// exists reports whether the output has the file name (slash-separated).
func exists(dir, name string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
	return err == nil
}

package site

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite/internal/shortcode"
)

// TestBuiltinExamplesInFixture checks that the example of every built-in
// that reads the site's pages, data files or images, which docs/shortcodes.md
// shows and internal/shortcode cannot run without a build, is in the
// page of testdata/shortcode-builtins.txtar, so that TestFixtures runs
// it.
func TestBuiltinExamplesInFixture(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/shortcode-builtins.txtar")
	if err != nil {
		t.Fatal(err)
	}
	var page []byte
	for _, f := range ar.Files {
		if f.Name == "content/guides/pay.md" {
			page = f.Data
		}
	}
	root := os.DirFS("../..")
	for _, b := range shortcode.Builtins {
		src, err := fs.ReadFile(root, "layouts/shortcodes/"+b.Name+".html")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(src), ".Site.GetPage") && !strings.Contains(string(src), ".Site.SalaryTable") &&
			!strings.Contains(string(src), ":= image ") { // what internal/shortcode's needsBuild says
			continue
		}
		if !bytes.Contains(page, []byte(b.Example)) {
			t.Errorf("the example of %q, %s, is not in shortcode-builtins.txtar's content/guides/pay.md", b.Name, b.Example)
		}
	}
}

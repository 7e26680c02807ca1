package sitegen

import (
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/pagecodec"
)

// TestPagesComeBackFromPagecodec: every page of both profiles, parsed and
// written by internal/pagecodec as the page pack does, reads back as the
// page ParseFile made.
func TestPagesComeBackFromPagecodec(t *testing.T) {
	for _, profile := range []string{Career, Docs} {
		dir := t.TempDir()
		if _, err := Write(dir, Options{Pages: 300, Profile: profile, Shortcodes: profile == Career}); err != nil {
			t.Fatal(err)
		}
		fsys := os.DirFS(dir)
		cfg, err := config.Load(fsys)
		if err != nil {
			t.Fatal(err)
		}
		tree, err := content.Walk(fsys)
		if err != nil {
			t.Fatal(err)
		}
		pages := 0
		for _, name := range tree.Pages {
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := content.ParseFile(name, data, cfg)
			if err != nil {
				t.Fatalf("%s: %v", profile, err)
			}
			b, err := pagecodec.Append(nil, p)
			if err != nil {
				t.Fatalf("%s: %s: %v", profile, name, err)
			}
			back, err := pagecodec.Read(string(b), p.Path, p.Body)
			if err != nil || !reflect.DeepEqual(back, p) {
				t.Fatalf("%s: %s read back as %v:\n%+v\nwant\n%+v", profile, name, err, back, p)
			}
			pages++
		}
		if pages < 300 {
			t.Errorf("%s: %d pages", profile, pages)
		}
	}
}

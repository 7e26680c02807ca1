package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/template"
	"time"
)

// newSite holds the files Init writes: text/templates of site.yaml and of
// the example pages, whose dates come from Init's now ({{ .Today }}), so
// that no salary is stale and the example posting is open. "gitignore" is
// written as ".gitignore".
//
//go:embed all:site all:languages
var newSite embed.FS

// languages/CODE holds the files of a new site in the language CODE that
// differ from site/'s, which is English: site.yaml (its language:, title,
// description and menu) and the pages that introduce the site (the home
// page, the sections, the search page). They replace site/'s file of the
// same name.
const languagesDir = "languages"

// Languages are the codes of the languages Init makes a site in, sorted.
func Languages() []string {
	codes := []string{"en"}
	entries, _ := fs.ReadDir(newSite, languagesDir) // embedded: cannot fail
	for _, e := range entries {
		codes = append(codes, e.Name())
	}
	slices.Sort(codes)
	return codes
}

// siteDates are the dates the new site's files are written with.
type siteDates struct {
	Today    string // the day of now: pages' dates, as_of, the posting's date_posted
	In60Days string // the example posting's valid_through
}

// Init writes a new site in the language of the BCP 47 code lang, one
// of Languages, into dir (site.yaml, the sections and one example page of
// each kind, see the package comment) and returns the names of the files
// written, relative to dir. dir must be missing or empty: Init never
// overwrites a file.
func Init(dir, lang string, now time.Time) ([]string, error) {
	if !slices.Contains(Languages(), lang) {
		return nil, fmt.Errorf("careersite init makes a site in %s, not in %q", strings.Join(Languages(), " or "), lang)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty; careersite init makes a site in a new or empty folder", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	day := now.UTC()
	dates := siteDates{Today: day.Format(time.DateOnly), In60Days: day.AddDate(0, 0, 60).Format(time.DateOnly)}
	var written []string
	err := fs.WalkDir(newSite, "site", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := name[len("site/"):]
		if path.Base(rel) == "gitignore" {
			rel = path.Join(path.Dir(rel), ".gitignore")
		}
		if translated := path.Join(languagesDir, lang, rel); lang != "en" && exists(translated) {
			name = translated
		}
		data, err := render(name, dates)
		if err != nil {
			return err
		}
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
			return err
		}
		written = append(written, rel)
		return nil
	})
	return written, err
}

// exists reports whether the embedded file name exists.
func exists(name string) bool {
	_, err := fs.Stat(newSite, name)
	return err == nil
}

// render executes the embedded template name with the dates.
func render(name string, dates siteDates) ([]byte, error) {
	src, err := fs.ReadFile(newSite, name)
	if err != nil {
		return nil, err
	}
	t, err := template.New(name).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, dates); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

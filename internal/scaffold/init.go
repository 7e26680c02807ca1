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
	"text/template"
	"time"
)

// newSite holds the files Init writes: text/templates of site.yaml and of
// the example pages, whose dates come from Init's now ({{ .Today }}), so
// that no salary is stale and the example posting is open. "gitignore" is
// written as ".gitignore".
//
//go:embed all:site
var newSite embed.FS

// siteDates are the dates the new site's files are written with.
type siteDates struct {
	Today    string // the day of now: pages' dates, as_of, the posting's date_posted
	In60Days string // the example posting's valid_through
}

// Init writes a new site into dir (site.yaml, the sections and one example
// page of each kind, see the package comment) and returns the names of the
// files written, relative to dir. dir must be missing or empty: Init never
// overwrites a file.
func Init(dir string, now time.Time) ([]string, error) {
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

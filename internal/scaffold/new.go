package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// New writes a new page of kind to content/<section>/<slug>.md in the site
// folder dir (Page, titled after the slug and dated the day of now) and
// returns the file's path relative to dir. The section is the one
// site.yaml maps kind to (the first by name when several do); when none
// does, the page goes to content/<slug>.md with a kind key. An existing
// file is never overwritten.
func New(dir, kind, slug string, now time.Time) (string, error) {
	if !config.IsKind(kind) {
		return "", fmt.Errorf("unknown kind %q (want %s)", kind, strings.Join(config.Kinds(), ", "))
	}
	if slug == "" || content.Slugify(slug) != slug {
		return "", fmt.Errorf("slug %q: use lower-case letters, digits and dashes, such as %q", slug, content.Slugify(slug))
	}
	cfg, err := config.Load(os.DirFS(dir))
	if err != nil {
		return "", err
	}
	section := sectionOf(cfg, kind)
	name := filepath.ToSlash(filepath.Join("content", section, slug+".md"))
	data, err := Page(kind, titleOf(slug), now, section == "" && kind != config.KindArticle)
	if err != nil {
		return "", err
	}
	if err := writeNew(filepath.Join(dir, filepath.FromSlash(name)), data); err != nil {
		return "", err
	}
	return name, nil
}

// sectionOf returns the section site.yaml maps kind to: the first by name
// when several do, "" when none does.
func sectionOf(cfg *config.Config, kind string) string {
	for _, s := range slices.Sorted(maps.Keys(cfg.Sections)) {
		if cfg.Sections[s] == kind {
			return s
		}
	}
	return ""
}

// titleOf makes a title from a slug: "back-end-developer" is "Back end
// developer", for the author to improve.
func titleOf(slug string) string {
	t := strings.ReplaceAll(slug, "-", " ")
	r, n := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[n:]
}

// writeNew creates the file name with data, and its folder; it fails
// when the file exists.
func writeNew(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; careersite new never overwrites a file", name)
	}
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	return errors.Join(err, f.Close())
}

package hugoimport

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/hugourl"
)

// Options says what to import and where.
type Options struct {
	Source   string            // the Hugo site's folder; never written to
	Dest     string            // the careersite site's folder: missing or empty
	Sections map[string]string // section → careersite kind (--section jobs=job); other sections are articles
	Theme    fs.FS             // careersite's default theme: the site's shortcodes are parsed against it
	Now      time.Time         // the time Hugo would build at, for which pages it publishes
}

// siteImport is one import under way.
type siteImport struct {
	opts       Options
	src        fs.FS
	report     *Report
	cfg        *hugoConfig
	urls       hugourl.Config
	taxonomies []string
	loc        *time.Location
	now        time.Time
	static     map[string]bool // files under static/, by their path below it
	shortcodes map[string]*siteShortcode
	refs       *refIndex
	resources  map[string]bool // the files of the content folder that are not pages, by path in Source
	baseURL    string          // Hugo's baseURL, for the links an import writes itself
}

// Import imports the Hugo site opts.Source into opts.Dest. Problems that
// stop it — Dest not empty, a configuration or front matter that does not
// parse, a section mapped to no kind — are returned together, each at its
// place, and nothing is written. Otherwise it writes the site and
// IMPORT.md, and returns the report.
func Import(ctx context.Context, opts Options) (*Report, error) {
	if err := checkDest(opts.Dest); err != nil {
		return nil, err
	}
	s := &siteImport{
		opts:   opts,
		src:    os.DirFS(opts.Source),
		report: &Report{Source: opts.Source, Dest: opts.Dest, Formats: map[string]int{}, Files: map[string]int{}},
		now:    opts.Now,
	}
	out, err := s.run(ctx)
	if err != nil {
		return nil, err
	}
	s.report.sort()
	out.writes["IMPORT.md"] = s.report.Markdown()
	return s.report, out.commit(s.opts.Source, s.opts.Dest)
}

// checkDest refuses a Dest that holds anything.
func checkDest(dest string) error {
	entries, err := os.ReadDir(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s: not empty; import into a new folder", dest)
	}
	return nil
}

// run reads and converts everything, writing nothing yet.
func (s *siteImport) run(ctx context.Context) (*output, error) {
	// A configuration that does not parse is reported with the problems
	// of the pages, which are read by Hugo's defaults meanwhile.
	cfg, cfgErr := readConfig(s.src)
	s.cfg = cfg
	s.report.ConfigFiles = cfg.files
	s.urls = cfg.urlConfig()
	s.taxonomies = cfg.taxonomies()
	s.loc = s.location()
	s.baseURL = cfg.str("baseurl")
	var err error
	if s.static, err = listFiles(s.src, "static"); err != nil {
		return nil, err
	}
	if s.shortcodes, err = readShortcodes(s.src, s.themes(), s.opts.Theme); err != nil {
		return nil, err
	}
	files, err := s.contentFiles()
	if err != nil {
		return nil, err
	}
	s.refs = newRefIndex(files)
	s.resources = map[string]bool{}
	for _, f := range files {
		s.resources[f.src] = !f.page
	}
	out := newOutput()
	pages, errs := s.convertPages(ctx, files, out)
	if cfgErr != nil {
		errs = append(errs, cfgErr)
	}
	if err := s.checkSections(files); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, diag.SortJoin(diagErrors(errs))
	}
	if err := s.writeSite(files, pages, out); err != nil {
		return nil, err
	}
	return out, s.copyFiles(out)
}

// location is the site's timeZone, UTC when it sets none.
func (s *siteImport) location() *time.Location {
	tz := s.cfg.str("timezone")
	if tz == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		s.report.needs(s.cfg.file(), 1, fmt.Sprintf("timeZone %q: %v; dates without a zone are read as UTC", tz, err))
		return time.UTC
	}
	return loc
}

// themes are the names of the site's themes.
func (s *siteImport) themes() []string {
	return listOf(s.cfg.get("theme"))
}

// staticFile reports whether static/ holds the file p (below static/).
func (s *siteImport) staticFile(p string) bool { return s.static[p] }

// fileDate returns the time of the last git commit of file, else its
// modification time, and which it is.
func (s *siteImport) fileDate(file string) (time.Time, string) {
	cmd := exec.Command("git", "-C", s.opts.Source, "log", "-1", "--format=%cI", "--", file)
	if b, err := cmd.Output(); err == nil {
		if t, err := time.Parse(time.RFC3339, strings.TrimSpace(string(b))); err == nil {
			return t, "date from the file's last git commit"
		}
	}
	if fi, err := os.Stat(filepath.Join(s.opts.Source, filepath.FromSlash(file))); err == nil {
		return fi.ModTime().UTC().Truncate(time.Second), "date from the file's modification time"
	}
	return s.now, "date of the import"
}

// checkSections refuses a --section whose kind careersite does not have.
func (s *siteImport) checkSections(files []contentFile) error {
	var errs []error
	for _, sec := range sortedKeys(s.opts.Sections) {
		if k := s.opts.Sections[sec]; !config.IsKind(k) {
			errs = append(errs, fmt.Errorf("--section %s=%s: want one of %s", sec, k, strings.Join(config.Kinds(), ", ")))
		}
		if !slices.ContainsFunc(files, func(f contentFile) bool { return f.section() == sec }) {
			s.report.needs("content/"+sec, 1, fmt.Sprintf("--section %s: the site has no such section", sec))
		}
	}
	return errors.Join(errs...)
}

// sections maps every section with pages to its kind: the --section
// given, else article (so that careersite's default, jobs → job, does not
// apply to a section the user did not map).
func (s *siteImport) sections(files []contentFile) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		if sec := f.section(); f.page && sec != "" {
			m[sec] = cmp.Or(s.opts.Sections[sec], config.KindArticle)
		}
	}
	return m
}

func diagErrors(errs []error) []*diag.Error {
	var out []*diag.Error
	for _, e := range errs {
		out = append(out, diag.List(e)...)
	}
	return out
}

package hugoimport

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/hugofile"
)

// markdownExts are the extensions of Hugo's Markdown content; a page is
// written with ".md".
var markdownExts = []string{".md", ".markdown", ".mdown", ".mkd", ".mkdn"}

// otherContentExts are Hugo's other content formats, which careersite
// does not read: reported, not copied.
var otherContentExts = []string{".html", ".htm", ".org", ".adoc", ".asciidoc", ".ad", ".rst", ".pdc", ".pandoc"}

// contentFile is one file under content/ and where it goes.
type contentFile struct {
	src, dest string // slash-separated, relative to the site folders
	rel       string // src below Hugo's content folder, as Hugo's paths name it: "posts/a.md"
	page      bool   // a Markdown page; otherwise a resource, copied as it is

	// bundle is the index.md of the leaf bundle whose folder holds the
	// page, "" when none does: Hugo takes such a page for a resource of
	// the bundle and does not publish it.
	bundle string
}

// section is the file's first folder under content/; "" at the root.
func (f contentFile) section() string {
	first, _, ok := strings.Cut(f.rel, "/")
	if !ok {
		return ""
	}
	return first
}

// contentFiles lists Hugo's content folder (content/, or contentDir):
// Markdown pages (".md" in the new site, and
// an index.md that heads a section made _index.md), and the other files,
// resources of their bundles, copied as they are. Hidden files are left
// out, as both Hugo and careersite leave them.
func (s *siteImport) contentFiles() ([]contentFile, error) {
	var files []contentFile
	root := s.contentDir()
	err := fs.WalkDir(s.src, root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist) && p == root:
			return fs.SkipAll
		case err != nil:
			return err
		case strings.HasPrefix(d.Name(), ".") && p != root:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || !d.Type().IsRegular():
			return nil
		}
		rel := strings.TrimPrefix(p, root+"/")
		dest := "content/" + rel
		ext := strings.ToLower(path.Ext(p))
		switch {
		case slices.Contains(markdownExts, ext) && s.taxonomyIndex(rel):
			s.report.needs(p, 1, "the front matter and text of a taxonomy's or term's page: careersite draws those pages from its templates alone; not imported")
		case slices.Contains(markdownExts, ext):
			files = append(files, contentFile{src: p, rel: rel, dest: strings.TrimSuffix(dest, path.Ext(dest)) + ".md", page: true})
		case slices.Contains(otherContentExts, ext):
			s.report.needs(p, 1, "careersite reads Markdown content only: not imported; convert the page to Markdown")
		default:
			files = append(files, contentFile{src: p, rel: rel, dest: dest})
		}
		return nil
	})
	renameSectionIndexes(files, s.report)
	flattenNestedSections(files, s.report)
	return files, err
}

// flattenNestedSections makes the _index.md of a section below the first
// level (content/notes/deep/_index.md) a page at the same URL
// (content/notes/deep.md): careersite's sections are the first-level
// folders, and an _index.md deeper down would take the place of its
// first-level section's page. The pages below stay in the first-level
// section.
func flattenNestedSections(files []contentFile, r *Report) {
	for i, f := range files {
		if !f.page || path.Base(f.dest) != "_index.md" || strings.Count(f.dest, "/") < 3 {
			continue
		}
		dir := path.Dir(f.dest)
		to := dir + ".md"
		if holdsPage(files, to) {
			r.needs(f.src, 1, "careersite has no sections below the first level, and "+to+" is taken: merge the two")
			continue
		}
		files[i].dest = to
		r.needs(f.src, 1, "careersite has no sections below the first level: "+to+" is a page at the same URL with this text, and the pages below are listed in their first-level section")
	}
}

// taxonomyIndex reports whether rel (below the content folder) is the
// _index.md of a taxonomy's page (tags/_index.md) or of a term's
// (tags/go/_index.md).
func (s *siteImport) taxonomyIndex(rel string) bool {
	dir := path.Dir(rel)
	first, _, _ := strings.Cut(dir, "/")
	return strings.TrimSuffix(path.Base(rel), path.Ext(rel)) == "_index" &&
		slices.Contains(s.taxonomies, strings.ToLower(first)) && strings.Count(dir, "/") <= 1
}

// contentDir is Hugo's content folder: contentDir, else the default
// language's (languages.en.contentDir), else the first module mount
// whose target is content, else content.
func (s *siteImport) contentDir() string {
	lang := cmp.Or(s.cfg.str("defaultcontentlanguage"), "en")
	dir := cmp.Or(s.cfg.str("contentdir"), s.cfg.str("languages."+lang+".contentdir"), s.contentMount())
	if dir = path.Clean(strings.Trim(dir, "/")); dir == "." || !fs.ValidPath(dir) {
		return "content"
	}
	return dir
}

// contentMount is the source of the first of module.mounts whose target
// is content; "" when there is none.
func (s *siteImport) contentMount() string {
	mounts, _ := s.cfg.get("module.mounts").([]any)
	for _, m := range mounts {
		m, _ := m.(map[string]any)
		if target, _ := m["target"].(string); target == "content" {
			src, _ := m["source"].(string)
			return src
		}
	}
	return ""
}

// renameSectionIndexes makes an index.md an _index.md where it heads a
// section: at the root of content/, or in a folder that also holds other
// pages, itself or below (a leaf bundle holds none). careersite refuses an
// index.md there, and the author meant the section's page; Hugo published
// that folder as one page, and the pages in it as nothing.
func renameSectionIndexes(files []contentFile, r *Report) {
	for i, f := range files {
		if !f.page || path.Base(f.dest) != "index.md" {
			continue
		}
		dir := path.Dir(f.dest)
		if dir != "content" && !holdsOtherPages(files, dir, f.src) {
			continue
		}
		if holdsPage(files, dir+"/_index.md") {
			r.needs(f.src, 1, "an index.md beside an _index.md: careersite refuses it; merge the two")
			continue
		}
		files[i].dest = dir + "/_index.md"
		for j, g := range files {
			if g.page && g.src != f.src && strings.HasPrefix(g.src, dir+"/") {
				files[j].bundle = f.src
			}
		}
		r.Converted = append(r.Converted, Conversion{File: f.src, Dest: files[i].dest, Notes: []string{"a section's index.md made _index.md"}})
	}
}

func holdsOtherPages(files []contentFile, dir, self string) bool {
	for _, f := range files {
		if f.page && f.src != self && strings.HasPrefix(f.src, dir+"/") {
			return true
		}
	}
	return false
}

func holdsPage(files []contentFile, dest string) bool {
	for _, f := range files {
		if f.page && f.dest == dest {
			return true
		}
	}
	return false
}

// listFiles returns the regular files under dir, by their path below it.
func listFiles(fsys fs.FS, dir string) (map[string]bool, error) {
	files := map[string]bool{}
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist) && p == dir:
			return fs.SkipAll
		case err != nil:
			return err
		case d.Type().IsRegular():
			files[strings.TrimPrefix(p, dir+"/")] = true
		}
		return nil
	})
	return files, err
}

// output is what an import writes, held until everything has been read.
type output struct {
	writes map[string][]byte // path in Dest → bytes
	copies map[string]string // path in Dest → path in Source
}

func newOutput() *output {
	return &output{writes: map[string][]byte{}, copies: map[string]string{}}
}

// commit writes out into dest, creating it.
func (o *output) commit(source, dest string) error {
	if err := os.MkdirAll(dest, 0o777); err != nil {
		return err
	}
	for _, name := range sortedKeys(o.writes) {
		if err := writeFile(dest, name, o.writes[name]); err != nil {
			return err
		}
	}
	for _, name := range sortedKeys(o.copies) {
		if err := copyFile(filepath.Join(source, filepath.FromSlash(o.copies[name])), dest, name); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(dest, name string, data []byte) error {
	to := filepath.Join(dest, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(to), 0o777); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o666)
}

func copyFile(from, dest, name string) error {
	to := filepath.Join(dest, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(to), 0o777); err != nil {
		return err
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", from, err)
	}
	return out.Close()
}

// imageExts are the files of Hugo's assets/ an import copies: images,
// which careersite's image function and Markdown images find in assets/.
var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"}

// copyFiles plans the copies of static/ (into assets/, which careersite
// publishes as it is but for CSS and JavaScript), data/, and the images
// of Hugo's assets/; it reports the folders it leaves.
func (s *siteImport) copyFiles(out *output) error {
	for _, name := range sortedKeys(s.static) {
		out.copies["assets/"+name] = "static/" + name
		s.report.Files["static"]++
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			s.report.needs("static/"+name, 1, "careersite publishes CSS and JavaScript minified under a fingerprinted name (css/site.1a2b3c4d.css): its URL /"+name+" is not kept; link it with {{ (asset \""+name+"\").URL }}")
		}
	}
	data, err := listFiles(s.src, "data")
	if err != nil {
		return err
	}
	for _, name := range sortedKeys(data) {
		out.copies["data/"+name] = "data/" + name
		s.report.Files["data"]++
	}
	assets, err := listFiles(s.src, "assets")
	if err != nil {
		return err
	}
	var left int
	for _, name := range sortedKeys(assets) {
		if !slices.Contains(imageExts, strings.ToLower(path.Ext(name))) || s.static[name] {
			left++
			continue
		}
		out.copies["assets/"+name] = "assets/" + name
		s.report.Files["assets"]++
	}
	if left > 0 {
		s.report.LeftOut = append(s.report.LeftOut, fmt.Sprintf("%d files of assets/ that are not images (Hugo Pipes' sources: careersite publishes every file of assets/)", left))
	}
	for _, dir := range []string{"layouts", "themes", "archetypes", "i18n"} {
		if fi, err := fs.Stat(s.src, dir); err == nil && fi.IsDir() {
			s.report.LeftOut = append(s.report.LeftOut, dir+"/ (careersite's templates are its own: docs/migrating-from-hugo.md; only layouts/shortcodes/ is read)")
		}
	}
	return nil
}

// convertPages converts every page of files, planning its write in out;
// the errors are those of pages that cannot be read.
func (s *siteImport) convertPages(ctx context.Context, files []contentFile, out *output) ([]*pageImport, []error) {
	var pages []*pageImport
	var errs []error
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, []error{err}
		}
		if !f.page {
			out.copies[f.dest] = f.src
			s.report.Files["resources"]++
			continue
		}
		data, err := fs.ReadFile(s.src, f.src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		sp, err := hugofile.Split(f.src, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p := &pageImport{siteImport: s, src: f.src, rel: f.rel, dest: f.dest, bundle: f.bundle, copies: map[string]string{}}
		if f.bundle != "" {
			s.report.needs(f.src, 1, "Hugo does not publish this page, a resource of the leaf bundle "+f.bundle+"; careersite does, now that that is the section's _index.md")
		}
		text, err := p.convert(sp)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out.writes[f.dest] = text
		maps.Copy(out.copies, p.copies)
		s.report.Pages++
		s.report.Formats[cmp.Or(string(sp.Format), "none")]++
		pages = append(pages, p)
	}
	return pages, errs
}

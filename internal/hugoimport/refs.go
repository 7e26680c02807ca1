package hugoimport

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/model"

	"github.com/careersite/careersite/internal/shortcode"
)

// Hugo's ref and relref find a page more ways than careersite's, which
// takes its file under content/ or its URL: Hugo also takes a path
// without the extension, a leaf bundle's folder, a path relative to the
// page that refers, a file's or bundle's name alone when it is unique,
// any case, and a "#fragment". An import writes each reference as the
// file under content/ it finds, the fragment after the tag:
// {{< ref "congo#icons" >}} becomes {{< ref "posts/congo/index.md" >}}#icons,
// which gives the same link.

// refIndex finds the content file (below content/, in the careersite
// site) a Hugo reference names.
type refIndex struct {
	byPath map[string]string // lower-cased path forms → dest below content/
	byName map[string]string // lower-cased name → dest; "" when two pages share it
}

func newRefIndex(files []contentFile) *refIndex {
	ix := &refIndex{byPath: map[string]string{}, byName: map[string]string{}}
	for _, f := range files {
		if !f.page {
			continue
		}
		src := strings.ToLower(f.rel)
		dest := strings.TrimPrefix(f.dest, "content/")
		noExt := strings.TrimSuffix(src, path.Ext(src))
		forms := []string{src, noExt}
		name := path.Base(noExt)
		if name == "index" || name == "_index" {
			forms = append(forms, path.Dir(noExt))
			name = path.Base(path.Dir(noExt))
		}
		for _, form := range forms {
			ix.byPath[form] = dest
		}
		if _, seen := ix.byName[name]; seen {
			ix.byName[name] = ""
		} else {
			ix.byName[name] = dest
		}
	}
	return ix
}

// find returns the file a reference ref, written in the page from (its
// file below content/), names; "" when it names none or several.
func (ix *refIndex) find(ref, from string) string {
	ref = strings.ToLower(strings.TrimSpace(ref))
	if ref == "" {
		return ""
	}
	rel := strings.Trim(ref, "/")
	if strings.HasPrefix(ref, "/") {
		return ix.byPath[rel]
	}
	dir := path.Dir(strings.ToLower(from))
	for _, base := range []string{dir, path.Dir(dir)} {
		if dest, ok := ix.byPath[path.Join(base, rel)]; ok {
			return dest
		}
	}
	if dest, ok := ix.byPath[rel]; ok {
		return dest
	}
	return ix.byName[strings.TrimSuffix(path.Base(rel), path.Ext(rel))]
}

// ref rewrites a ref or relref tag with the file it names, and the
// fragment after it.
func (p *pageImport) ref(body []byte, sc *shortcode.Shortcode) []edit {
	arg, _ := argString(sc, "path", 0)
	target, fragment, _ := strings.Cut(arg, "#")
	dest := strings.TrimPrefix(p.dest, "content/")
	if target != "" {
		dest = p.refs.find(target, p.rel)
	}
	if dest == "" {
		if u := p.taxonomyRef(target); u != "" {
			return p.listRef(sc, u, arg, fragment)
		}
	}
	if dest == "" {
		p.report.needs(p.src, sc.Line, fmt.Sprintf("%s %q: Hugo finds no single page by that name here either; write its file under content/", sc.Name, arg))
		return nil
	}
	if dest == arg {
		return nil
	}
	e := retag(body, sc, []shortcode.Arg{{Value: dest}})
	if fragment != "" {
		e[len(e)-1].text += "#" + fragment
	}
	p.note("%s %q → %q", sc.Name, arg, dest)
	return e
}

// taxonomyRef returns the careersite URL of the taxonomy or term page a
// reference names ("tags", "/categories/ci/cd"); "" when it names none.
func (p *pageImport) taxonomyRef(target string) string {
	plural, term, _ := strings.Cut(strings.Trim(strings.ToLower(target), "/"), "/")
	switch {
	case !slices.Contains(p.taxonomies, plural):
		return ""
	case term == "":
		return "/" + plural + "/"
	}
	return "/" + plural + "/" + model.TermSlug(term) + "/"
}

// listRef replaces a reference to a taxonomy or term page with its URL:
// careersite's ref finds content pages only. ref gives the absolute URL,
// relref the root-relative one, as Hugo's do.
func (p *pageImport) listRef(sc *shortcode.Shortcode, u, arg, fragment string) []edit {
	base, err := url.Parse(p.baseURL)
	if err != nil || base.Host == "" {
		base = &url.URL{Path: "/"}
	}
	base.Path = strings.TrimSuffix(base.Path, "/") + u
	if sc.Name == "relref" {
		base = &url.URL{Path: base.Path}
	}
	if fragment != "" {
		base.Fragment = fragment
	}
	p.note("%s %q → %s (a list page, which careersite's ref does not find)", sc.Name, arg, base)
	return []edit{{sc.Offset, sc.End, base.String()}}
}

package career

import (
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Ref is a reference to another page of the site by its URL, written as the
// page's root-relative URL without the site's base path
// ("/roles/back-end-engineer-career-path/"), and the place it was written.
type Ref struct {
	URL       string // cleaned, ending in "/" unless its last segment has an extension
	Line, Col int    // where it was written (file positions when the tree was)
}

// DecodeYAML accepts a root-relative URL path: it must start with "/" and
// hold no "\", "?", "#" or ".." segment.
func (r *Ref) DecodeYAML(n *yaml.Node) error {
	u, ok := pageURL(n)
	if !ok {
		return fmt.Errorf(`want a page URL such as "/roles/back-end-developer/", got %s`, describe(n))
	}
	*r = Ref{URL: u, Line: n.Line, Col: n.Column}
	return nil
}

func pageURL(n *yaml.Node) (string, bool) {
	s := n.Value
	if n.Kind != yaml.ScalarNode || !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") ||
		strings.ContainsAny(s, `\?#`) || strings.Contains("/"+s+"/", "/../") {
		return "", false
	}
	u := path.Clean(s)
	if u != "/" && path.Ext(u) == "" {
		u += "/"
	}
	return u, true
}

// Resolver reports the kind of the page at a URL ("job", "role",
// "certification", "article"; "" for a section or home page) and whether
// the site has a page there.
type Resolver func(url string) (kind string, ok bool)

// refList is one field of page references and the kind they must point to.
type refList struct {
	key  string
	want string
	refs []Ref
}

// refLists returns the reference fields of d's kind: the top-level []Ref
// fields, each tagged `ref:"KIND"` with the kind its pages must have.
func (d Data) refLists() []refList {
	var v reflect.Value
	switch {
	case d.Job != nil:
		v = reflect.ValueOf(d.Job).Elem()
	case d.Role != nil:
		v = reflect.ValueOf(d.Role).Elem()
	case d.Certification != nil:
		v = reflect.ValueOf(d.Certification).Elem()
	default:
		return nil
	}
	var lists []refList
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if want := sf.Tag.Get("ref"); want != "" {
			lists = append(lists, refList{key: yamlKey(sf), want: want, refs: v.Field(i).Interface().([]Ref)})
		}
	}
	return lists
}

// SameReferences reports whether a and b are data of one kind whose
// references name the same pages, field by field and in the same order;
// where they are written does not count.
func SameReferences(a, b Data) bool {
	if (a.Job == nil) != (b.Job == nil) || (a.Role == nil) != (b.Role == nil) || (a.Certification == nil) != (b.Certification == nil) {
		return false
	}
	la, lb := a.refLists(), b.refLists()
	for i := range la {
		if !slices.EqualFunc(la[i].refs, lb[i].refs, func(x, y Ref) bool { return x.URL == y.URL }) {
			return false
		}
	}
	return true
}

// CheckRefs reports, at the place each was written, every page reference
// of d that resolve does not find, or finds to be a page of the wrong kind:
// related_roles must name role pages, related_certifications and
// alternatives certification pages. file is set on every error. The site
// calls it once every page is indexed.
func CheckRefs(file string, d Data, resolve Resolver) []*diag.Error {
	var errs []*diag.Error
	for _, list := range d.refLists() {
		for i, r := range list.refs {
			kind, ok := resolve(r.URL)
			msg := ""
			switch {
			case !ok:
				msg = fmt.Sprintf("no page has the URL %q", r.URL)
			case kind == "":
				msg = fmt.Sprintf("%q is not a %s page", r.URL, list.want)
			case kind != list.want:
				msg = fmt.Sprintf("%q is %s %s page, want %s %s page", r.URL, article(kind), kind, article(list.want), list.want)
			default:
				continue
			}
			errs = append(errs, &diag.Error{File: file, Line: r.Line, Col: r.Col, Path: item(list.key, i), Msg: msg})
		}
	}
	return errs
}

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

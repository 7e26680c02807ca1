package hugoimport

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/hugofile"
	"go.yaml.in/yaml/v3"
)

// The front matter of an imported page is YAML whatever the Hugo page
// wrote, with careersite's keys first, in this order, and every other key
// after them, sorted. Hugo's keys map to ours thus:
//
//	lastmod, modified                      updated
//	publishDate, pubdate, published        publish_date
//	expiryDate, unpublishdate              expiry_date
//	author (a name or a list)              authors
//	images (the first), image, featured,   image, when careersite can show it (see image)
//	featured_image
//	layout                                 hugo_layout (a Hugo layout name means nothing here)
//	params (a mapping)                     its keys, at the top level
//	_build, build                          hidden_from (list: never → lists)
//
// Keys are lower-cased, as Hugo's .Params are. Every date is written in
// the form careersite reads (hugofile.Date.String), terms that are empty are
// dropped, and a page with no date gets one (datesOf).
var keyOrder = []string{
	"title", "description", "date", "updated", "publish_date", "expiry_date",
	"draft", "kind", "tags", "skills", "authors", "slug", "url", "aliases",
	"weight", "image", "hidden_from",
}

// renamed are the Hugo keys that are ours under another name.
var renamed = map[string]string{
	"lastmod": "updated", "modified": "updated",
	"publishdate": "publish_date", "pubdate": "publish_date", "published": "publish_date",
	"expirydate": "expiry_date", "unpublishdate": "expiry_date",
	"layout": "hugo_layout",
}

// dateKeys are our keys that hold dates.
var dateKeys = []string{"date", "updated", "publish_date", "expiry_date"}

// frontMatter is the front matter of an imported page, being made.
type frontMatter struct {
	values map[string]any // by our key; dates are hugofile.Date
}

// get returns the string at key, "" when there is none.
func (fm *frontMatter) str(key string) string {
	s, _ := fm.values[key].(string)
	return s
}

// date returns the date at key, the zero time when there is none.
func (fm *frontMatter) date(key string) time.Time {
	d, _ := fm.values[key].(hugofile.Date)
	return d.Time
}

// node returns the front matter as a YAML mapping in keyOrder.
func (fm *frontMatter) node() (*yaml.Node, error) {
	m := &yaml.Node{Kind: yaml.MappingNode}
	keys := slices.Clone(keyOrder)
	for _, k := range sortedKeys(fm.values) {
		if !slices.Contains(keyOrder, k) {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		v, ok := fm.values[k]
		if !ok {
			continue
		}
		val, err := valueNode(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, val)
	}
	return m, nil
}

func valueNode(v any) (*yaml.Node, error) {
	if d, ok := v.(hugofile.Date); ok {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}, nil
	}
	if t, ok := v.(time.Time); ok { // a date among params
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: t.Format(time.RFC3339Nano)}, nil
	}
	n := &yaml.Node{}
	return n, n.Encode(v)
}

// frontMatterOf maps the decoded Hugo front matter m (keys lower-cased) to
// ours, telling p what it did and what needs a person.
func frontMatterOf(m map[string]any, p *pageImport) *frontMatter {
	fm := &frontMatter{values: map[string]any{}}
	for _, k := range sortedKeys(m) {
		p.key(fm, k, m[k])
	}
	return fm
}

// key maps one Hugo key and its value into fm.
func (p *pageImport) key(fm *frontMatter, k string, v any) {
	if v == nil {
		return
	}
	if to, ok := renamed[k]; ok {
		p.note("%s → %s", k, to)
		k = to
	}
	switch {
	case slices.Contains(dateKeys, k):
		p.dateKey(fm, k, v)
	case k == "author" || k == "authors":
		p.authors(fm, k, v)
	case slices.Contains(p.taxonomies, k):
		p.terms(fm, k, v)
	case k == "images" || k == "image" || k == "featured" || k == "featured_image":
		p.image(fm, k, v)
	case k == "_build" || k == "build":
		p.build(fm, k, v)
	case k == "menu" || k == "menus":
		p.menus(k, v)
	case k == "params":
		p.params(fm, v)
	case k == "headless" && v == true:
		p.needs(k, "a headless bundle is not published by Hugo, but careersite publishes every page: delete the page, or give it hidden_from")
		fm.values[k] = v
	case slices.Contains(keyOrder, k):
		fm.values[k] = v
	default:
		fm.values[cmp.Or(p.written[k], k)] = v
	}
}

func (p *pageImport) dateKey(fm *frontMatter, k string, v any) {
	if s, ok := v.(string); ok && strings.TrimSpace(s) == "" {
		p.note("an empty %s dropped", k)
		return
	}
	d, err := hugofile.ParseDate(v, p.loc)
	if err != nil {
		p.needs(k, err.Error()+": dropped")
		return
	}
	if old, ok := fm.values[k].(hugofile.Date); ok && !old.Time.IsZero() {
		return // the first of two Hugo names of one key wins, in sorted order
	}
	fm.values[k] = d
}

func (p *pageImport) authors(fm *frontMatter, k string, v any) {
	names := listOf(v)
	if k == "author" {
		p.note("author → authors")
	}
	fm.values["authors"] = append(stringList(fm.values["authors"]), names...)
}

// terms drops the empty terms of a taxonomy, which Hugo skips and
// careersite refuses.
func (p *pageImport) terms(fm *frontMatter, k string, v any) {
	all := listOf(v)
	kept := slices.DeleteFunc(slices.Clone(all), func(s string) bool { return strings.TrimSpace(s) == "" })
	if len(kept) < len(all) {
		p.note("%d empty %s dropped", len(all)-len(kept), k)
	}
	if len(kept) > 0 {
		fm.values[k] = kept
	}
}

// image maps Hugo's images, image or featured to careersite's image when
// careersite can show it: an https URL, a root-relative path of a file of
// static/ (imported into assets/, where image looks), or a picture of the
// page's bundle (copied into assets/, bundleImage). Anything else stays a
// param under its Hugo name.
func (p *pageImport) image(fm *frontMatter, k string, v any) {
	list := listOf(v)
	if len(list) == 0 {
		fm.values[k] = v
		return
	}
	first := list[0]
	if _, taken := fm.values["image"].(string); taken && k != "image" {
		fm.values[k] = v
		return
	}
	image := first
	if !strings.HasPrefix(first, "https://") && !strings.HasPrefix(first, "/") {
		image = p.bundleImage(first)
	}
	if strings.HasPrefix(image, "https://") || strings.HasPrefix(image, "/") && p.staticFile(strings.TrimPrefix(image, "/")) || image != first {
		p.note("%s → image", k)
		fm.values["image"] = image
		if len(list) > 1 {
			fm.values[k] = v
		}
		return
	}
	if k == "image" {
		k = "hugo_image"
	}
	fm.values[k] = v
	p.needs(k, fmt.Sprintf("%q is neither a picture of the page's bundle, a file under static/ nor an https URL, which careersite's image: can show; kept as %s", first, k))
}

// params lifts a params mapping (Hugo 0.123's home of a page's own
// keys) to the top level, where careersite keeps a page's params; one
// named as a key of ours is kept as hugo_KEY.
func (p *pageImport) params(fm *frontMatter, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		fm.values[cmp.Or(p.written["params"], "params")] = v
		return
	}
	for _, k := range sortedKeys(m) {
		to := k
		if slices.Contains(keyOrder, strings.ToLower(k)) {
			to = "hugo_" + k
		}
		fm.values[to] = m[k]
	}
	p.note("params: lifted to the top level")
}

// bundleImageDir is where an import copies the pictures that bundles
// name as their image: careersite's image is a file under assets/, and a
// copy at the bundle's own path would be published at the URL of the
// bundle's resource.
const bundleImageDir = "img/hugo-bundles"

// bundleImage returns the file under assets/ that stands for name, a
// JPEG, PNG, GIF or WebP file of the page's bundle, planning its copy;
// name itself when it is not one.
func (p *pageImport) bundleImage(name string) string {
	base := path.Base(p.src)
	if strings.TrimSuffix(base, path.Ext(base)) != "index" && strings.TrimSuffix(base, path.Ext(base)) != "_index" {
		return name
	}
	file := path.Join(path.Dir(p.src), name)
	ext := strings.ToLower(path.Ext(file))
	if !p.resources[file] || !slices.Contains([]string{".jpg", ".jpeg", ".png", ".gif", ".webp"}, ext) {
		return name
	}
	asset := path.Join(bundleImageDir, strings.TrimPrefix(path.Dir(p.dest), "content/"), name)
	p.copies["assets/"+asset] = file
	return asset
}

// build maps Hugo's build options: list: never (or local) is hidden_from
// lists; render: never cannot be said in careersite.
func (p *pageImport) build(fm *frontMatter, k string, v any) {
	m, _ := v.(map[string]any)
	if l, _ := m["list"].(string); l == "never" || l == "local" {
		fm.values["hidden_from"] = []string{"lists"}
		p.note("%s.list: %s → hidden_from: [lists]", k, l)
	}
	if r, _ := m["render"].(string); r == "never" || r == "link" || m["render"] == false {
		p.needs(k, "render: "+fmt.Sprint(m["render"])+": Hugo does not publish this page, careersite does: delete it, or keep it on purpose")
	}
}

// menus collects the page's entries of the main menu; careersite has one.
func (p *pageImport) menus(k string, v any) {
	switch v := v.(type) {
	case string:
		p.menuEntry(k, v, nil)
	case []any:
		for _, name := range listOf(v) {
			p.menuEntry(k, name, nil)
		}
	case map[string]any:
		for _, name := range sortedKeys(v) {
			e, _ := v[name].(map[string]any)
			p.menuEntry(k, name, e)
		}
	}
}

func (p *pageImport) menuEntry(k, menu string, e map[string]any) {
	if menu != "main" {
		p.needs(k, fmt.Sprintf("the page's entry in menu %q is not carried over: careersite has one menu", menu))
		return
	}
	name, _ := e["name"].(string)
	w, _ := e["weight"].(int)
	p.menu = &siteMenuItem{Name: name, Weight: w}
	p.note("in the main menu")
}

// listOf returns v as a list of strings: a string alone is a list of one.
func listOf(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if e != nil {
				out = append(out, fmt.Sprint(e))
			}
		}
		return out
	case []string:
		return v
	}
	return nil
}

func stringList(v any) []string {
	l, _ := v.([]string)
	return l
}

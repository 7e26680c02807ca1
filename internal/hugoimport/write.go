package hugoimport

import (
	"cmp"
	"io/fs"
	"strings"
	"testing/fstest"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/diag"
)

// writeSite plans site.yaml and the site's shortcodes, checks every page
// as careersite will read it, and checks the URLs.
func (s *siteImport) writeSite(files []contentFile, pages []*pageImport, out *output) error {
	sy := s.cfg.siteConfig(s.sections(files), s.report)
	text, err := sy.marshal()
	if err != nil {
		return err
	}
	cfg, err := config.Load(fstest.MapFS{config.Name: {Data: text}})
	for _, e := range diag.List(err) {
		s.report.needs(config.Name, e.Line, "careersite: "+e.Msg)
	}
	if cfg == nil {
		cfg = config.Default()
	}
	parsed := map[*pageImport]*content.Page{}
	for _, p := range pages {
		if cp := p.check(cfg, out); cp != nil {
			parsed[p] = cp
		}
		if p.menu != nil && parsed[p] != nil {
			sy.Menu = append(sy.Menu, siteMenuItem{Name: cmp.Or(p.menu.Name, parsed[p].Title), URL: parsed[p].URL, Weight: p.menu.Weight})
		}
		s.report.Converted = append(s.report.Converted, Conversion{File: p.src, Notes: p.notes})
	}
	if text, err = sy.marshal(); err != nil {
		return err
	}
	out.writes[config.Name] = text
	for _, name := range sortedKeys(s.shortcodes) {
		sc := s.shortcodes[name]
		if sc.problem != "" {
			s.report.needs(sc.file, 1, "not imported: "+sc.problem)
			continue
		}
		out.writes["layouts/shortcodes/"+name+".html"] = sc.data
		s.report.Shortcodes = append(s.report.Shortcodes, name)
	}
	for _, name := range sortedKeys(s.report.unknown) {
		if !fs.ValidPath(name) {
			continue // a name that is not a path inside layouts/shortcodes/: reported, not written
		}
		out.writes["layouts/shortcodes/"+name+".html"] = standIn(name, s.report.unknown[name].paired)
	}
	s.checkURLs(pages, parsed)
	return nil
}

// check parses the page as careersite will and returns it; nil when it has
// problems, each reported at the key of the Hugo page it came from. A
// Hugo key that careersite takes for a typo of one of its own ("tag" for
// "tags") is renamed hugo_KEY first.
func (p *pageImport) check(cfg *config.Config, out *output) *content.Page {
	for range 2 {
		cp, err := content.Parse(p.dest, out.writes[p.dest], cfg)
		if err == nil {
			return cp
		}
		errs := diag.List(err)
		if !p.renameTypos(errs) {
			for _, e := range errs {
				key, _, _ := strings.Cut(e.Path, ".")
				key, _, _ = strings.Cut(key, "[")
				p.needs(key, "careersite: "+e.Msg)
			}
			return nil
		}
		text, err := p.marshal()
		if err != nil {
			p.needs("", err.Error())
			return nil
		}
		out.writes[p.dest] = text
	}
	return nil
}

// renameTypos renames the keys errs call unknown look-alikes of ours;
// it reports whether there were any.
func (p *pageImport) renameTypos(errs []*diag.Error) bool {
	renamedAny := false
	for _, e := range errs {
		key, ok := unknownKey(e.Msg)
		v, given := p.fm.values[key]
		if !ok || !given {
			continue
		}
		delete(p.fm.values, key)
		p.fm.values["hugo_"+key] = v
		p.note("%s → hugo_%s (careersite would read %s as a typo)", key, key, key)
		renamedAny = true
	}
	return renamedAny
}

// unknownKey returns the key of content's message `unknown key "tag";
// did you mean "tags"?`.
func unknownKey(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, `unknown key "`)
	if !ok {
		return "", false
	}
	key, _, ok := strings.Cut(rest, `"`)
	return key, ok
}

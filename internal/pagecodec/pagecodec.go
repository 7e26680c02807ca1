// Package pagecodec writes a parsed page (content.Page) as bytes and
// reads it back exactly: the page it reads is equal (reflect.DeepEqual)
// to the one it wrote, with the places its checks report at
// (content.Places), given its path and body, which the caller keeps.
// internal/pagepack keeps pages between builds so.
//
// Exact by construction: every field of a page is written, nil slices
// and maps apart from empty ones, floats by their bits, times by their
// instant and zone; front matter that has no field is written as the
// values internal/decode makes of it (map[string]any, []any, string,
// int, float64, bool, time.Time, nil), and career data (career.Data) by
// codecs made from its types (career.go). What it cannot give back so —
// a value of another type, a time in a location other than UTC or a
// fixed offset — is an error of Append, never written approximately: the
// caller keeps no bytes of such a page.
//
// Read of bytes that are not a page's encoding returns an error, never
// panics, and makes nothing longer than the bytes could hold. The format
// has no version of its own: the caller keeps one (pagepack's streams
// begin with theirs) and changes it when the format changes; bytes of
// another binary are not read anyway, since the cache keys of a pack name
// the binary (internal/cache).
package pagecodec

import (
	"fmt"
	"math"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/content"
)

// Append appends page p, less its path and body, to b, and returns the
// longer slice, or b and an error when p holds a value that could not be
// read back exactly.
func Append(b []byte, p *content.Page) ([]byte, error) {
	e := encoder{b: b}
	if err := e.page(p); err != nil {
		return b, err
	}
	return e.b, nil
}

// Read reads the page that Append wrote as s, giving it path and body.
// The page's strings are parts of s.
func Read(s, path string, body []byte) (*content.Page, error) {
	d := decoder{s: s}
	p := d.page()
	if d.err == nil && d.i != len(d.s) {
		d.fail()
	}
	if d.err != nil {
		return nil, fmt.Errorf("%s: %w", path, d.err)
	}
	p.Path, p.Body = path, body
	return p, nil
}

func (e *encoder) page(p *content.Page) error {
	e.str(p.Section)
	e.bool(p.IsIndex)
	e.str(p.Kind)
	e.str(p.URL)
	e.str(p.Language)
	if err := e.frontMatter(&p.FrontMatter); err != nil {
		return err
	}
	if err := e.career(p.Career); err != nil {
		return err
	}
	e.bool(p.Invalid)
	e.int(int64(p.BodyLine))
	e.places(p.Places())
	return nil
}

func (d *decoder) page() *content.Page {
	p := &content.Page{}
	p.Section = d.str()
	p.IsIndex = d.bool()
	p.Kind = d.str()
	p.URL = d.str()
	p.Language = d.str()
	d.frontMatter(&p.FrontMatter)
	p.Career = d.career()
	p.Invalid = d.bool()
	p.BodyLine = d.intOf()
	p.SetPlaces(d.places())
	return p
}

func (e *encoder) frontMatter(f *content.FrontMatter) error {
	e.str(f.Title)
	e.str(f.Description)
	for _, t := range []time.Time{f.Date, f.Updated, f.PublishDate, f.ExpiryDate} {
		if err := e.time(t); err != nil {
			return err
		}
	}
	e.bool(f.Draft)
	e.strs(f.Tags)
	e.strs(f.Skills)
	e.strs(f.Authors)
	e.str(f.Slug)
	e.str(f.URL)
	e.strs(f.Aliases)
	e.int(int64(f.Weight))
	e.str(f.Layout)
	e.str(f.Kind)
	e.str(f.Image)
	e.str(f.ImageAlt)
	e.str(f.TranslationKey)
	e.count(len(f.HiddenFrom), f.HiddenFrom == nil)
	for _, l := range f.HiddenFrom {
		e.str(string(l))
	}
	return e.mapping(f.Params)
}

func (d *decoder) frontMatter(f *content.FrontMatter) {
	f.Title = d.str()
	f.Description = d.str()
	f.Date = d.time()
	f.Updated = d.time()
	f.PublishDate = d.time()
	f.ExpiryDate = d.time()
	f.Draft = d.bool()
	f.Tags = d.strs()
	f.Skills = d.strs()
	f.Authors = d.strs()
	f.Slug = d.str()
	f.URL = d.str()
	f.Aliases = d.strs()
	f.Weight = d.intOf()
	f.Layout = d.str()
	f.Kind = d.str()
	f.Image = d.str()
	f.ImageAlt = d.str()
	f.TranslationKey = d.str()
	if n, isNil := d.count(); !isNil {
		f.HiddenFrom = make([]content.Listing, n)
		for i := range f.HiddenFrom {
			f.HiddenFrom[i] = content.Listing(d.str())
		}
	}
	f.Params = d.mapping()
}

func (e *encoder) places(pl content.Places) {
	e.int(int64(pl.Description[0]))
	e.int(int64(pl.Description[1]))
	e.count(len(pl.Career), pl.Career == nil)
	for _, p := range pl.Career {
		e.str(p.Path)
		e.int(int64(p.Key[0]))
		e.int(int64(p.Key[1]))
		e.int(int64(p.Val[0]))
		e.int(int64(p.Val[1]))
		e.uint(uint64(p.Kind))
		e.bool(p.Null)
	}
}

func (d *decoder) places() content.Places {
	var pl content.Places
	pl.Description = [2]int{d.intOf(), d.intOf()}
	n, isNil := d.count()
	if isNil {
		return pl
	}
	pl.Career = make([]career.Position, n)
	for i := range pl.Career {
		p := &pl.Career[i]
		p.Path = d.str()
		p.Key = [2]int{d.intOf(), d.intOf()}
		p.Val = [2]int{d.intOf(), d.intOf()}
		kind := d.uint()
		if kind > math.MaxUint32 {
			d.fail()
		}
		p.Kind = yaml.Kind(kind)
		p.Null = d.bool()
	}
	return pl
}

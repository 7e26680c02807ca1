package career

import (
	"bytes"
	"encoding/json"
	"errors"
	"time"
)

// PageFacts are what structured data needs to know about a page besides
// its career data. The site fills them in; career does not know pages.
type PageFacts struct {
	Title       string
	Description string
	URL         string    // absolute permalink
	Date        time.Time // published
	Updated     time.Time // zero when never updated
	Authors     []string  // people; the site is the author when there are none
	Skills      []string
	Language    string // BCP 47, the site's language
	SiteName    string
	SiteURL     string // absolute
	Image       string // absolute URL of the page's picture or social card; "" when none
}

// Crumb is one entry of a breadcrumb trail.
type Crumb struct {
	Name string
	URL  string // absolute
}

// JSONLD returns the structured data for a page of career data d at now:
//
//   - a job whose posting is open at now (Job.PostingOpen): a JobPosting;
//   - any other job, and every role guide: an Article about an Occupation;
//   - a certification: a Review of a Course (a Course alone when there is
//     no review; an Article when there is no credential to describe).
//
// It returns nil for a zero Data. Like every builder here, it is a pure
// function of its arguments: the same input gives the same bytes. The JSON
// has its keys in a fixed order and <, > and & escaped as \u003c, \u003e
// and \u0026 (as encoding/json does), so it can be placed in a
// <script type="application/ld+json"> element as it is.
func (d Data) JSONLD(p PageFacts, now time.Time) ([]byte, error) {
	switch {
	case d.Job != nil && d.Job.PostingOpen(now):
		return JobPosting(d.Job, p)
	case d.Job != nil:
		return JobArticle(d.Job, p)
	case d.Role != nil:
		return RoleArticle(d.Role, p)
	case d.Certification != nil && d.Certification.Credential != nil:
		return CertificationReview(d.Certification, p)
	case d.Certification != nil:
		return document(thing("Article").article(p))
	}
	return nil, nil
}

// BreadcrumbList returns a schema.org BreadcrumbList of items, in order
// (the home page first, the page itself last).
func BreadcrumbList(items []Crumb) ([]byte, error) {
	if len(items) == 0 {
		return nil, errors.New("breadcrumb list has no items")
	}
	list := make([]any, len(items))
	for i, c := range items {
		list[i] = thing("ListItem").set("position", i+1).set("name", c.Name).set("item", c.URL)
	}
	return document(thing("BreadcrumbList").set("itemListElement", list))
}

// object is a JSON object whose keys keep the order they were set in.
type object struct {
	keys []string
	vals []any
}

// thing starts an object of a schema.org type.
func thing(typ string) *object {
	return (&object{}).set("@type", typ)
}

// set adds key with value v, unless v is empty: nil, "", a zero time, an
// empty list or a nil object. Numbers and booleans are always set; callers
// leave out those that were not given.
func (o *object) set(key string, v any) *object {
	switch x := v.(type) {
	case nil:
		return o
	case string:
		if x == "" {
			return o
		}
	case time.Time:
		if x.IsZero() {
			return o
		}
		v = isoTime(x)
	case []any:
		if len(x) == 0 {
			return o
		}
	case []string:
		if len(x) == 0 {
			return o
		}
	case *object:
		if x == nil {
			return o
		}
	}
	o.keys = append(o.keys, key)
	o.vals = append(o.vals, v)
	return o
}

// MarshalJSON writes the keys in order. encoding/json escapes <, > and &
// in every string it writes, and again in what a MarshalJSON returns.
func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := json.Marshal(o.vals[i])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// document marshals a top-level object with its @context first.
func document(o *object) ([]byte, error) {
	top := (&object{}).set("@context", "https://schema.org")
	top.keys = append(top.keys, o.keys...)
	top.vals = append(top.vals, o.vals...)
	return json.Marshal(top)
}

// isoTime writes a date as YYYY-MM-DD when it has no time of day in UTC,
// and as RFC 3339 otherwise.
func isoTime(t time.Time) string {
	if _, off := t.Zone(); off == 0 && t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// texts converts a list of string-like values to []any for set.
func texts[S ~string](list []S) []any {
	out := make([]any, len(list))
	for i, s := range list {
		out[i] = string(s)
	}
	return out
}

// one returns the single value of a list as itself and a longer list as a
// list, as schema.org examples write them.
func one(list []any) any {
	if len(list) == 1 {
		return list[0]
	}
	return list
}

// authors returns the page's authors as Persons, or the site as the
// Organization that wrote it.
func authors(p PageFacts) any {
	if len(p.Authors) == 0 {
		return publisher(p)
	}
	list := make([]any, len(p.Authors))
	for i, a := range p.Authors {
		list[i] = thing("Person").set("name", a)
	}
	return one(list)
}

func publisher(p PageFacts) *object {
	if p.SiteName == "" {
		return nil
	}
	return thing("Organization").set("name", p.SiteName).set("url", p.SiteURL)
}

// article sets the properties every page written by us has.
func (o *object) article(p PageFacts) *object {
	modified := p.Updated
	if modified.IsZero() {
		modified = p.Date
	}
	return o.set("headline", p.Title).
		set("description", p.Description).
		set("url", p.URL).
		set("mainEntityOfPage", p.URL).
		set("datePublished", p.Date).
		set("dateModified", modified).
		set("inLanguage", p.Language).
		set("author", authors(p)).
		set("publisher", publisher(p)).
		set("image", p.Image)
}

func organization(o *Organization) *object {
	if o == nil {
		return nil
	}
	return thing("Organization").set("name", o.Name).set("sameAs", string(o.URL)).set("logo", string(o.Logo))
}

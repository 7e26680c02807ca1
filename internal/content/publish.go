package content

import "time"

// Publishing says which pages a build publishes at Now: a draft, a page
// whose publish_date (else date) is after Now and a page whose
// expiry_date has passed are left out unless Drafts, Future or Expired
// ask for them; the front matter of a section or of the home page
// (_index.md) is always kept. (Its fields have no comments of their own:
// scaffold's fielddocs takes those of content's structs for front matter.)
type Publishing struct {
	Drafts, Future, Expired bool
	Now                     time.Time
}

// Publishes reports whether a build publishes p.
func (r Publishing) Publishes(p *Page) bool {
	if p.IsIndex {
		return true
	}
	fm := p.FrontMatter
	if fm.Draft && !r.Drafts {
		return false
	}
	publish := fm.PublishDate
	if publish.IsZero() {
		publish = fm.Date
	}
	if publish.After(r.Now) && !r.Future {
		return false
	}
	if !fm.ExpiryDate.IsZero() && !fm.ExpiryDate.After(r.Now) && !r.Expired {
		return false
	}
	return true
}

// Moments returns the moments at which whether a build publishes p can
// change as Now passes them: Publishes asks of each whether Now is
// before it (uptodate.Interval), and nothing else of Now. None for an
// _index.md file, which is always kept.
func (p *Page) Moments() []time.Time {
	if p.IsIndex {
		return nil
	}
	fm := p.FrontMatter
	publish := fm.PublishDate
	if publish.IsZero() {
		publish = fm.Date
	}
	return []time.Time{publish, fm.ExpiryDate}
}

// Published returns the pages of pages that a build publishes, in order.
func (r Publishing) Published(pages []*Page) []*Page {
	var kept []*Page
	for _, p := range pages {
		if r.Publishes(p) {
			kept = append(kept, p)
		}
	}
	return kept
}

// Valid splits pages into those without problems and the URLs (with
// their kinds) of those with problems, which are reported already: a
// reference to a broken page is not reported again as a dangling one.
func Valid(pages []*Page) ([]*Page, map[string]string) {
	var ok []*Page
	broken := map[string]string{}
	for _, p := range pages {
		if p.Invalid {
			broken[p.URL] = p.Kind
			continue
		}
		ok = append(ok, p)
	}
	return ok, broken
}

// TimeSensitive returns the valid pages of pages, but for _index.md files,
// whose front matter has a date less than two days before now, or after
// it: only whether those are published can change as time passes
// (publish_date, date, expiry_date; the margin covers rules that count
// whole days).
func TimeSensitive(pages []*Page, now time.Time) []*Page {
	since := now.Add(-48 * time.Hour)
	var out []*Page
	for _, p := range pages {
		if p.Invalid || p.IsIndex {
			continue
		}
		fm := p.FrontMatter
		for _, t := range []time.Time{fm.Date, fm.Updated, fm.PublishDate, fm.ExpiryDate} {
			if t.After(since) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

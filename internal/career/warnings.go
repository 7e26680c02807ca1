package career

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
)

// Warnings returns what is worth an editor's attention in d at now but does
// not stop a build, sorted by position, each a *diag.Error at the value it
// is about (File left empty):
//
//   - the as_of of a salary (the page's, or a career-path step's), a cost
//     or an outlook that is more than staleAfter before now;
//   - a job posting that has closed (now is past the end of valid_through):
//     its page should say so and carry no JobPosting data.
//
// A posting not yet open (date_posted after now) is not warned about.
func (d Data) Warnings(now time.Time, staleAfter config.Span) []*diag.Error {
	w := warner{now: now, cutoff: staleAfter.Before(now), span: staleAfter}
	switch {
	case d.Job != nil:
		w.pos = d.Job.pos
		if d.Job.PostingClosed(now) {
			w.add(closedKind, "posting.valid_through", "the posting closed on %s; its page says so and has no JobPosting data", day(d.Job.Posting.ValidThrough))
		}
	case d.Role != nil:
		w.pos = d.Role.pos
	case d.Certification != nil:
		w.pos = d.Certification.pos
	}
	d.eachAsOf(w.stale)
	slices.SortStableFunc(w.list, diag.Compare)
	return w.list
}

// AsOfs returns the as_of dates that Warnings compares with the moment
// staleAfter before now: a figure is stale when its as_of is before it.
func (d Data) AsOfs() []time.Time {
	var list []time.Time
	d.eachAsOf(func(_ string, t time.Time) { list = append(list, t) })
	return list
}

// eachAsOf calls visit with the path and value of every as_of of d: a
// salary's (the page's, or a career-path step's), a cost's and an
// outlook's.
func (d Data) eachAsOf(visit func(path string, t time.Time)) {
	salary := func(path string, s *Salary) {
		if s != nil {
			visit(join(path, "as_of"), s.AsOf)
		}
	}
	switch {
	case d.Job != nil:
		salary("salary", d.Job.Salary)
	case d.Role != nil:
		salary("salary", d.Role.Salary)
		if o := d.Role.Outlook; o != nil {
			visit("outlook.as_of", o.AsOf)
		}
		for i, s := range d.Role.CareerPath {
			salary(join(item("career_path", i), "salary"), s.Salary)
		}
	case d.Certification != nil:
		if c := d.Certification.Cost; c != nil {
			visit("cost.as_of", c.AsOf)
		}
	}
}

// warnable is the part of p that Warnings reports at: the as_of of
// salaries, costs and outlooks, and a posting's valid_through. The data
// keeps only that (Decode): the positions of every value, kept for a whole
// site, were a third of the memory a large build held.
func (p positions) warnable() positions {
	kept := positions{}
	for path, e := range p {
		if path == "posting.valid_through" || path == "as_of" || strings.HasSuffix(path, ".as_of") {
			kept[path] = e
		}
	}
	return kept
}

type warner struct {
	now, cutoff time.Time
	span        config.Span
	pos         positions
	list        []*diag.Error
}

// The kinds of the warnings, for a build's summary of them.
const (
	staleKind  = "figures older than stale_after"
	closedKind = "closed job postings"
)

func (w *warner) add(kind, path, format string, args ...any) {
	e := errorAt(w.pos, path, fmt.Sprintf(format, args...))
	e.Kind = kind
	w.list = append(w.list, e)
}

// stale warns when t is set and before the cutoff.
func (w *warner) stale(path string, t time.Time) {
	if !t.IsZero() && t.Before(w.cutoff) {
		w.add(staleKind, path, "%s is more than %s old (stale_after in site.yaml); check the figures again", day(t), w.span)
	}
}

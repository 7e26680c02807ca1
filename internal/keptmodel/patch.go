package keptmodel

import (
	"slices"
	"time"

	"github.com/careersite/careersite/internal/content"
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/generate"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pagesource"
)

// Outputs is what patches need of the build that planned the model.
type Outputs interface {
	// Digest makes the digests of the groups of page p of m that
	// outputs read (deps.DigestPage).
	Digest(m *Model, p *model.Page) *deps.PageDigests
	// Card returns the file of the social card of page p, a page
	// patched or to be patched, and whether it has one; it sets the
	// page's SocialCard.
	Card(p *model.Page) (generate.File, bool)
	// CheckCard returns an error when page p has a social card its
	// title does not fit on.
	CheckCard(p *model.Page) error
	// Template names the template that renders page p.
	Template(p *model.Page) (string, error)
	// Paginates reports whether the template of the list page p reads
	// .Paginator.
	Paginates(p *model.Page) bool
}

// FrontMatterPatchable reports whether the pages of m made from old, a
// published source, may be patched (Patch) to be what cur, its file
// parsed anew, makes at now: model.Patchable, its tags and skills changed
// only as model.CanRetag lets them, its URL only as model.CanMove lets
// it (its card's file too: move.go), a job's posting in the state it was
// in when the model was made, and a card the title fits on (a full build
// reports one it does not).
func (m *Model) FrontMatterPatchable(old, cur *content.Page, now time.Time, o Outputs) bool {
	if !model.Patchable(m.Config, old, cur) {
		return false
	}
	for _, p := range m.ByFile[old.Path] {
		if model.Retags(p, cur) && (len(m.ByFile[old.Path]) > 1 || !model.CanRetag(m.Config, m.Pages, p, cur, m.Claims)) {
			return false
		}
		if model.Moves(p, cur) && (len(m.ByFile[old.Path]) > 1 || !m.canMove(p, cur, o)) {
			return false
		}
	}
	if j := cur.Career.Job; j != nil && (j.PostingOpen(now) != j.PostingOpen(m.Now) || j.PostingClosed(now) != j.PostingClosed(m.Now)) {
		return false
	}
	for _, p := range m.ByFile[old.Path] {
		after := *p
		model.PatchFrontMatter(&after, cur, now)
		if o.CheckCard(&after) != nil {
			return false
		}
	}
	return true
}

// Retags reports whether the page of m made from src's file lists other
// tags or skills than src.
func (m *Model) Retags(src *content.Page) bool {
	for _, p := range m.ByFile[src.Path] {
		if model.Retags(p, src) {
			return true
		}
	}
	return false
}

// SetSources makes the sources of the paths of diff, read anew (sources
// by path), m's, and pub its published sources.
func (m *Model) SetSources(diff []string, sources map[string]*pagesource.Source, pub []*content.Page) {
	for _, path := range diff {
		m.Srcs[path] = sources[path]
	}
	m.Pub = pub
	// The sources of diff, parsed anew, may be time-sensitive now or no
	// longer (their dates changed).
	m.TimeSensitive = slices.DeleteFunc(slices.Clone(m.TimeSensitive), func(src *content.Page) bool { return slices.Contains(diff, src.Path) })
	for _, path := range diff {
		m.TimeSensitive = append(m.TimeSensitive, content.TimeSensitive([]*content.Page{sources[path].Page}, m.Now)...)
	}
}

// Patched is what Patch did: the outputs whose keys must be made again,
// and whether lists were sorted again, so that what their outputs read
// is recorded again.
type Patched struct {
	Redo   map[string]bool
	Reread bool
}

// Patch patches in the pages of m made from the files of changed, whose
// sources hold their new parses and conversions, at now: their front
// matter and bodies, their places in their lists (reorder.go), their
// terms (retag.go), their URLs (move.go), the generated files made from them (patchfiles.go)
// and their digests. It returns false when a term page it would make
// cannot be made as a full build makes it; m is then half patched, and
// Forgotten.
func (m *Model) Patch(changed []*pagesource.Source, now time.Time, o Outputs) (Patched, bool) {
	redo := map[string]bool{}
	var patched []patchedPage
	var moved []*model.Page // pages patched into another place among the others
	var retagged []retagging
	var moves []moving // pages patched to another URL
	for _, s := range changed {
		for _, p := range m.ByFile[s.Path] {
			before := *p
			if !model.KeepsOrder(m.Pages, p, s.Page) {
				moved = append(moved, p)
			}
			if model.Retags(p, s.Page) {
				retagged = append(retagged, retagging{p, s.Page})
			}
			if model.Moves(p, s.Page) {
				moves = append(moves, moving{p, s.Page})
			}
			model.PatchFrontMatter(p, s.Page, now)
			model.Refill(p, s.Conv.Body())
			patched = append(patched, patchedPage{p, &before})
		}
	}
	for _, rt := range retagged {
		if !m.retag(rt, o, redo) {
			m.Forgotten = true
			return Patched{}, false
		}
	}
	for _, mv := range moves {
		if !m.move(mv, o, redo) && !slices.Contains(moved, mv.page) {
			moved = append(moved, mv.page)
		}
	}
	m.patchFiles(patched, o, redo)
	for _, pp := range patched {
		p := pp.page
		old := m.Digests[p]
		m.Digests[p] = o.Digest(m, p)
		m.Readers.See(p, deps.Changed(old, m.Digests[p]), redo)
	}
	if len(moved) > 0 {
		m.reorder(moved, redo)
	}
	return Patched{Redo: redo, Reread: len(moved)+len(retagged) > 0}, true
}

package keptmodel

import (
	"github.com/careersite/careersite/internal/deps"
	"github.com/careersite/careersite/internal/model"
)

// reorder sorts again the lists of m that hold moved, pages patched into
// another place among the others (model.Reorder), and adds to redo the
// outputs that followed a list whose order changed (deps.ListsReordered …) and
// the feeds whose entries changed. The reads of those outputs change
// with their lists: the plan records them again (Patched.Reread).
func (m *Model) reorder(moved []*model.Page, redo map[string]bool) {
	r := model.Reorder(m.Pages, moved)
	m.Readers.SeeAll(r.Lists, deps.ListsReordered(), redo)
	m.Readers.SeeAll(r.Pagers, deps.PagerReordered(), redo)
	m.Readers.SeeAll(r.Roles, deps.RolesReordered(), redo)
	for _, f := range r.Feeds {
		redo[model.FeedOutput(f)] = true
	}
}

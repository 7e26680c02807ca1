package model

import (
	"crypto/rand"
	"maps"
	"slices"
	"sync"
)

// This file records the terms that templates look up by name
// (.Site.Taxonomy "skills" then .Term $name, as a role guide's career path
// links its steps' skills), so that the dependency keys of such lookups
// (internal/deps) can hold what the names looked up find instead of every
// term of the taxonomy: a term made or dropped whose slug no template
// looked up changes no output that looks terms up by name.
//
// The record is the taxonomy's, kept as long as the taxonomy (a model made
// anew starts with none), and only grows. Only Taxonomy.Term records: the
// model's own lookups (Page.Terms, Retag) do not.

// lookups are the slugs looked up in one taxonomy, and an id that is no
// other taxonomy's, in this process or another.
type lookups struct {
	id    string
	mu    sync.RWMutex
	slugs map[string]bool
}

func newLookups() *lookups {
	return &lookups{id: rand.Text(), slugs: map[string]bool{}}
}

// add records a lookup of slug; a taxonomy made without a record (in a
// test) records nothing.
func (l *lookups) add(slug string) {
	if l == nil {
		return
	}
	l.mu.RLock()
	seen := l.slugs[slug]
	l.mu.RUnlock()
	if !seen {
		l.mu.Lock()
		l.slugs[slug] = true
		l.mu.Unlock()
	}
}

// has reports whether slug was looked up.
func (l *lookups) has(slug string) bool {
	if l == nil {
		return false
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.slugs[slug]
}

// LookedUp returns the id of the record of t's lookups by name
// (Taxonomy.Term), the slugs looked up so far, sorted, and the term each
// finds now (nil: none); no slugs before the first lookup. A record with
// the same id and slugs is the same record at the same time: it only
// grows, and its id is no other taxonomy's.
func LookedUp(t *Taxonomy) (id string, slugs []string, terms []*Term) {
	if t.lookups == nil {
		return "", nil, nil
	}
	t.lookups.mu.RLock()
	defer t.lookups.mu.RUnlock()
	slugs = slices.Sorted(maps.Keys(t.lookups.slugs))
	terms = make([]*Term, len(slugs))
	for i, slug := range slugs {
		terms[i] = t.bySlug[slug]
	}
	return t.lookups.id, slugs, terms
}

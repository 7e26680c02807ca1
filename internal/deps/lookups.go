package deps

import "github.com/careersite/careersite/internal/model"

// This file keys a lookup of a term by a name that is no constant (.Term
// $name on a taxonomy, as a role guide's career path links its steps'
// skills) by what the names templates looked up find (model.LookedUp),
// instead of by every term of the taxonomy, which a term made or dropped
// changes: such a key holds the record's id, the slugs looked up, and the
// term each finds.
//
// Such a key is one of an output whose templates looked up, when it was
// made, names among those slugs: the record only grows, and the key holds
// the slugs it knew, so that a key equal to the last holds every slug the
// last making looked up; and what those find is all that making read of
// the lookups. The record's id ties the key to one taxonomy of one
// process: a key made before its templates ran (the first plan of a
// Builder, or of a model made anew, whose record is empty) holds every
// term, as before.
//
// Its read is recorded on the taxonomy's page, of the group gTermLookup,
// which only a term made or dropped whose slug was looked up changes
// (LookedUpTermsMadeOrDropped); every other lookup by name, of the group
// gTermSet, sees every term made or dropped (order.go).

// lookedUp is a record of a taxonomy's lookups by name as a Keyer saw it.
type lookedUp struct {
	id    string
	slugs []string
	terms []*model.Term
}

// lookedUpBy returns the record of lookups that the step s from o, a
// lookup by a name that is no constant on a taxonomy, is keyed by: the
// first the Keyer saw; nil for any other step, or when none was recorded.
func (k *Keyer) lookedUpBy(o any, s step) *lookedUp {
	t, ok := o.(*model.Taxonomy)
	if !ok || t == nil || s.name != "Term" || !s.any {
		return nil
	}
	k.stepMu.Lock()
	defer k.stepMu.Unlock()
	l, ok := k.lookups[t]
	if !ok {
		id, slugs, terms := model.LookedUp(t)
		if len(slugs) > 0 {
			l = &lookedUp{id: id, slugs: slugs, terms: terms}
		}
		k.lookups[t] = l
	}
	return l
}

// writeLookups writes into h the id and slugs of the record the step s
// from o is keyed by, if it is.
func (k *Keyer) writeLookups(h *Hasher, o any, s step) {
	l := k.lookedUpBy(o, s)
	if l == nil {
		return
	}
	h.Str("looked up").Str(l.id).Int(int64(len(l.slugs)))
	for _, slug := range l.slugs {
		h.Str(slug)
	}
}

// appendOrderRead is the package's appendOrderRead, but for a step keyed
// by a record of lookups: its read is of the group gTermLookup.
func (k *Keyer) appendOrderRead(reads []Read, o any, s step) []Read {
	if k.lookedUpBy(o, s) != nil {
		return append(reads, Read{Page: o.(*model.Taxonomy).Page, groups: gTermLookup})
	}
	return appendOrderRead(reads, o, s)
}

package render

import (
	"html/template"
	"sync"
	"sync/atomic"
)

// A Memo keeps the output of partials run on another value than the data
// of the page template executing, so that the same partial on the same
// value (a page's card, on every list that shows the page) runs once and
// is written as it came out the first time. It keeps the output for a value
// only when keep accepts the value; whoever makes the Memo promises that,
// for as long as it is used, nothing such a partial can read from an
// accepted value changes, and the functions the templates call give the
// same result for the same arguments. keep must accept only comparable
// values (pointers, say).
//
// A Memo holds at most its budget of bytes of output; past that, partials
// run as they would without one. A nil *Memo keeps nothing. It is safe for
// concurrent use.
type Memo struct {
	keep   func(data any) bool
	budget atomic.Int64 // bytes left
	outs   sync.Map     // memoKey → template.HTML
}

type memoKey struct {
	file string
	data any
}

// NewMemo returns a Memo that keeps up to budget bytes of output for the
// values keep accepts.
func NewMemo(budget int64, keep func(data any) bool) *Memo {
	m := &Memo{keep: keep}
	m.budget.Store(budget)
	return m
}

// keeps reports whether the output of a partial run on data, other than
// root, the data of the execution, is kept.
func (m *Memo) keeps(data, root any) bool {
	return m != nil && data != nil && m.keep(data) && data != root
}

func (m *Memo) get(file string, data any) (template.HTML, bool) {
	out, ok := m.outs.Load(memoKey{file, data})
	if !ok {
		return "", false
	}
	return out.(template.HTML), true
}

func (m *Memo) put(file string, data any, out template.HTML) {
	if m.budget.Add(-int64(len(out))) < 0 {
		m.budget.Add(int64(len(out))) // too much: keep what fitted, and let the rest run
		return
	}
	m.outs.Store(memoKey{file, data}, out)
}

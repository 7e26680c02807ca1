package cache

import (
	"maps"
	"sync"
)

// A Memo is the in-memory cache of a process that builds again and again
// (serve, watch): it keeps what the last successful build and the current
// one used, and forgets the rest when told that a build succeeded
// (Rotate). Its methods may be called from any number of goroutines at
// once; the zero Memo is empty and ready.
type Memo[K comparable, V any] struct {
	mu       sync.Mutex
	old, cur map[K]V
}

// Get returns the value of k, which the current build then uses too.
func (m *Memo[K, V]) Get(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.cur[k]; ok {
		return v, true
	}
	v, ok := m.old[k]
	if ok {
		m.putLocked(k, v)
	}
	return v, ok
}

// Put keeps v as the value of k.
func (m *Memo[K, V]) Put(k K, v V) {
	m.mu.Lock()
	m.putLocked(k, v)
	m.mu.Unlock()
}

func (m *Memo[K, V]) putLocked(k K, v V) {
	if m.cur == nil {
		m.cur = map[K]V{}
	}
	m.cur[k] = v
}

// LastUsed returns, after Rotate, what the build that just succeeded used:
// a copy, to read while the next build uses the memo.
func (m *Memo[K, V]) LastUsed() map[K]V {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.old)
}

// Rotate forgets what the build that just succeeded did not use.
func (m *Memo[K, V]) Rotate() {
	m.mu.Lock()
	m.old, m.cur = m.cur, nil
	m.mu.Unlock()
}

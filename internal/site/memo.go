package site

import (
	"maps"
	"slices"
	"sync"
)

// memo is a cache that keeps what the last successful build and the
// current one used, and forgets the rest.
type memo[K comparable, V any] struct {
	mu       sync.Mutex
	old, cur map[K]V
}

func (m *memo[K, V]) get(k K) (V, bool) {
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

func (m *memo[K, V]) put(k K, v V) {
	m.mu.Lock()
	m.putLocked(k, v)
	m.mu.Unlock()
}

func (m *memo[K, V]) putLocked(k K, v V) {
	if m.cur == nil {
		m.cur = map[K]V{}
	}
	m.cur[k] = v
}

// lastUsed returns, after rotate, what the build that just succeeded used:
// a copy, to read while the next build uses the memo.
func (m *memo[K, V]) lastUsed() map[K]V {
	m.mu.Lock()
	defer m.mu.Unlock()
	return maps.Clone(m.old)
}

// rotate forgets what the build that just succeeded did not use.
func (m *memo[K, V]) rotate() {
	m.mu.Lock()
	m.old, m.cur = m.cur, nil
	m.mu.Unlock()
}

func sortedKeysOf[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

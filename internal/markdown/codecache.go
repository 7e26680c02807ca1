package markdown

import (
	"container/list"
	"sync"
)

// defaultCodeCacheSize bounds the memory a Converter spends on highlighted
// code. A generated site of 10,000 pages has about 5,000 distinct blocks
// and 15 MB of their HTML; beyond the bound the blocks used least recently
// are dropped, which keeps the ones repeated across many pages.
const defaultCodeCacheSize = 32 << 20

// entryOverhead approximates what an entry costs besides its key and HTML:
// the list element, the map slot and the two slice and string headers.
const entryOverhead = 128

// codeCache holds the HTML of highlighted code blocks, so that a block that
// appears on many pages — the same language and the same code — is
// tokenised and formatted once per Converter. Tokenising is most of the
// cost of a code block (chroma matches regular expressions at every
// position), and nothing but the language and the code decides the HTML,
// since the formatter and style are fixed for the Converter.
//
// It is safe for concurrent use. It holds at most max bytes of keys and
// HTML (as counted by size), dropping the least recently used blocks; a
// block larger than an eighth of max is never kept, so that one huge block
// cannot flush all the others. Two workers that miss the same block at once
// both highlight it, and the second put is ignored: that is rarer and
// cheaper than making one wait for the other.
type codeCache struct {
	max int

	mu      sync.Mutex
	size    int
	entries map[string]*list.Element // of *codeEntry
	lru     list.List                // front: most recently used
}

type codeEntry struct {
	key  string
	html []byte
}

func newCodeCache(max int) *codeCache {
	return &codeCache{max: max, entries: make(map[string]*list.Element)}
}

// get returns the HTML kept for key. The caller must not change it.
// Looking up with string(key) does not copy key.
func (c *codeCache) get(key []byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[string(key)]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(e)
	return e.Value.(*codeEntry).html, true
}

// put keeps html for key; html must not be changed afterwards.
func (c *codeCache) put(key string, html []byte) {
	n := size(key, html)
	if n > c.max/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[key]; ok {
		return
	}
	c.entries[key] = c.lru.PushFront(&codeEntry{key: key, html: html})
	c.size += n
	for c.size > c.max {
		oldest := c.lru.Back()
		old := c.lru.Remove(oldest).(*codeEntry)
		delete(c.entries, old.key)
		c.size -= size(old.key, old.html)
	}
}

func size(key string, html []byte) int {
	return len(key) + len(html) + entryOverhead
}

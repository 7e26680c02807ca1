package spill

import (
	"os"
	"sync"
	"sync/atomic"
)

// A Budget keeps byte strings in memory up to a number of bytes, and puts
// those beyond it into a File, made in a folder on first need. Put may be
// called from any number of goroutines at once.
type Budget struct {
	dir   string // the folder of the file, made on first need
	limit int64
	held  atomic.Int64 // bytes kept in memory

	once sync.Once
	file *File // nil until made, and when it cannot be
}

// NewBudget returns a Budget of limit bytes whose File is made in dir.
func NewBudget(dir string, limit int64) *Budget {
	return &Budget{dir: dir, limit: limit}
}

// Put writes data to the file once the budget is spent, and returns the
// file and where data is in it. Where the file cannot be made or written,
// the data stays in memory (ok is false): spilling saves memory, it never
// fails a build.
func (b *Budget) Put(data []byte) (f *File, ref Ref, ok bool) {
	return b.put(len(data), func(f *File) (Ref, error) { return f.Put(data) })
}

// PutString is Put of a string (File.PutString).
func (b *Budget) PutString(data string) (f *File, ref Ref, ok bool) {
	return b.put(len(data), func(f *File) (Ref, error) { return f.PutString(data) })
}

// put puts n bytes into the file with put once the budget is spent.
func (b *Budget) put(n int, put func(*File) (Ref, error)) (f *File, ref Ref, ok bool) {
	if b.held.Add(int64(n)) <= b.limit {
		return nil, ref, false
	}
	b.once.Do(func() {
		if os.MkdirAll(b.dir, 0o755) == nil {
			b.file, _ = New(b.dir)
		}
	})
	if b.file == nil {
		return nil, ref, false
	}
	ref, err := put(b.file)
	if err != nil {
		return nil, ref, false
	}
	b.held.Add(-int64(n))
	return b.file, ref, true
}

// Close lets the file go, if one was made: the build that read it is over,
// committed or not, so nothing is lost if closing fails.
func (b *Budget) Close() {
	if b.file != nil {
		b.file.Close()
	}
}

// Package uptodate tells a build that it has nothing to do, as make and
// Go's build cache do: from the stamps of what the last build read and
// wrote, without reading, decoding, converting or rendering anything.
//
// A build reads the site through an FS, which notes every name asked of
// it (a file read, a folder listed, a name looked for and not found) with
// the name's stamp (internal/filestamp) as of the first time it was
// asked, taken before anything of it was read. After the build succeeded,
// its caller keeps a Record: those Inputs, the Outputs it published with
// their stamps as written, an Interval for each of the caller's clocks
// (the moments between which the time a build runs at changes nothing it
// publishes) and the caller's Result, what the build reported. The next
// build in the same configuration is up to date (Record.UpToDate) when
// every clock reads inside its Interval, every input has the stamp it
// had, and every output is still there as written: the caller then
// reports the Result again and touches nothing.
//
// Trusting stamps is sound only for names whose stamp cannot come back
// after a change. A stamp holds the size, the modification time, the
// mode, on Unix the inode and device and, where the system gives it, the
// change time, which no program can set back; and an FS trusts a name
// only when a write after its stat must land in a later tick of the file
// system's clock (git's "racily clean" files): when it was last modified
// at least filestamp.Settle before it was stat'ed, or, on the file system
// of the FS's probe, a file it writes before its first stat, when it
// last changed before that probe was written (filestamp.ChangedBefore):
// so a file saved a moment before a build is trusted too. A name whose
// stamp cannot be trusted — neither of those, changed while the build
// ran (two first stats differ), or a stat that failed for another reason
// than its absence — spoils the FS: Inputs reports false, and no Record
// is kept.
//
// A folder that was listed or opened is stamped whole: adding, removing
// or renaming an entry changes its modification and change times. A
// folder only stat'ed is stamped as being a folder, so that builds that
// write beside what they read (the output folder in the site folder)
// leave its stamp alone. A symbolic link is stamped with the file it
// leads to as well.
//
// A file changed after its first stat, while the build ran, has another
// stamp than the record's: the next build is not up to date, whatever the
// build read of it. Inputs keeps the names the last modified first, and
// UpToDate stats the inputs before the outputs, so that a build after an
// edit — the file edited last is the likeliest to be edited again — is
// told so by its first stats, not after all of them.
package uptodate

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/output"
)

// A Record is what a successful build leaves for the next one to tell
// that it has nothing to do.
type Record struct {
	Inputs  Inputs     // every name the build read, with its stamp
	Outputs []Output   // every file it published, with its stamp as written
	Times   []Interval // where each of the caller's clocks may read (UpToDate)
	Result  []byte     // what the build reported: a Report, encoded
}

// An Output is a file a build published, by its slash-separated name in
// the output folder, and the stamp it was written with.
type Output struct {
	Name  string
	Stamp output.Stamp
}

// UpToDate reports whether a build in the configuration r was kept for
// has nothing to do: clocks[i] is inside r.Times[i] for every i, every
// input read through fsys has its stamp, and every output is a regular
// file of dest with its stamp. The stats are shared among the cores.
func (r *Record) UpToDate(fsys fs.ReadLinkFS, dest string, clocks []time.Time) bool {
	if len(clocks) != len(r.Times) {
		return false
	}
	for i, t := range clocks {
		if !r.Times[i].Holds(t) {
			return false
		}
	}
	// The inputs first, the last modified first: an edit is the likeliest
	// change, and the files edited last the likeliest to be edited.
	var changed atomic.Bool
	each(len(r.Inputs.names), &changed, func(i int) bool {
		return r.Inputs.stamps[i] == stampNow(fsys, r.Inputs.names[i], r.Inputs.stamps[i][0])
	})
	each(len(r.Outputs), &changed, func(i int) bool {
		o := r.Outputs[i]
		info, err := os.Lstat(filepath.Join(dest, filepath.FromSlash(o.Name)))
		return err == nil && info.Mode().IsRegular() && info.Size() == o.Stamp.Size && info.ModTime().UnixNano() == o.Stamp.ModTime
	})
	return !changed.Load()
}

// each runs same(i) for every i below n on all cores, until one reports
// false, which it sets changed for.
func each(n int, changed *atomic.Bool, same func(i int) bool) {
	workers := min(runtime.GOMAXPROCS(0), (n+255)/256)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n && !changed.Load(); i += workers {
				if !same(i) {
					changed.Store(true)
				}
			}
		})
	}
	wg.Wait()
}

// Encode returns r as bytes for the persistent cache; Decode reads them.
func (r *Record) Encode() []byte {
	var e cache.Encoder
	r.Inputs.encode(&e)
	e.Int(len(r.Outputs))
	prev := ""
	for _, o := range r.Outputs {
		appendName(&e, prev, o.Name)
		prev = o.Name
		e.Varint(o.Stamp.Size)
		e.Varint(o.Stamp.ModTime)
	}
	e.Int(len(r.Times))
	for _, iv := range r.Times {
		iv.encode(&e)
	}
	e.Bytes(r.Result)
	return e.Encoded()
}

// Decode reads a Record that Encode wrote; an error for bytes that are
// not one.
func Decode(data []byte) (*Record, error) {
	d := cache.NewDecoder(data)
	r := &Record{Inputs: decodeInputs(d)}
	r.Outputs = make([]Output, d.Count(3))
	prev := ""
	for i := range r.Outputs {
		name := readName(d, prev)
		r.Outputs[i] = Output{Name: name, Stamp: output.Stamp{Size: d.Varint(), ModTime: d.Varint()}}
		prev = name
	}
	r.Times = make([]Interval, d.Count(2))
	for i := range r.Times {
		r.Times[i] = decodeInterval(d)
	}
	r.Result = d.Bytes()
	if err := d.End(); err != nil {
		return nil, err
	}
	return r, nil
}

// appendName writes name as the length of the prefix it shares with
// prev, the name before it, and the rest: sorted names share most of
// their folders.
func appendName(e *cache.Encoder, prev, name string) {
	n := 0
	for n < len(prev) && n < len(name) && prev[n] == name[n] {
		n++
	}
	e.Int(n)
	e.String(name[n:])
}

// readName reads a name appendName wrote after prev.
func readName(d *cache.Decoder, prev string) string {
	n := d.Int()
	rest := d.Bytes()
	if n > len(prev) {
		d.Fail("a name longer than the name before it shares")
		return ""
	}
	return prev[:n] + string(rest)
}

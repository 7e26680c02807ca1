//go:build unix

package uptodate

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"github.com/careersite/careersite/internal/diskfs"
	"github.com/careersite/careersite/internal/filestamp"
	"github.com/careersite/careersite/internal/output"
)

var settled = time.Now().Add(-time.Hour)

// folders is a site folder and an output folder, every file and folder
// of the site settled.
type folders struct {
	t          *testing.T
	site, dest string
}

func newFolders(t *testing.T) *folders {
	dir := t.TempDir()
	f := &folders{t: t, site: filepath.Join(dir, "site"), dest: filepath.Join(dir, "public")}
	f.write("site.yaml", "title: A\n")
	f.write("content/a.md", "# A\n")
	f.write("content/b.md", "# B\n")
	f.write("content/only-stat/c.md", "# C\n")
	f.write("layouts/single.html", "{{ .Content }}")
	if err := os.Symlink("single.html", filepath.Join(f.site, "layouts", "link.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	f.settle()
	if err := os.MkdirAll(f.dest, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(f.dest, "index.html"), []byte("<p>A</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *folders) write(name, text string) {
	f.t.Helper()
	p := filepath.Join(f.site, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		f.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// settle sets the modification time of everything in the site an hour
// back, links' own included.
func (f *folders) settle() {
	f.t.Helper()
	ts := []unix.Timespec{unix.NsecToTimespec(settled.UnixNano()), unix.NsecToTimespec(settled.UnixNano())}
	err := filepath.WalkDir(f.site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return unix.UtimesNanoAt(unix.AT_FDCWD, p, ts, unix.AT_SYMLINK_NOFOLLOW)
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

// build reads the site as a build would through an FS whose clock reads
// now, and returns the record of it.
func (f *folders) build(now time.Time) (*Record, bool) {
	f.t.Helper()
	fsys := NewFS(diskfs.New(f.site), func() time.Time { return now }, "")
	if _, err := fsys.ReadFile("site.yaml"); err != nil {
		f.t.Fatal(err)
	}
	entries, err := fsys.ReadDir("content")
	if err != nil {
		f.t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			fsys.Stat("content/" + e.Name()) // a folder only stat'ed
			continue
		}
		if _, err := fsys.ReadHead("content/"+e.Name(), 100); err != nil {
			f.t.Fatal(err)
		}
	}
	if _, err := fsys.ReadFile("layouts/link.html"); err != nil {
		f.t.Fatal(err)
	}
	if _, err := fsys.Stat("data"); err == nil {
		f.t.Fatal("data/ is there before the test made it")
	}
	inputs, ok := fsys.Inputs()
	if !ok {
		return nil, false
	}
	info, err := os.Lstat(filepath.Join(f.dest, "index.html"))
	if err != nil {
		f.t.Fatal(err)
	}
	return &Record{
		Inputs:  inputs,
		Outputs: []Output{{Name: "index.html", Stamp: output.Stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}}},
		Times:   []Interval{Around(settled, nil)},
		Result:  []byte("built"),
	}, true
}

func (f *folders) upToDate(r *Record, now time.Time) bool {
	return r.UpToDate(diskfs.New(f.site), f.dest, []time.Time{now})
}

// TestRecordUpToDate: a record of what a build read and wrote is up to
// date while nothing changes, and not once any input or output does — a
// file read, written again at the same size with its time put back; a
// file added to or removed from a folder listed; a name looked for that
// appears; the file a link read leads to; an output removed or written
// again — nor once the clock leaves its interval. A file added to a
// folder only stat'ed changes nothing the build read.
func TestRecordUpToDate(t *testing.T) {
	now := time.Now()
	for _, tc := range []struct {
		name   string
		change func(f *folders)
		want   bool
	}{
		{"nothing", func(*folders) {}, true},
		{"a file added to a folder only stat'ed", func(f *folders) { f.write("content/only-stat/d.md", "# D\n") }, true},
		{"a file read written again", func(f *folders) {
			f.write("site.yaml", "title: B\n")
			os.Chtimes(filepath.Join(f.site, "site.yaml"), settled, settled)
		}, false},
		{"a page read by its head", func(f *folders) { f.write("content/a.md", "# A, longer\n") }, false},
		{"a file added to a folder listed", func(f *folders) { f.write("content/new.md", "# New\n") }, false},
		{"a file removed from a folder listed", func(f *folders) { os.Remove(filepath.Join(f.site, "content", "b.md")) }, false},
		{"a name looked for appears", func(f *folders) { f.write("data/x.yaml", "a: 1\n") }, false},
		{"the file a link leads to", func(f *folders) { f.write("layouts/single.html", "{{ .Title }}") }, false},
		{"an output removed", func(f *folders) { os.Remove(filepath.Join(f.dest, "index.html")) }, false},
		{"an output written again", func(f *folders) {
			os.WriteFile(filepath.Join(f.dest, "index.html"), []byte("<p>B</p>"), 0o644)
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFolders(t)
			r, ok := f.build(now)
			if !ok {
				t.Fatal("a build of settled files kept no record")
			}
			tc.change(f)
			if got := f.upToDate(r, now); got != tc.want {
				t.Errorf("after %s, UpToDate = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
	t.Run("the clock", func(t *testing.T) {
		f := newFolders(t)
		r, ok := f.build(now)
		if !ok {
			t.Fatal("no record")
		}
		r.Times = []Interval{{From: now.Add(-time.Minute), Until: now.Add(time.Minute)}}
		if !f.upToDate(r, now) || f.upToDate(r, now.Add(time.Minute)) || f.upToDate(r, now.Add(-2*time.Minute)) {
			t.Error("UpToDate does not hold exactly inside the interval of the clock")
		}
		if r.UpToDate(diskfs.New(f.site), f.dest, nil) {
			t.Error("UpToDate without the clock of the record's interval")
		}
	})
}

// TestFSTrustsSettledNamesOnly: a build that read a file modified less
// than filestamp.Settle before it began keeps no record.
func TestFSTrustsSettledNamesOnly(t *testing.T) {
	f := newFolders(t)
	if _, ok := f.build(settled.Add(time.Second)); ok {
		t.Error("a build that read its files a second after they were written kept a record")
	}
	if _, ok := f.build(time.Now()); !ok {
		t.Error("a build of settled files kept no record")
	}
}

// TestRecordEncoding: a record reads back as it was written, and bytes
// cut short read as none.
func TestRecordEncoding(t *testing.T) {
	f := newFolders(t)
	r, ok := f.build(time.Now())
	if !ok {
		t.Fatal("no record")
	}
	r.Outputs = append(r.Outputs, Output{Name: "index.xml", Stamp: output.Stamp{Size: 3, ModTime: -4}})
	r.Times = append(r.Times, Interval{From: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)})
	data := r.Encode()
	got, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("Decode(Encode(r)) =\n%+v\nwant\n%+v", got, r)
	}
	for n := range len(data) {
		if _, err := Decode(data[:n]); err == nil {
			t.Fatalf("Decode of the first %d of %d bytes: no error", n, len(data))
		}
	}
}

// TestFSTrustsNamesChangedBeforeItsProbe: with a probe folder on the
// site's file system, a build that read files written a moment before it
// began keeps a record, however recent they are; one that read a file
// changed after its probe does not.
func TestFSTrustsNamesChangedBeforeItsProbe(t *testing.T) {
	f := newFolders(t)
	f.write("content/a.md", "# A, just written\n")
	probeDir := t.TempDir()
	waitForClock(t, filepath.Join(f.site, "content", "a.md"), probeDir)
	read := func(between func()) bool {
		t.Helper()
		fsys := NewFS(diskfs.New(f.site), time.Now, probeDir)
		if _, err := fsys.ReadFile("site.yaml"); err != nil {
			t.Fatal(err)
		}
		between()
		if _, err := fsys.ReadFile("content/a.md"); err != nil {
			t.Fatal(err)
		}
		_, ok := fsys.Inputs()
		return ok
	}
	if !read(func() {}) {
		t.Error("a build of a file written before its probe kept no record")
	}
	if read(func() { f.write("content/a.md", "# A, written during the build\n") }) {
		t.Error("a build that read a file written after its probe kept a record")
	}
	f.write("content/b.md", "# B, just written\n")
	noProbe := NewFS(diskfs.New(f.site), time.Now, "")
	noProbe.ReadFile("content/b.md")
	if _, ok := noProbe.Inputs(); ok {
		t.Error("a build without a probe trusted a file written just now")
	}
}

// waitForClock waits until a file written in dir has a later change time
// than the file name: until the file system's clock has ticked since.
func waitForClock(t *testing.T, name, dir string) {
	t.Helper()
	before, err := os.Lstat(name)
	if err != nil {
		t.Fatal(err)
	}
	for range 300 {
		probe, err := os.CreateTemp(dir, "tick-*")
		if err != nil {
			t.Fatal(err)
		}
		info, _ := probe.Stat()
		probe.Close()
		os.Remove(probe.Name())
		if filestamp.ChangedBefore(before, info) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Skip("the file system's change times do not tell these files apart (another file system, or no change time)")
}

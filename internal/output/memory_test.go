package output

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"testing"
)

func TestMemoryCommitAndChanges(t *testing.T) {
	m := NewMemory()
	if got := m.Tree().Names(); len(got) != 0 {
		t.Fatalf("a new Memory holds %q, want nothing", got)
	}
	commit(t, m, map[string]string{"index.html": "home", "css/site.css": "a{}", "jobs/index.html": "jobs"})
	tree := m.Tree()
	if got, want := tree.Changed(), []string{"css/site.css", "index.html", "jobs/index.html"}; !slices.Equal(got, want) {
		t.Errorf("first commit: Changed() = %q, want %q", got, want)
	}

	commit(t, m, map[string]string{"index.html": "home", "css/site.css": "b{}", "about/index.html": "about"})
	tree = m.Tree()
	if got, want := tree.Changed(), []string{"about/index.html", "css/site.css", "jobs/index.html"}; !slices.Equal(got, want) {
		t.Errorf("second commit: Changed() = %q, want %q", got, want)
	}
	for name, want := range map[string]bool{"index.html": false, "css/site.css": true, "about/index.html": true} {
		if got := tree.FileChanged(name); got != want {
			t.Errorf("FileChanged(%q) = %v, want %v", name, got, want)
		}
	}
	if data, ok := tree.Lookup("css/site.css"); !ok || string(data) != "b{}" {
		t.Errorf(`Lookup("css/site.css") = %q, %v, want "b{}", true`, data, ok)
	}
	if _, ok := tree.Lookup("jobs/index.html"); ok {
		t.Error("a file left out of the last build is still there")
	}
	if tree.Generation() != 2 {
		t.Errorf("Generation() = %d, want 2", tree.Generation())
	}
}

func TestMemoryAbortKeepsTheTree(t *testing.T) {
	m := NewMemory()
	commit(t, m, map[string]string{"index.html": "good"})
	before := m.Tree()
	if err := m.WriteFile("index.html", []byte("half")); err != nil {
		t.Fatal(err)
	}
	if data, _ := m.Tree().Lookup("index.html"); string(data) != "good" {
		t.Errorf("before Commit a reader sees %q, want the committed %q", data, "good")
	}
	if err := m.Abort(); err != nil {
		t.Fatal(err)
	}
	if m.Tree() != before {
		t.Error("Abort replaced the tree")
	}
	commit(t, m, map[string]string{"index.html": "good"})
	if got := m.Tree().Changed(); len(got) != 0 {
		t.Errorf("after an aborted build, an identical build changed %q, want nothing", got)
	}
}

// TestMemoryKeepsWrittenData: WriteFile takes the bytes it is given, as
// its contract says, instead of holding a copy of every page.
func TestMemoryKeepsWrittenData(t *testing.T) {
	m := NewMemory()
	buf := []byte("first")
	if err := m.WriteFile("a.html", buf); err != nil {
		t.Fatal(err)
	}
	if err := m.Commit(); err != nil {
		t.Fatal(err)
	}
	data, _ := m.Tree().Lookup("a.html")
	if string(data) != "first" || &data[0] != &buf[0] {
		t.Errorf("a.html = %q at %p, want %q at %p, the bytes written", data, data, "first", buf)
	}
}

func TestMemoryRefusesBadNames(t *testing.T) {
	m := NewMemory()
	for _, name := range []string{"../x.html", "/etc/passwd", "a/../../x", "", ".", "a//b"} {
		if err := m.WriteFile(name, []byte("x")); err == nil {
			t.Errorf("WriteFile(%q) = nil, want an error", name)
		}
	}
}

// TestMemoryReadersSeeWholeBuilds reads while builds are written and
// committed; every file of the tree a reader holds must come from one build.
func TestMemoryReadersSeeWholeBuilds(t *testing.T) {
	const files, builds = 50, 40
	m := NewMemory()
	var wg sync.WaitGroup
	done := make(chan struct{})
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				tree := m.Tree()
				want, _ := tree.Lookup("f0")
				for i := range files {
					if got, _ := tree.Lookup("f" + strconv.Itoa(i)); string(got) != string(want) {
						t.Errorf("one tree holds f0 = %q and f%d = %q", want, i, got)
						return
					}
				}
			}
		})
	}
	for b := range builds {
		var w sync.WaitGroup
		for i := range files {
			w.Go(func() {
				if err := m.WriteFile("f"+strconv.Itoa(i), fmt.Appendf(nil, "build %d", b)); err != nil {
					t.Error(err)
				}
			})
		}
		w.Wait()
		if err := m.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
}

func commit(t *testing.T, m *Memory, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := m.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := m.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestMemoryUpdate(t *testing.T) {
	m := NewMemory()
	commit(t, m, map[string]string{"a.html": "a", "b.html": "b", "c.html": "c"})
	for i := range maxLayers + 3 { // past flattening
		m.Update()
		if err := m.WriteFile("b.html", []byte(fmt.Sprint("b", i))); err != nil {
			t.Fatal(err)
		}
		if err := m.WriteFile("a.html", []byte("a")); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			m.Remove("c.html")
		}
		if i == 2 {
			m.WriteFile("d.html", []byte("d"))
		}
		if err := m.Commit(); err != nil {
			t.Fatal(err)
		}
		tree := m.Tree()
		want := []string{"b.html"}
		switch i {
		case 1:
			want = []string{"b.html", "c.html"}
		case 2:
			want = []string{"b.html", "d.html"}
		}
		if got := tree.Changed(); !slices.Equal(got, want) {
			t.Errorf("update %d: Changed() = %q, want %q", i, got, want)
		}
		if data, ok := tree.Lookup("b.html"); !ok || string(data) != fmt.Sprint("b", i) {
			t.Errorf("update %d: b.html = %q, %v", i, data, ok)
		}
		if _, ok := tree.Lookup("c.html"); ok != (i == 0) {
			t.Errorf("update %d: c.html there: %v", i, ok)
		}
		if tree.FileChanged("a.html") {
			t.Errorf("update %d: a.html was written with the same bytes, but is changed", i)
		}
		names := []string{"a.html", "b.html", "c.html"}
		if i >= 1 {
			names = []string{"a.html", "b.html"}
		}
		if i >= 2 {
			names = append(names, "d.html")
		}
		if got := tree.Names(); !slices.Equal(got, names) {
			t.Errorf("update %d: Names() = %q, want %q", i, got, names)
		}
	}
	if l := m.Tree().layers; l > maxLayers {
		t.Errorf("%d layers, want at most %d", l, maxLayers)
	}
	// A whole build after updates replaces everything.
	commit(t, m, map[string]string{"z.html": "z"})
	if got := m.Tree().Names(); !slices.Equal(got, []string{"z.html"}) {
		t.Errorf("after a whole build, Names() = %q", got)
	}
	if err := m.Remove("z.html"); err == nil {
		t.Error("Remove outside an Update build succeeded")
	}
}

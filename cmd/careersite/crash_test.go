//go:build linux

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/testsite"
)

// crashPages is the size of the site TestKilledBuildLeavesOldOrNewOutput
// builds: a few hundred pages, so that a build lasts long enough for kills
// to land in every stage of it (a third of that with the race detector,
// which makes each build several times slower).
func crashPages() int {
	if raceEnabled {
		return 100
	}
	return 300
}

// crashBudget is about how long the kills of that test may take in all.
const crashBudget = 8 * time.Second

// TestKilledBuildLeavesOldOrNewOutput starts `careersite build` in a
// process of its own again and again and kills it with SIGKILL after
// delays spread over a whole build, switching the site between two
// versions A and B. After every kill public/ must be exactly the complete
// output of A or of B, kept files included: never missing, never mixed.
// At the end plain builds succeed, give the right output and leave no
// temporary folder behind. Builds use the cache, as `build` does, so a
// kill also lands while it is written or while its manifest of public/ no
// longer matches public/.
func TestKilledBuildLeavesOldOrNewOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a dozen builds of a 300-page site")
	}
	s := newCrashSite(t)

	// The two outputs, and how long one build takes: B's, which finds in
	// the cache what A's left, as every build below does.
	want := map[string]tree{}
	var took time.Duration
	for _, v := range []string{"A", "B"} {
		s.use(t, v)
		start := time.Now()
		s.build(t, 0)
		took = time.Since(start)
		want[v] = s.tree(t)
		for name, data := range s.kept {
			if sum := sha256.Sum256([]byte(data)); want[v][name] != hex.EncodeToString(sum[:]) {
				t.Fatalf("the build of %s did not keep public/%s", v, name)
			}
		}
	}
	if maps.Equal(want["A"], want["B"]) {
		t.Fatal("versions A and B build the same output")
	}

	current := "B"
	delays := killDelays(took, crashBudget)
	outcomes := map[string]int{}
	for i, delay := range delays {
		next := other(current)
		s.use(t, next)
		finished := s.build(t, delay)
		got := s.tree(t)
		switch {
		case maps.Equal(got, want[next]):
			current = next
			outcomes["new"]++
		case finished:
			t.Fatalf("kill %d: a build of %s that finished left public/ %s", i, next, got.diff(want[next]))
		case maps.Equal(got, want[current]):
			outcomes["old"]++
		default:
			t.Fatalf("kill %d after %s of a %s build: public/ is neither version A nor B: %s; %s",
				i, delay, took, got.diff(want["A"]), got.diff(want["B"]))
		}
		if !finished && s.leftovers(t) > 0 {
			outcomes["left a temporary folder"]++
		}
		t.Logf("kill %d after %s: finished %v, public/ is %s", i, delay, finished, current)
	}
	t.Logf("one build: %s; %d kills: %v", took, len(delays), outcomes)

	// The next build, with nothing to write, cleans up all the same; then
	// a build with something to write.
	for _, v := range []string{current, other(current)} {
		s.use(t, v)
		s.build(t, 0)
		if got := s.tree(t); !maps.Equal(got, want[v]) {
			t.Errorf("a build of %s after the kills: %s", v, got.diff(want[v]))
		}
		if n := s.leftovers(t); n > 0 {
			t.Errorf("a build of %s after the kills left %d temporary folders beside public/", v, n)
		}
	}
}

// killDelays spreads kills over a build that takes took: as many as fit
// in budget (at least 8, at most 40), from the start to a little past
// the end, so that the last few finish.
func killDelays(took, budget time.Duration) []time.Duration {
	n := min(max(int(budget/(took/2)), 8), 40)
	delays := make([]time.Duration, n)
	for i := range delays {
		delays[i] = time.Duration(float64(took) * 1.1 * (float64(i) + 0.5) / float64(n))
	}
	return delays
}

func other(version string) string {
	if version == "A" {
		return "B"
	}
	return "A"
}

// crashSite is a generated site whose pages switch between two versions.
type crashSite struct {
	dir   string            // the site folder; the output is dir/public
	pages int               // how many pages testsite writes
	exe   string            // this test binary
	kept  map[string]string // the files in public/ that site.yaml keeps
}

// newCrashSite writes version A of the site, whose site.yaml keeps the
// files a host and a gh-pages worktree put into public/, and puts those
// there.
func newCrashSite(t *testing.T) *crashSite {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	s := &crashSite{dir: filepath.Join(t.TempDir(), "site"), pages: crashPages(), exe: exe, kept: map[string]string{
		"CNAME":             "careers.example",
		".git/HEAD":         "ref: refs/heads/gh-pages\n",
		".git/refs/heads/x": "3f2a9c1e\n",
	}}
	if err := testsite.Write(s.dir, s.pages, 1); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(s.dir, "site.yaml"), testsite.Config+"keep: [CNAME, .git]\n")
	for name, data := range s.kept {
		write(t, filepath.Join(s.dir, "public", filepath.FromSlash(name)), data)
	}
	return s
}

// use switches the site to version v: B has every fifth page written
// from another seed, and one page more.
func (s *crashSite) use(t *testing.T, v string) {
	t.Helper()
	seed := uint64(1)
	if v == "B" {
		seed = 2
	}
	for i := 0; i < s.pages; i += 5 {
		write(t, filepath.Join(s.dir, filepath.FromSlash(testsite.Path(i))), testsite.Page(i, s.pages, seed))
	}
	extra := filepath.Join(s.dir, "content", "guides", "only-in-b.md")
	if v == "B" {
		write(t, extra, "---\ntitle: Only in B\ndate: 2026-01-02\n---\nA page of version B alone.\n")
	} else if err := os.Remove(extra); err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
}

// build runs `careersite build` on the site in a process of its own and,
// when kill is not 0, kills it with SIGKILL after kill; it reports whether
// the build finished. A build that fails by itself fails the test.
func (s *crashSite) build(t *testing.T, kill time.Duration) bool {
	t.Helper()
	cmd := exec.Command(s.exe, "build", "--source", s.dir, "--quiet")
	cmd.Env = append(os.Environ(), runEnv+"=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if kill > 0 {
		timer := time.AfterFunc(kill, func() { cmd.Process.Kill() })
		defer timer.Stop()
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) && kill > 0 {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return false
		}
	}
	if err != nil {
		t.Fatalf("careersite build: %v\n%s", err, stderr.String())
	}
	return true
}

// leftovers counts the temporary folders beside public/.
func (s *crashSite) leftovers(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.tmp-") {
			n++
		}
	}
	return n
}

// A tree is every entry below a folder, by slash path: "dir", "link
// TARGET", or a file's SHA-256.
type tree map[string]string

// tree reads public/; a missing public/ is an empty tree.
func (s *crashSite) tree(t *testing.T) tree {
	t.Helper()
	dir := filepath.Join(s.dir, "public")
	tr := tree{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return nil
		}
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		switch name := filepath.ToSlash(rel); {
		case e.IsDir():
			tr[name] = "dir"
		case e.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			tr[name] = "link " + target
			return err
		default:
			data, err := os.ReadFile(p)
			sum := sha256.Sum256(data)
			tr[name] = hex.EncodeToString(sum[:])
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// diff describes how tr differs from want.
func (tr tree) diff(want tree) string {
	if len(tr) == 0 {
		return "public/ is missing"
	}
	var missing, extra, changed []string
	for name, w := range want {
		switch got, ok := tr[name]; {
		case !ok:
			missing = append(missing, name)
		case got != w:
			changed = append(changed, name)
		}
	}
	for name := range tr {
		if _, ok := want[name]; !ok {
			extra = append(extra, name)
		}
	}
	first := func(l []string) string {
		if len(l) == 0 {
			return ""
		}
		return " (" + slices.Min(l) + " …)"
	}
	return fmt.Sprintf("%d missing%s, %d extra%s, %d changed%s", len(missing), first(missing), len(extra), first(extra), len(changed), first(changed))
}

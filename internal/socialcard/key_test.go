package socialcard

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"image/png"
	"sort"
	"sync"
	"testing"
)

// goldenDigests are the SHA-256 of the sample cards' PNGs, written after
// looking at each one (go test -run TestPreview -preview DIR). They were
// recorded on amd64 with the Go the README pins (GOTOOLCHAIN=go1.27.3):
// another Go may encode the same pixels as other PNG bytes, which is why
// Key holds runtime.Version. A failure on another architecture means the
// cards are not the same bytes on every machine, which the package comment
// leaves open.
// After a change that means to alter the cards, bump Version, look at the
// cards again, and write the new digests here.
var goldenDigests = map[string]string{
	"dark":     "b9aec8549ca0296c694fbec61d34639641432f8e97257acb59fb4973e30af497",
	"emoji":    "0e914ade922bc2a8abc8e57eb017e2888adedccceb3dd86e07509d9e3abacd82",
	"japanese": "ba909a18fe57e308a08d9e4a41e9720168e88afdcac0d5860ba27de0d02974dc",
	"job":      "fb408e31ad4045cc470f5a338c49a28980d26927f268226959e012b585e6317c",
	"long":     "cfaa83ceddc072c88e9f766b6865f5f1e4d57998bc3ea793f208fde38bc9b405",
	"word":     "ff330044ba7ae2ee2d996daf2854558210450338f15f705d4cf79f336647abf5",
}

func TestGoldenDigests(t *testing.T) {
	names := make([]string, 0, len(samples()))
	for name := range samples() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := samples()[name].Render()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sum := sha256.Sum256(b)
		if got := hex.EncodeToString(sum[:]); got != goldenDigests[name] {
			t.Errorf("%s: PNG digest %s, want %s", name, got, goldenDigests[name])
		}
	}
}

func TestSameBytesEveryTime(t *testing.T) {
	c := job()
	first, err := c.Render()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("card is %v, want %d×%d", b, Width, Height)
	}
	// Drawn again, and on several goroutines at once, as a build does.
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Go(func() { results[i], _ = c.Render() })
	}
	wg.Wait()
	for i, b := range results {
		if !bytes.Equal(b, first) {
			t.Errorf("render %d differs from the first", i+1)
		}
	}
}

func TestKey(t *testing.T) {
	c := job()
	key := c.Key()
	if len(key) != 64 || key != job().Key() {
		t.Fatalf("Key() = %q, then %q: want the same 64 hex digits", key, job().Key())
	}
	seen := map[string]string{key: "job"}
	for name, edit := range map[string]func(*Card){
		"site":       func(c *Card) { c.Site += "!" },
		"kind":       func(c *Card) { c.Kind = "Role guide" },
		"title":      func(c *Card) { c.Title += "!" },
		"salary":     func(c *Card) { c.Salary = "" },
		"background": func(c *Card) { c.Colors.Background.R-- },
		"text":       func(c *Card) { c.Colors.Text.G++ },
		"accent":     func(c *Card) { c.Colors.Accent.B++ },
		// Length prefixes keep text from moving between fields unseen.
		"shifted": func(c *Card) { c.Site, c.Kind = c.Site+c.Kind[:3], c.Kind[3:] },
	} {
		c := job()
		edit(&c)
		k := c.Key()
		if other, ok := seen[k]; ok {
			t.Errorf("a change to %s gives the Key of %s", name, other)
		}
		seen[k] = name
	}
}

func BenchmarkRender(b *testing.B) {
	c := job()
	if _, err := c.Render(); err != nil { // parses the fonts outside the timing
		b.Fatal(err)
	}
	var size int
	for b.Loop() {
		png, err := c.Render()
		if err != nil {
			b.Fatal(err)
		}
		size = len(png)
	}
	b.ReportMetric(float64(size), "B/card")
}

func BenchmarkKey(b *testing.B) {
	c := job()
	for b.Loop() {
		c.Key()
	}
}

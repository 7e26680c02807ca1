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
// recorded on amd64; a failure on another architecture means the cards are
// not the same bytes on every machine, which the package comment leaves open.
// After a change that means to alter the cards, bump Version, look at the
// cards again, and write the new digests here.
var goldenDigests = map[string]string{
	"dark":     "03be99923ca9de43ef6859ef15eff9219fe5a798a85f6241c150f005d1eb4d20",
	"emoji":    "604811faddb31c9fec01fd3e629bcda2cc0657a0a632993eaa3771b57a87bc63",
	"japanese": "c603100d5f6bd6ac709c6b729891b2075ec241febbe97529017ef39c8e4e3410",
	"job":      "2146e315ae9e097a1ab510b72119f02ac8e9d7575a4c19b431fdb197e7aba384",
	"long":     "108c7758e9e69c502fab56057b31b706ab720f3505e3e9dea7a8032b89161020",
	"word":     "afb66a11f53dd13698f87f5c9f697fc29d49930c48600c46e3d5d9a72a9102c7",
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

package socialcard

import (
	"bytes"
	"errors"
	"image"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

func job() Card {
	return Card{Site: "Career Atlas", Kind: "Job description", Title: "Senior Site Reliability Engineer",
		Salary: "$79,850–$211,450 a year", Colors: DefaultColors()}
}

// titleBox is the rectangle the title's ink must stay inside.
func titleBox(c Card) image.Rectangle {
	bottom := titleBottom
	if c.Salary == "" {
		bottom = footTop - 10
	}
	return image.Rect(marginX, titleTop, marginX+textWidth, bottom)
}

// inkOf is where t's lines put ink, line by line, as drawOn places them.
func inkOf(t placed) []image.Rectangle {
	var rs []image.Rectangle
	ascent := t.face.Metrics().Ascent
	for i, line := range t.lines {
		b, _ := font.BoundString(t.face, line)
		dot := fixed.Point26_6{X: fixed.I(t.x) - min(0, b.Min.X), Y: fixed.I(t.top+i*lineHeight(t.size)) + ascent}
		rs = append(rs, image.Rect(b.Min.X.Floor()+dot.X.Floor(), b.Min.Y.Floor()+dot.Y.Floor(),
			b.Max.X.Ceil()+dot.X.Ceil(), b.Max.Y.Ceil()+dot.Y.Ceil()))
	}
	return rs
}

func TestTitleFitsItsBox(t *testing.T) {
	for _, tt := range []struct {
		name, title, salary string
		size                int // want, 0 for any
		broken              bool
	}{
		{"short", "Nurse", "$1 a year", MaxTitleSize, false},
		{"two lines", "Senior Site Reliability Engineer", "$1 a year", MaxTitleSize, false},
		{"accents and descenders", "Ärztliche Qualitätsprüfung: Jüngste Gutachterin (ÉÇ) — Übergänge, Projekte", "$1 a year", 0, false},
		{"long", strings.Repeat("Principal Machine Learning Engineer ", 4), "$1 a year", 0, false},
		{"long without salary", strings.Repeat("Principal Machine Learning Engineer ", 4), "", 0, false},
		{"one long word", strings.Repeat("Supercalifragilistic", 4), "$1 a year", MinTitleSize, true},
		{"long words among short", "A " + strings.Repeat("x", 60) + " and " + strings.Repeat("y", 30), "", MinTitleSize, true},
	} {
		c := job()
		c.Title, c.Salary = tt.title, tt.salary
		p, err := c.plan()
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		head := p.texts[0]
		if tt.size != 0 && head.size != tt.size {
			t.Errorf("%s: title drawn at %d px, want %d", tt.name, head.size, tt.size)
		}
		if len(head.lines) > MaxTitleLines {
			t.Errorf("%s: %d lines, want at most %d", tt.name, len(head.lines), MaxTitleLines)
		}
		box := titleBox(c)
		for i, r := range inkOf(head) {
			if !r.In(box) {
				t.Errorf("%s: line %d %q has ink at %v, outside the title's box %v", tt.name, i, head.lines[i], r, box)
			}
		}
		sep := " "
		if tt.broken {
			sep = ""
		}
		want := strings.Join(strings.Fields(tt.title), sep)
		if got := strings.Join(head.lines, sep); got != want && !tt.broken {
			t.Errorf("%s: lines %q do not say %q", tt.name, head.lines, want)
		} else if tt.broken && strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Errorf("%s: lines %q lose letters of %q", tt.name, head.lines, tt.title)
		}
	}
}

func TestLongTitlesShrink(t *testing.T) {
	c := job()
	sizes := []int{}
	for _, n := range []int{1, 3, 6, 10, 14} {
		c.Title = strings.TrimSpace(strings.Repeat("Engineer ", n))
		l, err := c.Layout()
		if err != nil {
			t.Fatalf("%d words: %v", n, err)
		}
		sizes = append(sizes, l.TitleSize)
	}
	if sizes[0] != MaxTitleSize || sizes[len(sizes)-1] >= sizes[0] || !slices.IsSortedFunc(sizes, func(a, b int) int { return b - a }) {
		t.Errorf("title sizes for 1, 3, 6, 10, 14 words = %v, want %d first and then smaller, never larger", sizes, MaxTitleSize)
	}
}

func TestTitleTooLong(t *testing.T) {
	c := job()
	c.Title = strings.Repeat("Engineer ", 60)
	if _, err := c.Render(); !errors.Is(err, ErrTitleTooLong) {
		t.Errorf("Render of a 540-letter title = %v, want ErrTitleTooLong", err)
	}
}

// TestNothingLeavesTheMargins checks the pixels themselves: outside the
// stripe, the margins stay the background's colour, for titles of every
// length.
func TestNothingLeavesTheMargins(t *testing.T) {
	inner := image.Rect(marginX, kindTop, Width-marginX, footTop+lineHeight(footSize))
	for _, title := range []string{"Nurse", strings.Repeat("Wide Words Wrapping ", 6), strings.Repeat("W", 80), "Ågjpqy"} {
		c := job()
		c.Title = title
		img, _, err := c.draw()
		if err != nil {
			t.Fatal(err)
		}
		for y := 0; y < Height; y++ {
			for x := stripeWidth; x < Width; x++ {
				if !image.Pt(x, y).In(inner) && img.ColorIndexAt(x, y) != 0 {
					t.Fatalf("title %q: pixel (%d, %d) is %v, in the margin", title, x, y, img.At(x, y))
				}
			}
		}
	}
}

func TestFallbacks(t *testing.T) {
	c := job()
	render := func(title string) ([]byte, Layout) {
		t.Helper()
		c.Title = title
		b, err := c.Render()
		if err != nil {
			t.Fatalf("%q: %v", title, err)
		}
		l, _ := c.Layout()
		return b, l
	}
	noTitle, _ := render("")
	plain, _ := render("Data engineer")
	for _, tt := range []struct {
		title   string
		want    []byte // the card it must be identical with
		omitted []string
		dropped string
	}{
		{"エンジニア", noTitle, []string{"Title", "Site"}, ""},
		{"Software エンジニア", noTitle, []string{"Title", "Site"}, ""},
		{"مهندس برمجيات", noTitle, []string{"Title", "Site"}, ""},
		{"🚀", noTitle, []string{"Title", "Site"}, "🚀"},
		{"Data engineer 🚀", plain, nil, "🚀"},
		{"🚀 Data  engineer", plain, nil, "🚀"},
		{"Data engineer ❤️", plain, nil, "❤\ufe0f"},
		{"Data 👩‍💻 engineer", plain, nil, "👩\u200d💻"},
		{"Data engineer 🚀\u20e3", plain, nil, "🚀\u20e3"}, // an enclosing mark on an emoji
	} {
		b, l := render(tt.title)
		if !bytes.Equal(b, tt.want) {
			t.Errorf("card for %q differs from the card it falls back to", tt.title)
		}
		if !slices.Equal(l.Omitted, tt.omitted) || string(l.Dropped) != tt.dropped {
			t.Errorf("Layout for %q: Omitted %q, Dropped %q; want %q, %q", tt.title, l.Omitted, string(l.Dropped), tt.omitted, tt.dropped)
		}
	}
	_, l := render("エンジニア")
	if !slices.Equal(l.Title, []string{"Career Atlas"}) || l.TitleSize != MaxTitleSize {
		t.Errorf("title in Japanese: the title's place shows %q at %d px, want the site's name at %d", l.Title, l.TitleSize, MaxTitleSize)
	}
}

func TestFieldsDrawnWholeOrNotAtAll(t *testing.T) {
	for _, tt := range []struct {
		name    string
		edit    func(*Card)
		omitted []string
	}{
		{"salary in a missing script", func(c *Card) { c.Salary = "月給30万円" }, []string{"Salary"}},
		{"salary with an emoji", func(c *Card) { c.Salary = "$80,000 a year 💰" }, []string{"Salary"}},
		{"no salary", func(c *Card) { c.Salary = "" }, []string{"Salary"}},
		{"pound and no-break space", func(c *Card) { c.Salary = "£50,000–CHF\u00a060,000 a year" }, nil},
		{"kind in Japanese", func(c *Card) { c.Kind = "求人" }, []string{"Kind"}},
		{"site too wide", func(c *Card) { c.Site = strings.Repeat("Career ", 30) }, []string{"Site"}},
		{"site in Japanese, title too", func(c *Card) { c.Site, c.Title = "キャリア", "エンジニア" }, []string{"Title", "Site"}},
	} {
		c := job()
		tt.edit(&c)
		l, err := c.Layout()
		if err != nil || !slices.Equal(l.Omitted, tt.omitted) {
			t.Errorf("%s: Omitted %q, %v; want %q", tt.name, l.Omitted, err, tt.omitted)
		}
		if _, err := c.Render(); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

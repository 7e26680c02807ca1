package pathchart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/career"
)

var update = flag.Bool("update", false, "rewrite testdata/pathsvg.svg")

func years(lo, hi int) *career.Years { return &career.Years{Min: lo, Max: &hi} }

func pay(lo, hi float64) *career.Salary {
	return &career.Salary{Currency: "USD", Min: lo, Max: hi, Period: "year"}
}

// backEndPath is the example site's career path: five steps on the
// individual-contributor track, two on the management track.
var backEndPath = []career.Step{
	{Title: "Junior back-end engineer", Level: "junior", Track: "ic", Years: years(0, 2), Salary: pay(75000, 105000), Skills: []string{"SQL"}},
	{Title: "Back-end engineer", Level: "mid", Track: "ic", Years: years(2, 5), Salary: pay(100000, 145000)},
	{Title: "Senior back-end engineer", Level: "senior", Track: "ic", Years: years(5, 9), Salary: pay(135000, 190000)},
	{Title: "Staff engineer", Level: "staff", Track: "ic", Years: years(8, 13)},
	{Title: "Principal engineer", Level: "principal", Track: "ic", Years: years(12, 20)},
	{Title: "Engineering manager", Level: "manager", Track: "management", Years: years(7, 12), Salary: pay(160000, 225000)},
	{Title: "Director of engineering", Level: "director", Track: "management", Years: years(12, 20)},
}

// english is a language without strings: SVG's words are then the
// English ones careersite has always written, its money (*career.Salary).Range's.
type english struct{}

func (english) Money(amount float64, code string) string { return career.Currency(code).Format(amount) }
func (english) Or(key, fallback string) string           { return fallback }
func (english) T(key string, args ...any) (string, error) {
	return "", fmt.Errorf("no string %q", key)
}

// TestPathSVGGolden compares the chart of the example path with
// testdata/pathsvg.svg; go test -update rewrites it.
func TestPathSVGGolden(t *testing.T) {
	got := []byte(SVG(backEndPath, english{}) + "\n")
	const golden = "testdata/pathsvg.svg"
	if *update {
		if err := os.WriteFile(golden, got, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("SVG(backEndPath, english{}) differs from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

// TestPathSVGWellFormed parses the chart as XML: every element closed,
// every attribute quoted, every text escaped.
func TestPathSVGWellFormed(t *testing.T) {
	for _, steps := range [][]career.Step{
		backEndPath,
		{{Title: `<script>alert("x")</script> & "friends"`, Track: "ic"}},
		{{Title: "Only a manager", Track: "management", Years: years(3, 6)}},
	} {
		svg := string(SVG(steps, english{}))
		dec := xml.NewDecoder(strings.NewReader(svg))
		for {
			_, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Errorf("SVG(%q) is not well-formed XML: %v\n%s", steps[0].Title, err, svg)
				}
				break
			}
		}
	}
}

func TestPathSVGEscapes(t *testing.T) {
	svg := string(SVG([]career.Step{{Title: `<script>alert("x")</script> & "friends"`, Track: "ic", Skills: []string{"<b>"}}}, english{}))
	if strings.Contains(svg, "<script") || strings.Contains(svg, `"x"`) {
		t.Errorf("SVG left markup in a title unescaped:\n%s", svg)
	}
	if !strings.Contains(svg, "&lt;script&gt;") {
		t.Errorf("SVG lost the escaped title:\n%s", svg)
	}
}

func TestPathSVGAccessible(t *testing.T) {
	svg := string(SVG(backEndPath, english{}))
	for _, want := range []string{
		`role="img"`,
		`aria-label="Career path chart: individual contributor track, 5 steps, from Junior back-end engineer to Principal engineer; management track, 2 steps, from Engineering manager to Director of engineering, branching from Senior back-end engineer.`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG(backEndPath, english{}) lacks %s:\n%s", want, svg)
		}
	}
	if SVG(nil, english{}) != "" {
		t.Errorf("SVG(nil, english{}) = %q, want \"\"", SVG(nil, english{}))
	}
}

// TestLayoutPath checks where the steps go: one column per track, the
// management track beginning on the row after the step it branches from.
func TestLayout(t *testing.T) {
	tests := []struct {
		name       string
		steps      []career.Step
		wantRows   []int // row of each step, in the order written
		wantCols   []int
		wantBranch [2]int
	}{
		{"two tracks", backEndPath, []int{0, 1, 2, 3, 4, 3, 4}, []int{0, 0, 0, 0, 0, 1, 1}, [2]int{2, 5}},
		{"management written first", []career.Step{
			{Title: "Manager", Track: "management", Years: years(6, 10)},
			{Title: "Junior", Track: "ic", Years: years(0, 3)},
			{Title: "Senior", Track: "ic", Years: years(3, 8)},
		}, []int{2, 0, 1}, []int{1, 0, 0}, [2]int{2, 0}},
		{"no years: no branch", []career.Step{
			{Title: "A", Track: "ic"}, {Title: "B", Track: "management"},
		}, []int{0, 0}, []int{0, 1}, [2]int{-1, -1}},
		{"one track", []career.Step{
			{Title: "A", Track: "ic"}, {Title: "B", Track: "ic"},
		}, []int{0, 1}, []int{0, 0}, [2]int{-1, -1}},
	}
	for _, tt := range tests {
		c := layout(tt.steps, english{})
		for i, bx := range c.boxes {
			if bx.row != tt.wantRows[i] || bx.column != tt.wantCols[i] {
				t.Errorf("%s: step %q at column %d row %d, want column %d row %d",
					tt.name, bx.step.Title, bx.column, bx.row, tt.wantCols[i], tt.wantRows[i])
			}
		}
		if c.branch != tt.wantBranch {
			t.Errorf("%s: branch = %v, want %v", tt.name, c.branch, tt.wantBranch)
		}
	}
}

func TestWrapTitle(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Staff engineer", []string{"Staff engineer"}},
		{"Senior principal distinguished engineer, platform", []string{"Senior principal distinguished", "engineer, platform"}},
		{"Senior principal distinguished engineer of the platform infrastructure group", []string{"Senior principal distinguished", "engineer of the platform infra…"}},
		{"Supercalifragilisticexpialidociousengineer", []string{"Supercalifragilisticexpialidoc…"}},
	}
	for _, tt := range tests {
		got := wrapTitle(tt.in)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

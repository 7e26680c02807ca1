// Package pathchart draws a role guide's career path (career.Step) as an
// inline SVG chart at build time, in the words and money of the page's
// language (career.Words), every text in it escaped: [SVG].
package pathchart

import (
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/careersite/careersite/internal/career"
)

// SVG draws a career path as an inline SVG chart, at build time and
// without JavaScript: one column per track (individual contributor, then
// management), each step a box with its title, level, years and pay,
// arrows from each step to the next on its track, and a dashed arrow to the
// first step of the management track from the step of the other track that
// people usually leave for it (the last one reached by the same number of
// years). A row holds the steps of both tracks that people reach at about
// the same time.
//
// The chart is an image for sighted readers: the <svg> has role="img" and
// an aria-label that sums it up, and the page lists the same steps as
// ordered lists for everyone else. Its colours come from CSS classes
// (path-chart__*) so that a theme's light and dark styles apply; the
// presentation attributes are only fallbacks.
//
// The result is safe HTML: every text written into it, from titles to the
// aria-label, is escaped here, and everything else is numbers and markup
// made here. SVG returns "" for no steps.
//
// w is the page's language: the caller knows it, SVG does not. Every
// word of the chart is one of its strings, and a step's pay is written as
// (*career.Salary).RangeIn writes it ("$95,000–$140,000 a year", "4.144 €–6.150 €
// im Monat"):
//
//   - a track's name, over its column: chart_track_TRACK
//     ("chart_track_ic": "Individual contributor");
//   - a step's level: seniority_LEVEL ("Senior"), and its years:
//     years_open, years_one or years_range ("5–9 years"), as the theme's
//     years.html writes them;
//   - the aria-label: chart_summary with the tracks in its place, each
//     track chart_summary_TRACK with its number of steps ("management
//     track, 2 steps"), then chart_summary_span with its first and last
//     step ("…, from A to B") or chart_summary_one with its only step
//     ("…: A"), and chart_summary_branch with the step it branches from.
//
// A string w lacks is written in English, as it always was, so that a
// theme without these strings still draws the chart.
func SVG(steps []career.Step, w career.Words) template.HTML {
	if len(steps) == 0 {
		return ""
	}
	c := layout(steps, w)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="path-chart__svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s" focusable="false">`,
		c.width, c.height, c.width, c.height, esc(c.summary(w)))
	for i, t := range c.tracks {
		fmt.Fprintf(&b, `<text class="path-chart__track" x="%d" y="%d" fill="currentColor">%s</text>`,
			c.columnX(i), pathTrackY, esc(strings.ToUpper(trackName(w, t))))
	}
	for _, e := range c.edges() {
		b.WriteString(e)
	}
	for _, bx := range c.boxes {
		bx.write(&b, c)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// The chart's geometry, in SVG user units (CSS pixels at full size).
const (
	pathMargin    = 2   // room for the boxes' strokes
	pathColumn    = 290 // a column's width
	pathGutter    = 56  // between columns, where the branch arrow runs
	pathTop       = 34  // the first row's top, below the track names
	pathTrackY    = 16  // the baseline of the track names
	pathRowGap    = 30  // between rows, where the arrows run
	pathPadX      = 14  // inside a box
	pathPadTop    = 22  // to the first baseline
	pathPadBottom = 13  // below the last line
	pathTitleLine = 19  // title lines, 15px bold
	pathTextLine  = 19  // level, years and pay lines, 13px
	pathTitleMax  = 31  // characters of a title line that fit a column
)

// pathChart is a career path laid out.
type pathChart struct {
	tracks  []career.Track // the columns, in the order of career.Track.Values
	boxes   []pathBox      // one per step, in the order written
	rowTop  []int          // y of each row's top
	rowH    []int          // each row's height
	branch  [2]int         // boxes of the branch arrow, from and to; {-1, -1} when none
	width   int
	height  int
	columns map[career.Track][]int // the boxes of each track, in order
}

// pathBox is one step's box.
type pathBox struct {
	step   career.Step
	column int
	row    int
	title  []string // the title in lines
	lines  []string // level and years, then pay
}

func layout(steps []career.Step, w career.Words) *pathChart {
	c := &pathChart{columns: map[career.Track][]int{}, branch: [2]int{-1, -1}}
	for i, s := range steps {
		t := s.Track
		if t == "" {
			t = "ic"
		}
		if _, seen := c.columns[t]; !seen {
			c.tracks = append(c.tracks, t)
		}
		c.columns[t] = append(c.columns[t], i)
		c.boxes = append(c.boxes, pathBox{step: s, title: wrapTitle(s.Title), lines: stepLines(s, w)})
	}
	order := career.Track("").Values()
	slices.SortFunc(c.tracks, func(a, b career.Track) int {
		return slices.Index(order, string(a)) - slices.Index(order, string(b))
	})
	rows := 0
	for col, t := range c.tracks {
		prev := -1
		for k, bi := range c.columns[t] {
			row := prev + 1
			if col > 0 && k == 0 {
				if from := c.branchFrom(c.boxes[bi].step); from >= 0 {
					c.branch = [2]int{from, bi}
					row = c.boxes[from].row + 1
				}
			}
			c.boxes[bi].column, c.boxes[bi].row = col, row
			prev = row
			rows = max(rows, row+1)
		}
	}
	c.rowTop, c.rowH = make([]int, rows), make([]int, rows)
	for _, bx := range c.boxes {
		c.rowH[bx.row] = max(c.rowH[bx.row], bx.height())
	}
	y := pathTop
	for r := range rows {
		c.rowTop[r] = y
		y += c.rowH[r] + pathRowGap
	}
	c.height = y - pathRowGap + pathMargin
	c.width = 2*pathMargin + len(c.tracks)*pathColumn + (len(c.tracks)-1)*pathGutter
	return c
}

// branchFrom returns the box of the first column that a step of another
// track branches from: the last one whose years start no later than the
// step's. It returns -1 when the step, or every step before it, gives no
// years.
func (c *pathChart) branchFrom(s career.Step) int {
	if s.Years == nil {
		return -1
	}
	from := -1
	for _, bi := range c.columns[c.tracks[0]] {
		if y := c.boxes[bi].step.Years; y != nil && y.Min <= s.Years.Min {
			from = bi
		}
	}
	return from
}

func (c *pathChart) columnX(col int) int {
	return pathMargin + col*(pathColumn+pathGutter)
}

// edges are the arrows: down each column from step to step, then the
// branch arrow across the gutter.
func (c *pathChart) edges() []string {
	var out []string
	for _, t := range c.tracks {
		ids := c.columns[t]
		for k := 1; k < len(ids); k++ {
			from, to := c.boxes[ids[k-1]], c.boxes[ids[k]]
			x := c.columnX(from.column) + pathColumn/2
			y1 := c.rowTop[from.row] + c.rowH[from.row]
			y2 := c.rowTop[to.row]
			out = append(out, fmt.Sprintf(`<path class="path-chart__edge" d="M%d %dV%d" fill="none" stroke="currentColor" stroke-width="2"/>`, x, y1, y2-7),
				fmt.Sprintf(`<path class="path-chart__head" d="M%d %dl-5 -8h10z" fill="currentColor"/>`, x, y2-1))
		}
	}
	if from, to := c.branch[0], c.branch[1]; from >= 0 {
		f, t := c.boxes[from], c.boxes[to]
		x1 := c.columnX(f.column) + pathColumn
		y1 := c.rowTop[f.row] + c.rowH[f.row]/2
		x2 := c.columnX(t.column)
		y2 := c.rowTop[t.row] + c.rowH[t.row]/2
		mid := (x1 + x2) / 2
		out = append(out, fmt.Sprintf(`<path class="path-chart__branch" d="M%d %dC%d %d %d %d %d %d" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="5 4"/>`,
			x1, y1, mid, y1, mid, y2, x2-8, y2),
			fmt.Sprintf(`<path class="path-chart__head path-chart__head--branch" d="M%d %dl-8 -5v10z" fill="currentColor"/>`, x2-1, y2))
	}
	return out
}

// height is the box's height for its lines.
func (bx pathBox) height() int {
	return pathPadTop + (len(bx.title)-1)*pathTitleLine + len(bx.lines)*pathTextLine + pathPadBottom
}

func (bx pathBox) write(b *strings.Builder, c *pathChart) {
	x, y := c.columnX(bx.column), c.rowTop[bx.row]
	class := "path-chart__box path-chart__box--" + string(bx.step.Track)
	fmt.Fprintf(b, `<g class="%s">`, esc(class))
	if strings.Join(bx.title, " ") != strings.Join(strings.Fields(bx.step.Title), " ") {
		fmt.Fprintf(b, `<title>%s</title>`, esc(bx.step.Title))
	}
	fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" rx="10" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
		x, y, pathColumn, c.rowH[bx.row])
	ty := y + pathPadTop
	for _, line := range bx.title {
		fmt.Fprintf(b, `<text class="path-chart__title" x="%d" y="%d" fill="currentColor">%s</text>`, x+pathPadX, ty, esc(line))
		ty += pathTitleLine
	}
	ty += pathTextLine - pathTitleLine
	for i, line := range bx.lines {
		class := "path-chart__meta"
		if i == len(bx.lines)-1 && bx.step.Salary != nil {
			class = "path-chart__pay"
		}
		fmt.Fprintf(b, `<text class="%s" x="%d" y="%d" fill="currentColor">%s</text>`, class, x+pathPadX, ty, esc(line))
		ty += pathTextLine
	}
	b.WriteString(`</g>`)
}

// stepLines are the lines under a step's title in the language of w: its
// level and years ("Senior · 5–9 years"), then its pay.
func stepLines(s career.Step, w career.Words) []string {
	var lines []string
	var meta []string
	if l := s.Level.Label(); l != "" {
		meta = append(meta, say(w, "seniority_"+string(s.Level), l))
	}
	if y := yearsIn(s.Years, w); y != "" {
		meta = append(meta, y)
	}
	if len(meta) > 0 {
		lines = append(lines, strings.Join(meta, " · "))
	}
	if s.Salary != nil {
		lines = append(lines, s.Salary.RangeIn(w))
	}
	return lines
}

// yearsIn is the range of years in the language of w, as the theme's
// years.html writes it: years_open for no Max ("5+ years"), years_one for
// one number ("1 year"), else years_range ("2–5 years"); "" for nil.
func yearsIn(y *career.Years, w career.Words) string {
	switch {
	case y == nil:
		return ""
	case y.Max == nil:
		return say(w, "years_open", y.String(), y.Min)
	case y.Single():
		return say(w, "years_one", y.String(), y.Min)
	}
	return say(w, "years_range", y.String(), y.Min, *y.Max)
}

// wrapTitle breaks a title into at most two lines of about pathTitleMax
// characters at spaces; what does not fit ends in "…" (the box then has
// the whole title as its <title>).
func wrapTitle(title string) []string {
	words := strings.Fields(title)
	var lines []string
	line := ""
	for i, w := range words {
		switch {
		case line == "":
			line = w
		case runeLen(line)+1+runeLen(w) <= pathTitleMax:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
			if len(lines) == 2 {
				return truncateLast(lines, strings.Join(words[i:], " "))
			}
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) > 2 {
		return truncateLast(lines[:2], strings.Join(lines[2:], " "))
	}
	for i, l := range lines {
		if runeLen(l) > pathTitleMax {
			lines[i] = string([]rune(l)[:pathTitleMax-1]) + "…"
		}
	}
	return lines
}

// truncateLast ends the last of lines with "…" to say that rest was left out.
func truncateLast(lines []string, rest string) []string {
	last := []rune(lines[len(lines)-1] + " " + rest)
	lines[len(lines)-1] = string(last[:min(len(last), pathTitleMax-1)]) + "…"
	return lines
}

func runeLen(s string) int { return len([]rune(s)) }

// summary is the chart's aria-label in the language of w: each track
// from its first step to its last, and where the branch starts.
func (c *pathChart) summary(w career.Words) string {
	var parts []string
	for _, t := range c.tracks {
		ids := c.columns[t]
		first, last := c.boxes[ids[0]].step.Title, c.boxes[ids[len(ids)-1]].step.Title
		n := len(ids)
		s := say(w, "chart_summary_"+string(t),
			fmt.Sprintf("%s track, %d %s", strings.ToLower(trackName(w, t)), n, plural(n, "step", "steps")), n)
		if n > 1 {
			s = say(w, "chart_summary_span", fmt.Sprintf("%s, from %s to %s", s, first, last), s, first, last)
		} else {
			s = say(w, "chart_summary_one", s+": "+first, s, first)
		}
		if c.branch[1] == ids[0] {
			from := c.boxes[c.branch[0]].step.Title
			s = say(w, "chart_summary_branch", fmt.Sprintf("%s, branching from %s", s, from), s, from)
		}
		parts = append(parts, s)
	}
	all := strings.Join(parts, "; ")
	return say(w, "chart_summary", "Career path chart: "+all+". The steps are listed in full below.", all)
}

// trackName is the name over a track's column in the language of w.
func trackName(w career.Words, t career.Track) string {
	l := t.Label()
	if l == "" {
		l = string(t)
	}
	return say(w, "chart_track_"+string(t), l)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// esc escapes text for HTML and SVG, in content and in quoted attributes.
func esc(s string) string { return template.HTMLEscapeString(s) }

// say is the string key of w with args in its places, or fallback (the
// English words careersite has always written) when w has no such key.
func say(w career.Words, key, fallback string, args ...any) string {
	if t, err := w.T(key, args...); err == nil {
		return t
	}
	return fallback
}

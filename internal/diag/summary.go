package diag

import "fmt"

// Summarize splits warnings for a person reading a build's output: the
// warnings to print in full, those whose kind occurs once or that have no
// kind, and one line for each kind that repeats, in the order the kinds
// first occur:
//
//	9 figures older than stale_after, the first at content/jobs/x.md:51:10; `careersite check` lists them
//
// A site whose salaries all date from one survey warns on every page that
// quotes it; a line per page would bury everything else the build says.
func Summarize(warnings []*Error) (full []*Error, lines []string) {
	count := map[string]int{}
	for _, w := range warnings {
		count[w.Kind]++
	}
	summed := map[string]bool{}
	for _, w := range warnings {
		switch {
		case w.Kind == "" || count[w.Kind] == 1:
			full = append(full, w)
		case !summed[w.Kind]:
			summed[w.Kind] = true
			lines = append(lines, fmt.Sprintf("%d %s, the first at %s; `careersite check` lists them", count[w.Kind], w.Kind, w.place()))
		}
	}
	return full, lines
}

// place is where e is: "content/x.md:51:10", "content/x.md", or "" when
// it has no file.
func (e *Error) place() string {
	if e.Line == 0 {
		return e.File
	}
	return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
}

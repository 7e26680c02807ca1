package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

func TestErrorString(t *testing.T) {
	tests := []struct {
		name string
		in   Error
		want string
	}{
		{"with path", Error{Line: 3, Col: 5, Path: "salary.min", Msg: "want an integer"}, "3:5: salary.min: want an integer"},
		{"without path", Error{Line: 1, Col: 1, Msg: `unknown key "x"`}, `1:1: unknown key "x"`},
		{"whole file", Error{File: "site.yaml", Path: "title", Msg: "missing"}, "site.yaml: title: missing"},
		{"no place", Error{Msg: "no layouts at all"}, "no layouts at all"},
		// A parser's message quoting the input: still one line.
		{"line break in message", Error{File: "content/x.md", Line: 3, Col: 10, Msg: "invalid TOML: invalid escape in string '\\\n'"}, `content/x.md:3:10: invalid TOML: invalid escape in string '\\n'`},
		{"controls in path and message", Error{Line: 1, Col: 1, Path: "a\tb", Msg: "x\x01y\u2028z"}, `1:1: a\tb: x\x01y\u2028z`},
	}
	for _, tt := range tests {
		if got := tt.in.Error(); got != tt.want {
			t.Errorf("%s: Error() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestJoin(t *testing.T) {
	if Join(nil) != nil {
		t.Error("Join(nil) != nil")
	}
	e := &Error{Line: 1, Col: 2, Msg: "x"}
	var got *Error
	if err := Join([]*Error{e}); !errors.As(err, &got) || got != e {
		t.Errorf("Join lost the *Error: %v", err)
	}
}

// TestSorted: problems without a file first, then by path, line and
// column, and problems at one place by their text, whatever order they
// came in (rendering on all cores finishes pages in any order); nested
// joins are flattened, and the order comes from the fields, not the text.
func TestSorted(t *testing.T) {
	in := []error{
		At("layouts/x.html", 1, 5, "no partial (rendering content/b.md)"),
		At("content/a.md", 2, 1, "bad date"),
		errors.Join(At("layouts/x.html", 1, 5, "no partial (rendering content/a.md)"), errors.New("no layouts at all")),
		At("content/a.md", 10, 1, "bad salary"),
		At("content/a.md", 9, 1, "bad title"),
	}
	want := "no layouts at all\n" +
		"content/a.md:2:1: bad date\n" +
		"content/a.md:9:1: bad title\n" +
		"content/a.md:10:1: bad salary\n" +
		"layouts/x.html:1:5: no partial (rendering content/a.md)\n" +
		"layouts/x.html:1:5: no partial (rendering content/b.md)"
	if got := Sorted(in...).Error(); got != want {
		t.Errorf("Sorted:\n%s\nwant\n%s", got, want)
	}
	rev := []error{in[4], in[3], in[2], in[1], in[0]}
	if got := Sorted(rev...).Error(); got != want {
		t.Errorf("Sorted of the same problems in another order:\n%s\nwant\n%s", got, want)
	}
	if got := Count(Sorted(in...)); got != 6 {
		t.Errorf("Count = %d, want 6", got)
	}
}

// TestCount counts the problems of nested joins, not the joins.
func TestCount(t *testing.T) {
	a, b, c := At("a.md", 1, 1, "a"), At("b.md", 1, 1, "b"), At("c.md", 1, 1, "c")
	tests := []struct {
		in   error
		want int
	}{
		{nil, 0},
		{a, 1},
		{errors.Join(a, b), 2},
		{errors.Join(errors.Join(a, b), c), 3},
		{errors.Join(errors.Join(errors.Join(a), errors.Join(b, c))), 3},
	}
	for _, tt := range tests {
		if got := Count(tt.in); got != tt.want {
			t.Errorf("Count(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// TestWrap places an error without a file in one, and keeps the cause of
// any other.
func TestWrap(t *testing.T) {
	inner := &Error{Line: 3, Col: 9, Msg: "unexpected ;"}
	if got, want := Wrap("assets/x.js", 0, 0, "", inner).Error(), "assets/x.js:3:9: unexpected ;"; got != want {
		t.Errorf("Wrap(positioned) = %q, want %q", got, want)
	}
	cause := fmt.Errorf("permission denied")
	w := Wrap("content/a.md", 0, 0, "cannot read: ", cause)
	if got, want := w.Error(), "content/a.md: cannot read: permission denied"; got != want {
		t.Errorf("Wrap(plain) = %q, want %q", got, want)
	}
	if !errors.Is(w, cause) {
		t.Error("Wrap lost the cause")
	}
	if got := From(errors.New("x")).Text(); !strings.HasPrefix(got, "x") {
		t.Errorf("From(x).Text() = %q", got)
	}
}

// TestFold: problems of the machine with one system error fold into the
// first, with a count; others, and those of users' files, stay.
func TestFold(t *testing.T) {
	full := func(name string) error {
		return fmt.Errorf("output: %w", &fs.PathError{Op: "open", Path: name, Err: syscall.ENOSPC})
	}
	err := errors.Join(full("b/index.html"), full("a/index.html"), full("c/index.html"),
		fmt.Errorf("output: %w", &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}),
		At("content/a.md", 1, 1, "bad date"))
	want := "output: open a/index.html: no space left on device (and 2 more files with the same error)\n" +
		"output: open x: permission denied\n" +
		"content/a.md:1:1: bad date"
	if got := Sorted(err).Error(); got != want {
		t.Errorf("Sorted:\n%s\nwant\n%s", got, want)
	}
}

func TestSummarize(t *testing.T) {
	stale := func(file string) *Error {
		return &Error{File: file, Line: 5, Col: 3, Path: "salary.as_of", Msg: "old", Kind: "figures older than stale_after"}
	}
	long := &Error{File: "content/d.md", Line: 3, Col: 14, Msg: "long", Kind: "long descriptions"}
	plain := &Error{File: "content/e.md", Msg: "no kind"}
	full, lines := Summarize([]*Error{stale("content/a.md"), long, stale("content/b.md"), plain, stale("content/c.md")})
	if len(full) != 2 || full[0] != long || full[1] != plain {
		t.Errorf("Summarize: full = %v, want the long description and the warning without a kind", full)
	}
	wantLine := "3 figures older than stale_after, the first at content/a.md:5:3; `careersite check` lists them"
	if len(lines) != 1 || lines[0] != wantLine {
		t.Errorf("Summarize: lines = %q, want [%q]", lines, wantLine)
	}
}

// TestFixOf: a problem reported on behalf of another (a template's
// failure around a lookup's) keeps the inner one's correction, past an
// outer *Error without one.
func TestFixOf(t *testing.T) {
	msg, fix := DidYouMean(`no page "/jobs/x/"`, "/jobs/x/", "/jobs/y/")
	if want := `no page "/jobs/x/"; did you mean "/jobs/y/"?`; msg != want {
		t.Errorf("DidYouMean message = %q, want %q", msg, want)
	}
	inner := &Error{Msg: msg, Fix: fix}
	outer := &Error{File: "layouts/shortcodes/card.html", Line: 2, Col: 4, Msg: "at <.Site.GetPage>", Err: fmt.Errorf("error calling GetPage: %w", inner)}
	if got := FixOf(outer); got != fix {
		t.Errorf("FixOf = %+v, want %+v", got, fix)
	}
	if got := FixOf(errors.New("plain")); got != nil {
		t.Errorf("FixOf(plain) = %+v, want nil", got)
	}
}

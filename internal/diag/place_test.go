package diag

import (
	"errors"
	"testing"
)

func TestPlace(t *testing.T) {
	cause := errors.New("bad value")
	tests := []struct {
		name string
		got  *Error
		want string
	}{
		{"in a file", Place{File: "content/a.md", Line: 3, Col: 5}.Errorf("tags: %q", "?"), `content/a.md:3:5: tags: "?"`},
		{"made up by the build", Place{What: `the section page "/jobs/"`}.Errorf("clash"), `the section page "/jobs/": clash`},
		{"wrapped", Place{File: "content/a.md", Line: 1, Col: 1}.Wrap("aliases: ", cause), "content/a.md:1:1: aliases: bad value"},
		{"wrapped, no file", Place{What: "the home page"}.Wrap("", cause), "the home page: bad value"},
	}
	for _, tt := range tests {
		if s := tt.got.Error(); s != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, s, tt.want)
		}
	}
	if e := (Place{}).Wrap("x: ", cause); !errors.Is(e, cause) {
		t.Errorf("Place.Wrap(%v) does not keep its cause", cause)
	}
}

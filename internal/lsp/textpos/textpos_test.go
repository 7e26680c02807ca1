package textpos

import "testing"

// A line with a euro sign (one UTF-16 unit, three bytes) and an emoji
// (two units, four bytes) before the place: the YAML decoder's column 25 of
// line 2 is character 25 in UTF-16 (24 code points, one of them two units)
// and byte 29 of the line.
const text = "title: x\nemployment_type: [\"€😀\", FULLTIME]\r\nlast"

func TestFromPlace(t *testing.T) {
	tests := []struct {
		name      string
		line, col int
		want      Position
	}{
		{"whole file", 0, 0, Position{0, 0}},
		{"first column", 1, 1, Position{0, 0}},
		{"after euro and emoji", 2, 25, Position{1, 25}},
		{"inside the emoji's line, before it", 2, 20, Position{1, 19}},
		{"past the end of the line stops before CR LF", 2, 99, Position{1, 34}},
		{"past the last line", 9, 1, Position{2, 4}},
	}
	for _, tt := range tests {
		if got := FromPlace([]byte(text), tt.line, tt.col); got != tt.want {
			t.Errorf("%s: FromPlace(%d, %d) = %+v, want %+v", tt.name, tt.line, tt.col, got, tt.want)
		}
	}
}

func TestOffsetAndAt(t *testing.T) {
	tests := []struct {
		p    Position
		want int
	}{
		{Position{0, 0}, 0},
		{Position{1, 25}, 9 + 29},
		{Position{1, 20}, 9 + 22},  // the emoji, after "€" (three bytes)
		{Position{1, 21}, 9 + 26},  // inside the emoji: rounds up past it
		{Position{1, 999}, 9 + 38}, // the end of the line, before its CR LF
		{Position{2, 2}, 9 + 40 + 2},
		{Position{7, 0}, len(text)},
	}
	for _, tt := range tests {
		if got := Offset([]byte(text), tt.p); got != tt.want {
			t.Errorf("Offset(%+v) = %d, want %d", tt.p, got, tt.want)
		}
	}
	for _, off := range []int{0, 9 + 29, 9 + 18, len(text)} {
		p := At([]byte(text), off)
		if back := Offset([]byte(text), p); back != off {
			t.Errorf("Offset(At(%d)) = %d (At = %+v)", off, back, p)
		}
	}
}

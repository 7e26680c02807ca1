package content

import "testing"

func TestSegmentProblem(t *testing.T) {
	unsafe := []string{
		".", "..", "a\x00b", "a\tb", "a\nb", "\u0085", `a\b`, "C:", "a:b", "a*b", "a?b", `a"b`, "a<b", "a>b", "a|b",
		"name.", "name ", "CON", "con", "Con.txt", "nul.tar.gz", "PRN", "aux", "COM1", "com9.md", "LPT1", "lpt9",
		"COM¹", "conin$", "CONOUT$", "con .txt",
	}
	for _, seg := range unsafe {
		if segmentProblem(seg) == "" {
			t.Errorf("segmentProblem(%q) = \"\", want a problem", seg)
		}
	}
	safe := []string{"a", "index.html", "feed.xml", "console", "com", "com10", "lpt", "conference", "c-plus-plus", "café", ".well-known", "a.b"}
	for _, seg := range safe {
		if p := segmentProblem(seg); p != "" {
			t.Errorf("segmentProblem(%q) = %q, want none", seg, p)
		}
	}
}

func TestCheckSegments(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"/a/b/", ""},
		{"//a/./b//", ""},
		{"/a/con/", `segment "con" is a device name Windows reserves`},
		{"/x/C:/y", `segment "C:" holds one of \ : * ? " < > |, which Windows does not allow in file names`},
		{"/a/..", `segment ".." leads out of its folder`},
	}
	for _, tt := range tests {
		got := ""
		if err := CheckSegments(tt.in); err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("CheckSegments(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

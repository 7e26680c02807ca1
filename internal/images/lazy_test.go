package images

import "testing"

// TestLazy: the first image shown loads eagerly and every other lazily,
// in the order of the body, though shortcodes run before the Markdown
// images are shown: a shortcode after the first Markdown image does not
// take its place, one before it does.
func TestLazy(t *testing.T) {
	type show struct {
		markdown  bool // shown by the Markdown hook, after every shortcode
		line, col int
		lazy      bool
	}
	for _, tc := range []struct {
		name          string
		markdownFirst [2]int // of the body's first Markdown image; 0:0 none
		shows         []show
	}{
		{"figure then Markdown", [2]int{3, 1}, []show{{false, 1, 1, false}, {true, 3, 1, true}}},
		{"Markdown then figure", [2]int{1, 1}, []show{{false, 3, 1, true}, {true, 1, 1, false}}},
		{"two figures", [2]int{}, []show{{false, 1, 1, false}, {false, 3, 1, true}, {false, 1, 1, false}}},
		{"Markdown moved by a placeholder", [2]int{2, 5}, []show{{false, 4, 1, true}, {true, 2, 9, false}, {true, 5, 1, true}}},
	} {
		u := &Uses{}
		if tc.markdownFirst != [2]int{} {
			u.MarkdownFirst(tc.markdownFirst[0], tc.markdownFirst[1])
		}
		for _, s := range tc.shows {
			lazy := u.Lazy
			if s.markdown {
				lazy = u.MarkdownLazy
			}
			if got := lazy(s.line, s.col); got != s.lazy {
				t.Errorf("%s: Lazy at %d:%d (Markdown %v) = %v, want %v", tc.name, s.line, s.col, s.markdown, got, s.lazy)
			}
		}
	}
}

package markdown

import (
	"slices"
	"testing"
)

// The HTML of callouts is in testdata/callouts.txt; these check what else
// Convert learns from a page that holds one.

func TestCalloutFacts(t *testing.T) {
	in := "Intro.\n\n> [!NOTE]\n> Figures are for the [U.S.](/about/) only.\n"
	res := convert(t, Options{}, in, 5)
	if want := []Link{{"/about/", 8, 23}}; !slices.Equal(res.Links, want) {
		t.Errorf("Links(%q) = %+v, want %+v", in, res.Links, want)
	}
	// The marker is not a word, and the label is not in the text.
	if res.WordCount != 7 {
		t.Errorf("WordCount(%q) = %d, want 7", in, res.WordCount)
	}
	if want := "<p>Intro.</p>\n"; string(res.Summary) != want {
		t.Errorf("Summary(%q) = %q, want %q", in, res.Summary, want)
	}
}

func TestAlertMarker(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" when not a marker
	}{
		{"[!NOTE]", "note"},
		{"[!note]", "note"},
		{"[!Warning]", "warning"},
		{"  [!TIP]  ", "tip"},
		{`[!CAUTION]\`, "caution"},
		{"[!IMPORTANT] \\ ", "important"},
		{"[!DANGER]", ""},
		{"[!NOTE] text", ""},
		{"[NOTE]", ""},
		{"[! NOTE]", ""},
		{"[!NOTE", ""},
		{"[!]", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := alertMarker([]byte(tt.in))
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("alertMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

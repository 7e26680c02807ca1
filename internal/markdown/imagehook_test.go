package markdown

import (
	"slices"
	"testing"
)

// The hook sees every image, however it is written, and only images; a
// page without "![" never calls it.
func TestImageHookSeesEveryImage(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // destinations the hook is called with
		warnings int      // images without alt text
	}{
		{"none", "No image, only [a link](/a/) and ! [brackets].\n", nil, 0},
		{"inline", "![A](/a.png) and ![](/b.png)\n", []string{"/a.png", "/b.png"}, 1},
		{"reference", "![A][r]\n\n[r]: /r.png\n", []string{"/r.png"}, 0},
		{"in a link", "[![A](/in.png)](/page/)\n", []string{"/in.png"}, 0},
		{"escaped", "\\![A](/no.png)\n", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			hook := func(img Image) (*Hooked, error) {
				got = append(got, img.Destination)
				return &Hooked{HTML: []byte("<img>")}, nil
			}
			res, err := New(Options{}).ConvertImages([]byte(tt.in), 1, "", hook)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ConvertImages(%q) called the hook with %q, want %q", tt.in, got, tt.want)
			}
			if len(res.Warnings) != tt.warnings {
				t.Errorf("ConvertImages(%q) warnings = %v, want %d", tt.in, res.Warnings, tt.warnings)
			}
		})
	}
}

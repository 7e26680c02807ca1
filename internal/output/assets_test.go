package output

import (
	"errors"
	"testing"

	"github.com/careersite/careersite/internal/diag"
)

func TestFingerprint(t *testing.T) {
	data := []byte("body{color:red;margin:0}") // sha256 a76411c2…
	tests := []struct{ in, want string }{
		{"css/site.css", "css/site.a76411c2.css"},
		{"site.min.js", "site.min.a76411c2.js"},
		{"LICENSE", "LICENSE.a76411c2"},
		{"css/.hidden", "css/.hidden.a76411c2"},
	}
	for _, tt := range tests {
		if got := Fingerprint(tt.in, data); got != tt.want {
			t.Errorf("Fingerprint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMinifyAsset(t *testing.T) {
	m := NewMinifier()
	tests := []struct{ name, in, want string }{
		{"a.css", "/* c */\nbody {\n  margin: 0px;\n}\n", "body{margin:0}"},
		{"a.JS", "// c\nconst x = 1 + 2;\nconsole.log( x );\n", "const x=1+2;console.log(x)"},
		{"a.mjs", "export const a = 1;\n", "export const a=1"},
		{"a.svg", "<svg>  </svg>\n", "<svg>  </svg>\n"},
	}
	for _, tt := range tests {
		got, err := m.Asset(tt.name, []byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("Asset(%q, %q) = %q, %v, want %q", tt.name, tt.in, got, err, tt.want)
		}
	}
}

func TestMinifyAssetSyntaxError(t *testing.T) {
	_, err := NewMinifier().Asset("a.js", []byte("let a = 1;\nlet b = ;\n"))
	var se *diag.Error
	if !errors.As(err, &se) || se.Error() != "2:9: unexpected ; in expression" {
		t.Errorf("Asset(broken js) error = %v, want *diag.Error 2:9: unexpected ; in expression", err)
	}
}

func TestMinifyHTML(t *testing.T) {
	in := "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n" +
		"<script type=\"application/ld+json\">\n{ \"a\": 1 }\n</script>\n</head>\n<body>\n<p id=\"x\">a   b</p>\n</body>\n</html>\n"
	want := `<!doctype html><html lang=en><head><title>T</title><script type=application/ld+json>{"a":1}</script></head><body><p id=x>a b</p></body></html>`
	got, err := NewMinifier().HTML([]byte(in))
	if err != nil || string(got) != want {
		t.Errorf("HTML = %q, %v, want %q", got, err, want)
	}
}

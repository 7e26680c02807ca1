package imaging

import (
	"crypto/sha256"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestKeyOf(t *testing.T) {
	src := sha256.Sum256([]byte("team.jpg bytes"))
	other := sha256.Sum256([]byte("other bytes"))
	s := Spec{Op: OpResize, Width: 800, Format: WebP, Quality: 75}
	k := KeyOf(src, s)
	if KeyOf(src, s) != k {
		t.Fatal("KeyOf is not deterministic")
	}
	for name, differ := range map[string]Key{
		"source":  KeyOf(other, s),
		"width":   KeyOf(src, Spec{Op: OpResize, Width: 480, Format: WebP, Quality: 75}),
		"format":  KeyOf(src, Spec{Op: OpResize, Width: 800, Format: JPEG, Quality: 75}),
		"quality": KeyOf(src, Spec{Op: OpResize, Width: 800, Format: WebP, Quality: 80}),
		"op":      KeyOf(src, Spec{Op: OpFit, Width: 800, Format: WebP, Quality: 75}),
	} {
		if differ == k {
			t.Errorf("a different %s gives the same key", name)
		}
	}
}

func TestOutputName(t *testing.T) {
	k := KeyOf(sha256.Sum256([]byte("x")), Spec{Op: OpResize, Width: 800})
	tests := []struct {
		src   string
		width int
		f     Format
		want  string
	}{
		{"content/guides/caching/team.jpg", 800, WebP, `^team\.800w\.[0-9a-f]{16}\.webp$`},
		{"assets/img/team.photo.JPG", 480, JPEG, `^team\.photo\.480w\.[0-9a-f]{16}\.jpg$`},
		{"logo.svg", 0, SVG, `^logo\.[0-9a-f]{16}\.svg$`},
	}
	for _, tt := range tests {
		got := OutputName(tt.src, tt.width, tt.f, k)
		if !regexp.MustCompile(tt.want).MatchString(got) {
			t.Errorf("OutputName(%q, %d, %s) = %q, want %s", tt.src, tt.width, tt.f, got, tt.want)
		}
		if !strings.Contains(got, k.String()[:16]) {
			t.Errorf("OutputName(%q) = %q lacks the key's fingerprint", tt.src, got)
		}
	}
}

// TestEncoderVersionMatchesGoMod fails the day go.mod moves an encoder's
// module and EncoderVersion (and so every cache key) does not follow.
func TestEncoderVersionMatchesGoMod(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{webpModule, imageModule} {
		if !strings.Contains(string(mod), "\t"+m+"\n") {
			t.Errorf("go.mod does not require %s; update the constant in encode.go", m)
		}
		if !strings.Contains(EncoderVersion(), m) {
			t.Errorf("EncoderVersion() = %q lacks %s", EncoderVersion(), m)
		}
	}
}

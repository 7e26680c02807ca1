package markdown

import (
	"slices"
	"testing"
)

func TestBasePath(t *testing.T) {
	tests := []struct {
		name, base, in, want string
	}{
		{"root-relative link", "/careers/", "[x](/jobs/x/#pay)", `<p><a href="/careers/jobs/x/#pay">x</a></p>` + "\n"},
		{"site root", "/careers/", "[home](/)", `<p><a href="/careers/">home</a></p>` + "\n"},
		{"image", "/careers/", "![logo](/img/a.svg)", `<p><img src="/careers/img/a.svg" alt="logo"></p>` + "\n"},
		{"link with title", "/careers/", `[x](/a/ "T")`, `<p><a href="/careers/a/" title="T">x</a></p>` + "\n"},
		{"reference link", "/careers/", "[x][r]\n\n[r]: /a/", `<p><a href="/careers/a/">x</a></p>` + "\n"},
		{"base path without final slash", "/careers", "[x](/a/)", `<p><a href="/careers/a/">x</a></p>` + "\n"},
		{"relative link unchanged", "/careers/", "[x](../a/)", `<p><a href="../a/">x</a></p>` + "\n"},
		{"fragment unchanged", "/careers/", "[x](#pay)", `<p><a href="#pay">x</a></p>` + "\n"},
		{"scheme-relative unchanged", "/careers/", "[x](//cdn.example/a)", `<p><a href="//cdn.example/a">x</a></p>` + "\n"},
		{"absolute unchanged", "/careers/", "[x](https://example.org/a)", `<p><a href="https://example.org/a">x</a></p>` + "\n"},
		{"autolink unchanged", "/careers/", "<https://example.org/a>", `<p><a href="https://example.org/a">https://example.org/a</a></p>` + "\n"},
		{"root base path adds nothing", "/", "[x](/a/)", `<p><a href="/a/">x</a></p>` + "\n"},
		{"no base path adds nothing", "", "[x](/a/)", `<p><a href="/a/">x</a></p>` + "\n"},
		{"escaped like any link", "/c r/", "[x](/a&b/)", `<p><a href="/c%20r/a&amp;b/">x</a></p>` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(convert(t, Options{BasePath: tt.base}, tt.in, 1).HTML)
			if got != tt.want {
				t.Errorf("Convert(%q) with BasePath %q = %q, want %q", tt.in, tt.base, got, tt.want)
			}
		})
	}
}

// The link checker reads site paths: Links keep what the author wrote, and
// rendering does not leave the base path in the AST (a second render of
// the same node would add it twice).
func TestBasePathKeepsLinksAsWritten(t *testing.T) {
	res := convert(t, Options{BasePath: "/careers/"}, "[a](/jobs/a/) [a again](/jobs/a/)\n\n![i](/i.png)\n", 3)
	var got []string
	for _, l := range res.Links {
		got = append(got, l.Dest)
	}
	if want := []string{"/jobs/a/", "/jobs/a/", "/i.png"}; !slices.Equal(got, want) {
		t.Errorf("Links = %q, want %q", got, want)
	}
	want := `<p><a href="/careers/jobs/a/">a</a> <a href="/careers/jobs/a/">a again</a></p>` + "\n" +
		`<p><img src="/careers/i.png" alt="i"></p>` + "\n"
	if string(res.HTML) != want {
		t.Errorf("HTML = %q, want %q", res.HTML, want)
	}
}

func TestBasePathKeepsUnsafeOption(t *testing.T) {
	res := convert(t, Options{BasePath: "/c/", UnsafeHTML: true}, "[x](javascript:alert(1))", 1)
	if want := `<p><a href="javascript:alert(1)">x</a></p>` + "\n"; string(res.HTML) != want {
		t.Errorf("HTML = %q, want %q (the inner renderer must get the unsafe option)", res.HTML, want)
	}
	res = convert(t, Options{BasePath: "/c/"}, "[x](javascript:alert(1))", 1)
	if want := `<p><a href="">x</a></p>` + "\n"; string(res.HTML) != want {
		t.Errorf("HTML = %q, want %q", res.HTML, want)
	}
}

package careersite

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestDocLinks fails when a relative link in README.md or docs/*.md names
// a file that does not exist, or a heading that the Markdown file it names
// does not have. Links inside code are not links and are not checked.
func TestDocLinks(t *testing.T) {
	files, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{"README.md"}, files...)
	for _, file := range files {
		for _, l := range docLinks(t, file) {
			if err := checkDocLink(t, file, l.target); err != "" {
				t.Errorf("%s:%d: link %q: %s", file, l.line, l.target, err)
			}
		}
	}
}

func TestHeadingAnchor(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Errors and exit status", "errors-and-exit-status"},
		{"`site.yaml`", "siteyaml"},
		{"Pages: front matter, URLs and Markdown", "pages-front-matter-urls-and-markdown"},
		{"ExternalRating", "externalrating"},
		{"snake_case keys", "snake_case-keys"},
	} {
		if got := headingAnchor(tt.in); got != tt.want {
			t.Errorf("headingAnchor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

type docLink struct {
	target string
	line   int
}

var (
	codeSpan   = regexp.MustCompile("`[^`]+`")
	linkTarget = regexp.MustCompile(`\]\(([^)\s]+)\)`)
)

// docLinks returns the targets of the inline links of a Markdown file,
// outside fenced blocks and code spans (which may run over a line end).
func docLinks(t *testing.T, file string) []docLink {
	text := strings.Join(prose(readDoc(t, file)), "\n")
	text = codeSpan.ReplaceAllStringFunc(text, func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, s)
	})
	var links []docLink
	for _, m := range linkTarget.FindAllStringSubmatchIndex(text, -1) {
		line := 1 + strings.Count(text[:m[2]], "\n")
		links = append(links, docLink{text[m[2]:m[3]], line})
	}
	return links
}

// checkDocLink says what is wrong with a link from file, or "".
func checkDocLink(t *testing.T, file, target string) string {
	if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
		return ""
	}
	path, fragment, _ := strings.Cut(target, "#")
	if path == "" {
		path = file
	} else {
		path = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
	}
	if _, err := os.Stat(path); err != nil {
		return "no such file"
	}
	if fragment == "" {
		return ""
	}
	if filepath.Ext(path) != ".md" {
		return "a fragment of a file that is not Markdown"
	}
	if !docAnchors(t, path)[fragment] {
		return "no heading with that anchor in " + filepath.ToSlash(path)
	}
	return ""
}

// docAnchors returns the anchors GitHub gives the headings of a Markdown
// file; a repeated heading gets -1, -2 … after its anchor.
func docAnchors(t *testing.T, file string) map[string]bool {
	anchors := map[string]bool{}
	seen := map[string]int{}
	for _, line := range prose(readDoc(t, file)) {
		hashes := len(line) - len(strings.TrimLeft(line, "#"))
		if hashes == 0 || hashes > 6 || !strings.HasPrefix(line[hashes:], " ") {
			continue
		}
		a := headingAnchor(strings.TrimSpace(line[hashes:]))
		if n := seen[a]; n > 0 {
			seen[a]++
			a += "-" + strconv.Itoa(n)
		} else {
			seen[a] = 1
		}
		anchors[a] = true
	}
	return anchors
}

// headingAnchor is GitHub's anchor for a heading: lower case, spaces made
// hyphens, and every other character but letters, digits, '-' and '_'
// dropped.
func headingAnchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// prose returns the lines of a Markdown file with the lines of fenced code
// blocks blanked, so that line numbers stay true.
func prose(text string) []string {
	lines := strings.Split(text, "\n")
	var fence string
	for i, line := range lines {
		trimmed := strings.TrimLeft(line, " ")
		opens := strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")
		switch {
		case fence == "" && opens:
			fence = trimmed[:3]
			lines[i] = ""
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			lines[i] = ""
		}
	}
	return lines
}

func readDoc(t *testing.T, file string) string {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// toolchainPin finds where a file pins the Go toolchain: GOTOOLCHAIN=goX.Y.Z
// in shell, go-version: 'X.Y.Z' in a workflow.
var toolchainPin = regexp.MustCompile(`GOTOOLCHAIN=go(\d+\.\d+\.\d+)|go-version: '(\d+\.\d+\.\d+)'`)

// TestToolchainPinned fails when the places that pin the Go toolchain of the
// README's Go version policy (the README's commands, CI, the release
// script, the workflows) name different releases, or one names none.
func TestToolchainPinned(t *testing.T) {
	workflows, err := filepath.Glob(".github/workflows/*.yml")
	if err != nil {
		t.Fatal(err)
	}
	pins := map[string][]string{} // by release
	for _, file := range append([]string{"README.md", ".ci/run", "scripts/release-build.sh"}, workflows...) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		found := toolchainPin.FindAllStringSubmatch(string(data), -1)
		if len(found) == 0 {
			t.Errorf("%s pins no Go toolchain", file)
		}
		for _, m := range found {
			release := m[1] + m[2]
			if !slices.Contains(pins[release], file) {
				pins[release] = append(pins[release], file)
			}
		}
	}
	if len(pins) > 1 {
		t.Errorf("the Go toolchain is pinned to different releases: %v", pins)
	}
}

package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// The chroma styles of Stylesheet: GitHub's, which suit a plain theme.
const lightStyle, darkStyle = "github", "github-dark"

// Stylesheet returns the CSS for the classes the code renderer writes: the
// light style, then the dark one inside @media (prefers-color-scheme: dark),
// each with its colours made to meet WCAG AA contrast (see readable). It is
// the same bytes on every call.
func Stylesheet() []byte {
	f := newFormatter()
	light, dark := readable(styles.Get(lightStyle)), readable(styles.Get(darkStyle))
	var b bytes.Buffer
	b.WriteString("/* chroma styles " + lightStyle + " and, for a dark colour scheme, " + darkStyle + " */\n")
	_ = f.WriteCSS(&b, light) // writes to a bytes.Buffer cannot fail
	b.WriteString("@media (prefers-color-scheme: dark) {\n")
	var inner bytes.Buffer
	writeResets(&inner, light, dark)
	_ = f.WriteCSS(&inner, dark)
	indent(&b, inner.Bytes())
	b.WriteString("}\n")
	return b.Bytes()
}

// writeResets undoes, for the dark style, what the light style sets on a
// token and the dark one leaves alone; the light rules apply in both schemes,
// so GitHub's near-black punctuation would otherwise vanish on a dark
// background. The rules use the same selectors as WriteCSS's and come first,
// so the dark style's own rules still win.
func writeResets(b *bytes.Buffer, light, dark *chroma.Style) {
	b.WriteString("/* what " + lightStyle + " sets and " + darkStyle + " does not */\n")
	for _, tt := range sortedTokenTypes() {
		if tt == chroma.Background || tt == chroma.PreWrapper {
			continue
		}
		l, d := tokenEntry(light, tt), tokenEntry(dark, tt)
		css := resetCSS(l, d)
		class := chroma.StandardTypes[tt]
		if css == "" || class == "" {
			continue
		}
		b.WriteString(".chroma ." + class + " { " + css + " }\n")
	}
}

// tokenEntry is the style of tt as WriteCSS computes it: without what it
// shares with the background.
func tokenEntry(s *chroma.Style, tt chroma.TokenType) chroma.StyleEntry {
	return s.Get(tt).Sub(s.Get(chroma.Background))
}

func resetCSS(light, dark chroma.StyleEntry) string {
	var css []string
	if light.Colour.IsSet() && !dark.Colour.IsSet() {
		css = append(css, "color: inherit")
	}
	if light.Background.IsSet() && !dark.Background.IsSet() {
		css = append(css, "background-color: transparent")
	}
	if light.Bold == chroma.Yes && dark.Bold != chroma.Yes {
		css = append(css, "font-weight: normal")
	}
	if light.Italic == chroma.Yes && dark.Italic != chroma.Yes {
		css = append(css, "font-style: normal")
	}
	if light.Underline == chroma.Yes && dark.Underline != chroma.Yes {
		css = append(css, "text-decoration: none")
	}
	return strings.Join(css, "; ")
}

func sortedTokenTypes() []chroma.TokenType {
	tts := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for tt := range chroma.StandardTypes {
		tts = append(tts, tt)
	}
	slices.Sort(tts)
	return tts
}

// indent writes css with every line indented by two spaces.
func indent(b *bytes.Buffer, css []byte) {
	for line := range bytes.Lines(css) {
		b.WriteString("  ")
		b.Write(line)
	}
}

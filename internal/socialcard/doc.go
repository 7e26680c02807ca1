// Package socialcard draws the picture that a shared link shows (og:image,
// twitter:card summary_large_image) for a page that has no image of its own:
// a 1200×630 PNG with the site's name, the kind of page, the title and, when
// the caller gives one, a salary line.
//
// # Input and output
//
// A Card holds the texts and the theme's colours; Render returns the PNG's
// bytes, and Key the name the build may keep those bytes under in its cache.
// The caller writes every text as the page shows it: Kind is a label ("Job
// description", "Role guide"), Salary is career.Salary's Range ("$79,850–
// $211,450 a year"), or "" for no salary line.
//
// A Cache (cache.go) draws each card once: its PNG kept in the persistent
// cache (internal/cache) by Key, and which cards fit remembered.
//
// # Layout
//
// A stripe of the accent colour runs down the left edge. At the top, the kind
// in the accent colour; below it, the title in bold in the text colour; under
// the title, the salary line; at the foot, the site's name. The title is
// wrapped between words (a space ends a word; a no-break space does not) and
// drawn at the largest of the sizes MaxTitleSize, MaxTitleSize−TitleSizeStep,
// …, MinTitleSize at which every line fits the title's box and there are at
// most MaxTitleLines lines. A word wider than the box at every size is broken
// between letters at MinTitleSize (never before a combining mark). A title
// that needs more than MaxTitleLines lines even then is an error wrapping
// ErrTitleTooLong: the card never cuts a title off, and never draws it
// outside its box.
//
// # Colours
//
// The text colour and the accent colour (the kind is written in it) must each
// have a contrast ratio of at least MinContrast (4.5:1, WCAG 2's level AA for
// text) with the background, by WCAG's relative luminance; colours must be
// opaque. Render returns a *ContrastError rather than choosing other colours:
// the colours are chosen once for a whole site, and a card quietly drawn in
// colours its theme does not use would go unnoticed, while an error names
// the colour to change. DefaultColors are the default theme's light colours
// (assets/css/site.css: --bg, --text, --accent), which pass.
//
// # Scripts the font lacks
//
// The cards are drawn with the Go fonts (Go Bold for the title and site name,
// Go Medium for the rest; golang.org/x/image/font/gofont, BSD licence), which
// cover the Latin, Greek and Cyrillic alphabets but not, for example,
// Japanese, Arabic or emoji. The opentype package does no shaping, so a font
// with Arabic letters would not draw joined Arabic either; the rule below
// therefore never draws a missing glyph (no "tofu" boxes). Texts are first
// put in Unicode normalisation form NFC. Then:
//
//   - In the title, a symbol, punctuation mark or invisible character that
//     the font lacks (an emoji, its variation selector, a zero-width joiner)
//     is left out, with the spaces around it closed up: "Data engineer 🚀"
//     is drawn as "Data engineer".
//   - A title in which a letter, digit or combining mark is missing (any
//     Japanese in "Software エンジニア") is not drawn at all, since part of a
//     title can say something else than the whole: the site's name takes the
//     title's place, and the foot is left empty. So is a title with nothing
//     left to draw.
//   - The site's name, the kind and the salary are drawn whole or not at all:
//     a salary line without its currency sign would state a wrong amount.
//
// Layout reports what was left out, so that the build can warn.
//
// # Identical bytes
//
// Drawing is integer work on coverage layers and a paletted image (see
// palette.go) apart from the glyph rasteriser,
// and the PNG is written by image/png at a fixed compression level, so the
// same Card gives the same bytes in every run of the same binary. Go's
// compress/flate, x/image's rasteriser and the fonts may change between
// releases; Key therefore hashes Version, the Go release and the fonts'
// bytes together with the Card. Whether an arm64 binary (where Go may fuse a
// multiply and an add) draws the same pixels as an amd64 one is not checked.
package socialcard

package scaffold

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/fields"
)

// commentColumn is where the comment after a commented-out key starts.
const commentColumn = 32

// Page returns a new page of kind: front matter with the title and date
// set and every other field of every page and of the kind as a commented
// template, then an empty body. setKind also writes kind: KIND, for a page
// outside the section site.yaml maps the kind to.
func Page(kind, title string, date time.Time, setKind bool) ([]byte, error) {
	own, ok := fields.Kind(kind)
	if !ok {
		return nil, fmt.Errorf("unknown kind %q (want %s)", kind, strings.Join(config.Kinds(), ", "))
	}
	quoted, err := yaml.Marshal(title)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %sdate: %s\n", quoted, date.Format(time.DateOnly))
	if setKind {
		fmt.Fprintf(&b, "kind: %s\n", kind)
	}
	b.WriteString("# Uncomment the fields you need and fill them in; a field is optional\n")
	b.WriteString("# unless it says \"required\". docs/content-model.md describes every field.\n")
	b.WriteString("#\n# Fields of every page:\n")
	for _, f := range fields.Common() {
		if f.Key == "title" || f.Key == "date" || f.Key == "kind" && setKind {
			continue
		}
		writeField(&b, f, "", "")
	}
	if own != nil {
		fmt.Fprintf(&b, "#\n# Fields of a %s:\n", kind)
		for _, f := range own {
			writeField(&b, f, "", "")
		}
	}
	b.WriteString("---\n\n")
	return b.Bytes(), nil
}

// writeField writes f as a commented-out line, and the keys of its
// mappings below it. indent is the indentation of the key; lead replaces
// its last two spaces for the first key of a list item ("- ").
func writeField(b *bytes.Buffer, f fields.Field, indent, lead string) {
	key := indent + f.Key + ":"
	if lead != "" {
		key = indent[:len(indent)-len(lead)] + lead + f.Key + ":"
	}
	if strings.HasPrefix(f.Kind, "list of") && f.Fields == nil {
		key += " []"
	}
	line := "# " + key
	fmt.Fprintf(b, "%-*s # %s\n", commentColumn, line, about(f))
	switch {
	case f.Fields == nil:
	case strings.HasPrefix(f.Kind, "list of"):
		for i, sub := range f.Fields {
			lead := ""
			if i == 0 {
				lead = "- "
			}
			writeField(b, sub, indent+"    ", lead)
		}
	default:
		for _, sub := range f.Fields {
			writeField(b, sub, indent+"  ", "")
		}
	}
}

// about is the comment on a field: whether it is required, its type and
// allowed values, and what it means.
func about(f fields.Field) string {
	var parts []string
	switch f.Required {
	case "", "except in _index.md":
	case "yes":
		parts = append(parts, "required")
	default:
		parts = append(parts, "required "+f.Required)
	}
	kind := f.Kind
	if f.Allowed != "" {
		kind += ", " + f.Allowed
	}
	parts = append(parts, kind)
	s := strings.Join(parts, "; ")
	if f.Doc != "" {
		s += " — " + f.Doc
	}
	return s
}

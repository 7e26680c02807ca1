package lsp

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// complete asks for completion at line:character of name and returns the
// labels offered, with the items by label.
func (c *client) complete(name string, at protocol.Position) ([]string, map[string]protocol.CompletionItem) {
	c.t.Helper()
	var items []protocol.CompletionItem
	err := c.call(protocol.MethodTextDocumentCompletion, protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(name)},
		Position:     at,
	}}, &items)
	if err != nil {
		c.t.Fatal(err)
	}
	var labels []string
	byLabel := map[string]protocol.CompletionItem{}
	for _, it := range items {
		labels = append(labels, it.Label)
		byLabel[it.Label] = it
	}
	return labels, byLabel
}

// TestCompletion: in front matter, the keys of the page's kind with their
// documentation, enumerated values, currency codes in a salary, role
// guides for related_roles with their titles, skills most used first; in
// the body, page URLs after "](/".
func TestCompletion(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	orig := c.file(job)
	c.open(job, orig)
	c.waitFor(job, none) // the first check has read the site's pages

	text := strings.Replace(orig, "seniority: mid\n", "seniority: \nsal\n", 1)
	text = strings.Replace(text, "  - /roles/backend/\n", "  - /roles/backend/\n  - \nsalary:\n  period: year\n  currency: \n", 1)
	text = strings.Replace(text, "skills: [Go, PostgreSQL]", "skills: [Go, ]", 1)
	text = strings.Replace(text, "see [the role guide](/roles/backend/)", "see [the role guide](/ro", 1)
	c.replace(job, text)
	lines := strings.Split(text, "\n")
	// at is the end of prefix on the first line that is prefix, else
	// that starts with it (ASCII: bytes are UTF-16 units).
	at := func(prefix string) protocol.Position {
		i := slices.Index(lines, prefix)
		if i < 0 {
			i = slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) })
		}
		if i < 0 {
			t.Fatalf("no line %q", prefix)
		}
		return protocol.Position{Line: protocol.UInteger(i), Character: protocol.UInteger(len(prefix))}
	}

	labels, _ := c.complete(job, at("seniority: "))
	if want := []string{"intern", "junior", "mid", "senior", "staff", "principal", "lead", "manager", "director"}; !slices.Equal(labels, want) {
		t.Errorf("seniority: offered %q, want %q", labels, want)
	}

	labels, items := c.complete(job, at("sal"))
	if !slices.Contains(labels, "posting") || slices.Contains(labels, "title") || slices.Contains(labels, "salary") {
		t.Errorf("keys: offered %q, want posting but not title or salary (written)", labels)
	}
	if doc := items["posting"].Documentation.(protocol.MarkupContent).Value; !strings.Contains(doc, "A real opening") {
		t.Errorf("posting's documentation is %q", doc)
	}

	labels, items = c.complete(job, at("  - "))
	if !slices.Equal(labels, []string{"/roles/backend/", "/roles/frontend/"}) || *items["/roles/frontend/"].Detail != "Front-end developer" {
		t.Errorf("related_roles: offered %q (%v)", labels, items)
	}

	labels, _ = c.complete(job, at("  currency: "))
	if !slices.Contains(labels, "USD") || !slices.Contains(labels, "EUR") {
		t.Errorf("salary.currency: offered %d codes, want USD and EUR among them", len(labels))
	}

	labels, _ = c.complete(job, at("skills: [Go, "))
	// The buffer may have been checked already, its front matter broken:
	// its own skills and URL are then not the site's.
	if len(labels) < 2 || labels[0] != "PostgreSQL" || labels[1] != "CSS" && labels[1] != "Go" {
		t.Errorf("skills: offered %q, want PostgreSQL (three pages) first", labels)
	}

	labels, _ = c.complete(job, at("What a developer does; see [the role guide](/ro"))
	if !slices.Contains(labels, "/roles/backend/") || !slices.Contains(labels, "/roles/frontend/") {
		t.Errorf("link: offered %q", labels)
	}
}

// hover asks for hover at line:character of name and returns its text,
// "" when there is none.
func (c *client) hover(name string, line, character int) string {
	c.t.Helper()
	var h struct {
		Contents protocol.MarkupContent `json:"contents"`
	}
	err := c.call(protocol.MethodTextDocumentHover, protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(name)},
		Position:     protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(character)},
	}}, &h)
	if err != nil {
		c.t.Fatal(err)
	}
	return h.Contents.Value
}

// hoverOn asks for hover inside word on the first line of text, the text
// of name, that holds line; ASCII only, where bytes are UTF-16 units.
func (c *client) hoverOn(name, text, line, word string) string {
	c.t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, line) {
			if j := strings.Index(l, word); j >= 0 {
				return c.hover(name, i, j+len(word)/2)
			}
		}
	}
	c.t.Fatalf("%s has no line holding %q with %q in it", name, line, word)
	return ""
}

// TestHover: a key's documentation, a reference's title and kind.
func TestHover(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	c.open(job, c.file(job))
	c.waitFor(job, none)
	hover := func(line, character int) string { return c.hover(job, line, character) }
	if got := hover(4, 3); !strings.Contains(got, "The job's level.") || !strings.Contains(got, "one of intern") {
		t.Errorf("hover on seniority = %q", got)
	}
	if got := hover(7, 8); !strings.Contains(got, "Back-end developer") || !strings.Contains(got, "role page") {
		t.Errorf("hover on /roles/backend/ = %q", got)
	}
}

// TestQuickFix: a problem with a did-you-mean becomes a code action
// that writes the suggestion over the mistyped word, and only over it: a
// key, a quoted value, a shortcode's name inside its tag.
func TestQuickFix(t *testing.T) {
	c := newClient(t, "site")
	const job, role = "content/jobs/dev.md", "content/roles/frontend.md"
	text := strings.Replace(c.file(job), "seniority: mid\n", "senority: mid\n", 1)
	text = strings.Replace(text, `employment_type: ["FULL_TIME"]`, `employment_type: ["FULL_TME"]`, 1)
	c.open(job, text)
	c.open(role, c.file(role)+"Shown {{< fgure src=\"a.png\" >}} here.\n")
	diagnostics := map[string][]protocol.Diagnostic{
		job:  c.waitFor(job, has("FULL_TME")),
		role: c.waitFor(role, has("fgure")),
	}
	tests := []struct {
		file, msg string
		want      protocol.TextEdit
	}{
		{job, `unknown key "senority"`, protocol.TextEdit{Range: lineRange(4, 0, 8), NewText: "seniority"}},
		{job, `got "FULL_TME"`, protocol.TextEdit{Range: lineRange(5, 19, 27), NewText: "FULL_TIME"}},
		{role, `unknown shortcode "fgure"`, protocol.TextEdit{Range: lineRange(6, 10, 15), NewText: "figure"}},
	}
	for _, tt := range tests {
		d := find(t, diagnostics[tt.file], tt.msg)
		var actions []protocol.CodeAction
		err := c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(tt.file)},
			Range:        d.Range,
			Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{d}},
		}, &actions)
		if err != nil {
			t.Fatal(err)
		}
		if len(actions) != 1 {
			t.Errorf("%s: %d actions, want 1", tt.msg, len(actions))
			continue
		}
		if edits := actions[0].Edit.Changes[c.uri(tt.file)]; len(edits) != 1 || edits[0] != tt.want {
			t.Errorf("%s: edits %+v, want %+v", tt.msg, edits, tt.want)
		}
	}
}

// lineRange is the range on line from character start to end.
func lineRange(line, start, end int) protocol.Range {
	return protocol.Range{
		Start: protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(start)},
		End:   protocol.Position{Line: protocol.UInteger(line), Character: protocol.UInteger(end)},
	}
}

// TestDefinition: a reference and a link lead to the page's file.
func TestDefinition(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	c.open(job, c.file(job))
	c.waitFor(job, none)
	for _, at := range []protocol.Position{{Line: 7, Character: 6}, {Line: 9, Character: 50}} {
		var loc protocol.Location
		err := c.call(protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(job)}, Position: at,
		}}, &loc)
		if err != nil || loc.URI != c.uri("content/roles/backend.md") {
			t.Errorf("definition at %+v = %+v, %v; want content/roles/backend.md", at, loc, err)
		}
	}
}

// TestSpellingFix: a skill spelled unlike the rest of the site is a
// warning of the check, with a quick fix to the site's spelling.
func TestSpellingFix(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	c.open(job, strings.Replace(c.file(job), "skills: [Go, PostgreSQL]", "skills: [Go, Postgres]", 1))
	d := find(t, c.waitFor(job, has("Postgres")), `skills: "Postgres" is written "PostgreSQL" on 2 pages; did you mean "PostgreSQL"?`)
	if *d.Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("severity %v, want a warning", *d.Severity)
	}
	var actions []protocol.CodeAction
	err := c.call(protocol.MethodTextDocumentCodeAction, protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(job)},
		Range:        d.Range,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{d}},
	}, &actions)
	if err != nil {
		t.Fatal(err)
	}
	want := protocol.TextEdit{Range: lineRange(3, 13, 21), NewText: "PostgreSQL"}
	if len(actions) != 1 || len(actions[0].Edit.Changes[c.uri(job)]) != 1 || actions[0].Edit.Changes[c.uri(job)][0] != want {
		t.Errorf("actions %+v, want one that makes %+v", actions, want)
	}
}

// TestAnchorCompletion: "#" in a link offers the ids of the headings of
// the page it names (as its open buffer has them), or of the page being
// edited, unsaved headings included.
func TestAnchorCompletion(t *testing.T) {
	c := newClient(t, "site")
	const job, role = "content/jobs/dev.md", "content/roles/backend.md"
	c.open(role, c.file(role)+"\n## Pay and hours\n\n### What's asked {#asked}\n")
	text := strings.Replace(c.file(job), "(/roles/backend/).", "(/roles/backend/#pa", 1) + "\n## Where you work\n\nSee [below](#\n"
	c.open(job, text)
	c.waitFor(job, func([]protocol.Diagnostic) bool { return true })

	labels, items := c.complete(job, protocol.Position{Line: 9, Character: uint32(len("What a developer does; see [the role guide](/roles/backend/#pa"))})
	if !slices.Equal(labels, []string{"pay-and-hours", "asked"}) {
		t.Fatalf("](/roles/backend/#pa: offered %q, want the role guide's heading ids", labels)
	}
	if it := items["pay-and-hours"]; it.Detail == nil || *it.Detail != "## Pay and hours" {
		t.Errorf("pay-and-hours: %+v, want its heading as the detail", it)
	}
	labels, _ = c.complete(job, protocol.Position{Line: 13, Character: uint32(len("See [below](#"))})
	if !slices.Equal(labels, []string{"where-you-work"}) {
		t.Errorf("](#: offered %q, want the page's own heading", labels)
	}
}

// TestShortcodeCompletion: after "{{<" the site's shortcodes and the
// theme's built-ins; inside a call, the arguments it has not been given:
// a built-in's declared ones with their types, a site's own the ones its
// template reads with .Get; nothing inside a quoted value.
func TestShortcodeCompletion(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	lines := []string{"{{< fi", `{{< figure src="a.png" `, "{{% note ", `{{< figure src="a`}
	text := c.file(job) + strings.Join(lines, "\n") + "\n"
	c.open(job, text)
	first := len(strings.Split(c.file(job), "\n")) - 1
	at := func(i int) protocol.Position {
		return protocol.Position{Line: protocol.UInteger(first + i), Character: protocol.UInteger(len(lines[i]))}
	}

	labels, items := c.complete(job, at(0))
	for _, want := range []string{"details", "figure", "note", "salary-table", "youtube"} {
		if !slices.Contains(labels, want) {
			t.Errorf("{{< fi: offered %q, want %s among them", labels, want)
		}
	}
	if doc, _ := items["figure"].Documentation.(protocol.MarkupContent); !strings.Contains(doc.Value, "<figure>") {
		t.Errorf("figure's documentation is %+v", items["figure"].Documentation)
	}
	labels, items = c.complete(job, at(1))
	if slices.Contains(labels, "src") || !slices.Contains(labels, "alt") || !slices.Contains(labels, "caption") || !slices.Contains(labels, "width") {
		t.Errorf("figure's arguments: offered %q, want alt, caption, width and not src (given)", labels)
	}
	if d := items["width"].Detail; d == nil || *d != "whole number" {
		t.Errorf("width's detail = %v, want its type", d)
	}
	if labels, _ = c.complete(job, at(2)); !slices.Equal(labels, []string{"kind", "title"}) {
		t.Errorf("note's arguments: offered %q, want those its template reads", labels)
	}
	if labels, _ = c.complete(job, at(3)); len(labels) != 0 {
		t.Errorf("in a value: offered %q, want nothing", labels)
	}
}

// TestSalaryHover: in the salary block, a key or a value shows the salary
// as the salary card writes it, from the unsaved text.
func TestSalaryHover(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	block := "salary:\n  currency: USD\n  min: 79850\n  max: 211450\n  period: year\n  median: 132270\n"
	text := strings.Replace(c.file(job), "seniority: mid\n", "seniority: mid\n"+block, 1)
	c.open(job, text)
	hover := func(line, character int) string { return c.hover(job, line, character) }
	const card = "Salary range: **$79,850–$211,450 a year** · Median $132,270"
	for _, at := range [][2]int{{5, 2}, {7, 4}, {8, 9}} { // salary, min, the max's value
		if got := hover(at[0], at[1]); !strings.Contains(got, card) {
			t.Errorf("hover at %d:%d = %q, want %q in it", at[0], at[1], got, card)
		}
	}
	if got := hover(7, 4); !strings.Contains(got, "The lowest pay of the range.") {
		t.Errorf("hover on min = %q, want its documentation too", got)
	}
	if got := hover(4, 3); strings.Contains(got, "Salary range") {
		t.Errorf("hover on seniority = %q, want no salary", got)
	}
}

// TestOtherFrontMatterCompletion: TOML and JSON front matter complete as
// YAML does, each inserting its own syntax: "key = " and quoted strings
// in TOML, quoted keys in JSON.
func TestOtherFrontMatterCompletion(t *testing.T) {
	c := newClient(t, "site")
	const toml, jsonPage = "content/jobs/toml.md", "content/jobs/json.md"
	c.open(toml, "+++\ntitle = \"T\"\nseniority = \n[salary]\ncurrency = \"USD\"\nperi\n+++\nBody.\n")
	c.open(jsonPage, "{\n  \"title\": \"J\",\n  \"employment_type\": [\"FULL\n}\nBody.\n")
	newText := func(it protocol.CompletionItem) string {
		b, _ := json.Marshal(it.TextEdit)
		var e protocol.TextEdit
		json.Unmarshal(b, &e)
		return e.NewText
	}

	labels, items := c.complete(toml, protocol.Position{Line: 2, Character: 12})
	if !slices.Contains(labels, "senior") || newText(items["senior"]) != `"senior"` {
		t.Errorf("TOML seniority: offered %q, senior inserting %q", labels, newText(items["senior"]))
	}
	labels, items = c.complete(toml, protocol.Position{Line: 5, Character: 4})
	if !slices.Contains(labels, "period") || slices.Contains(labels, "title") || newText(items["period"]) != "period = " {
		t.Errorf("TOML [salary] keys: offered %q, period inserting %q", labels, newText(items["period"]))
	}
	labels, items = c.complete(jsonPage, protocol.Position{Line: 2, Character: 26})
	if !slices.Contains(labels, "FULL_TIME") || newText(items["FULL_TIME"]) != "FULL_TIME" {
		t.Errorf("JSON employment_type: offered %q, FULL_TIME inserting %q", labels, newText(items["FULL_TIME"]))
	}
	labels, items = c.complete(jsonPage, protocol.Position{Line: 2, Character: 3})
	if !slices.Contains(labels, "seniority") || newText(items["seniority"]) != `seniority": ` {
		t.Errorf("JSON keys: offered %q, seniority inserting %q", labels, newText(items["seniority"]))
	}
}

// TestShortcodeDefinition: a shortcode's name, in its opening or closing
// tag, leads to the site's template; a built-in's leads nowhere (its
// template is in the binary).
func TestShortcodeDefinition(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	c.open(job, c.file(job)+"{{< note title=\"x\" >}}Hi{{< /note >}} {{< figure src=\"a.png\" >}}\n")
	line := protocol.UInteger(len(strings.Split(c.file(job), "\n")) - 1)
	for _, tt := range []struct {
		character protocol.UInteger
		want      string
	}{{5, c.uri("layouts/shortcodes/note.html")}, {31, c.uri("layouts/shortcodes/note.html")}, {45, ""}} {
		var loc *protocol.Location
		err := c.call(protocol.MethodTextDocumentDefinition, protocol.DefinitionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: c.uri(job)}, Position: protocol.Position{Line: line, Character: tt.character},
		}}, &loc)
		got := ""
		if loc != nil {
			got = loc.URI
		}
		if err != nil || got != tt.want {
			t.Errorf("definition at %d = %q, %v; want %q", tt.character, got, err, tt.want)
		}
	}
}

// TestOtherFrontMatterHover: TOML and JSON front matter hover as YAML
// does: a key's documentation, a reference's page, the salary on its
// table header, its keys
// and values, and a career path step's salary ([career_path.salary], an
// inline table, an object in a JSON list).
func TestOtherFrontMatterHover(t *testing.T) {
	c := newClient(t, "site")
	const toml, jsonPage, path = "content/jobs/toml.md", "content/jobs/json.md", "content/roles/path.md"
	tomlText := "+++\ntitle = \"T\"\nseniority = \"mid\"\nrelated_roles = [\"/roles/backend/\"]\n[salary]\ncurrency = \"USD\"\nmin = 79850\nmax = 211450\nperiod = \"year\"\nmedian = 132270\n+++\nBody.\n"
	jsonText := "{\n  \"title\": \"J\",\n  \"seniority\": \"mid\",\n  \"related_roles\": [\"/roles/frontend/\"],\n  \"salary\": {\n    \"currency\": \"EUR\",\n" +
		"    \"min\": 55000,\n    \"max\": 79850,\n    \"period\": \"year\"\n  }\n}\n\nBody.\n"
	pathText := "+++\ntitle = \"P\"\nguide = \"career-path\"\n" +
		"[[career_path]]\ntitle = \"Junior\"\ntrack = \"ic\"\n[career_path.salary]\ncurrency = \"USD\"\nmin = 60000\nmax = 80000\nperiod = \"year\"\n" +
		"[[career_path]]\ntitle = \"Senior\"\ntrack = \"ic\"\nsalary = { currency = \"USD\", min = 120000, max = 150000, period = \"year\" }\n+++\nBody.\n"
	c.open(toml, tomlText)
	c.open(jsonPage, jsonText)
	const jsonPath = "content/roles/json-path.md"
	jsonPathText := "{\n  \"title\": \"P\",\n  \"career_path\": [\n" +
		"    {\"title\": \"Junior\", \"track\": \"ic\",\n     \"salary\": {\"currency\": \"USD\", \"min\": 60000, \"max\": 80000, \"period\": \"year\"}},\n" +
		"    {\"title\": \"Senior\", \"track\": \"ic\",\n     \"salary\": {\"currency\": \"USD\", \"min\": 120000, \"max\": 150000, \"period\": \"year\"}}\n" +
		"  ]\n}\n\nBody.\n"
	c.open(path, pathText)
	c.open(jsonPath, jsonPathText)
	const dev = "content/jobs/dev.md"
	c.open(dev, c.file(dev))
	c.waitFor(dev, none) // the first check has read the site's pages, which references name
	tests := []struct {
		name, text, line, word string
		want                   []string // in the hover, all of them
		not                    string   // not in it
	}{
		{toml, tomlText, "seniority =", "seniority", []string{"The job's level."}, "Salary range"},
		{toml, tomlText, "related_roles =", "/roles/backend/", []string{"**Back-end developer** — role page"}, ""},
		{toml, tomlText, "[salary]", "salary", []string{"What the job pays.", "Salary range: **$79,850–$211,450 a year** · Median $132,270"}, ""},
		{toml, tomlText, "min =", "min", []string{"The lowest pay of the range.", "Salary range: **$79,850–$211,450 a year**"}, ""},
		{toml, tomlText, "max =", "211450", []string{"Salary range: **$79,850–$211,450 a year**"}, "The highest pay"},
		{jsonPage, jsonText, `"seniority"`, "seniority", []string{"The job's level."}, "Salary range"},
		{jsonPage, jsonText, `"related_roles"`, "frontend", []string{"**Front-end developer** — role page"}, ""},
		{jsonPage, jsonText, `"salary"`, "salary", []string{"What the job pays.", "Salary range: **€55,000–€79,850 a year**"}, ""},
		{jsonPage, jsonText, `"min"`, "min", []string{"The lowest pay of the range.", "Salary range: **€55,000–€79,850 a year**"}, ""},
		{jsonPage, jsonText, `"currency"`, "EUR", []string{"Salary range: **€55,000–€79,850 a year**"}, ""},
		{path, pathText, "[career_path.salary]", "salary", []string{"What the step pays.", "**$60,000–$80,000 a year**"}, "Salary range"},
		{path, pathText, "max = 80000", "max", []string{"The highest pay of the range.", "**$60,000–$80,000 a year**"}, "150,000"},
		{path, pathText, "min = 120000", "120000", []string{"**$120,000–$150,000 a year**"}, "80,000"}, // an inline table
		{jsonPath, jsonPathText, `"min": 120000`, "150000", []string{"**$120,000–$150,000 a year**"}, "80,000"},
		{jsonPath, jsonPathText, `"min": 60000`, "salary", []string{"What the step pays.", "**$60,000–$80,000 a year**"}, "150,000"},
	}
	for _, tt := range tests {
		got := c.hoverOn(tt.name, tt.text, tt.line, tt.word)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: hover on %q in %q = %q, want %q in it", tt.name, tt.word, tt.line, got, w)
			}
		}
		if tt.not != "" && strings.Contains(got, tt.not) {
			t.Errorf("%s: hover on %q in %q = %q, want no %q", tt.name, tt.word, tt.line, got, tt.not)
		}
	}
}

// TestSalaryHoverInPageLanguage: a salary is written in the language of
// its page, found from the file name as the build finds it, with the
// words and number format of that language's salary card ("Gehaltsspanne",
// "55.000 €", "im Jahr"); a career path step's salary likewise, each step
// its own.
func TestSalaryHoverInPageLanguage(t *testing.T) {
	c := newClient(t, "languages")
	const en, de = "content/roles/backend.md", "content/roles/backend.de.md"
	enText, deText := c.file(en), c.file(de)
	const nbsp = "\u00a0"
	tests := []struct {
		name, text, line, word, want string
	}{
		{en, enText, "  min: 55000", "min", "Salary range: **€55,000–€79,850 a year** · Median €65,000"},
		{de, deText, "  min: 55000", "min", "Gehaltsspanne: **55.000" + nbsp + "€–79.850" + nbsp + "€ im Jahr** · Median 65.000" + nbsp + "€"},
		{de, deText, "  period: year", "year", "Gehaltsspanne: **55.000" + nbsp + "€–79.850" + nbsp + "€ im Jahr**"},
		{de, deText, "      max: 52000", "max", "**40.000" + nbsp + "€–52.000" + nbsp + "€ im Jahr**"},
		{de, deText, "{currency: EUR, min: 70000", "min", "**70.000" + nbsp + "€–95.000" + nbsp + "€ im Jahr**"},
		{en, enText, "      max: 52000", "max", "**€40,000–€52,000 a year**"},
	}
	for _, tt := range tests {
		if got := c.hoverOn(tt.name, tt.text, tt.line, tt.word); !strings.Contains(got, tt.want) {
			t.Errorf("%s: hover on %q in %q = %q, want %q in it", tt.name, tt.word, tt.line, got, tt.want)
		}
	}
}

// TestSalaryHoverAgreesWithThePage: what hover writes of a salary is what
// the built page shows, in each language: the salary card's label, range
// and median line (layouts/partials/salary.html), and a career path
// step's range (layouts/partials/step.html).
func TestSalaryHoverAgreesWithThePage(t *testing.T) {
	c := newClient(t, "languages")
	dest := t.TempDir()
	if _, err := site.Build(t.Context(), site.Options{Source: c.dir, Dest: dest, Theme: careersite.Theme()}); err != nil {
		t.Fatal(err)
	}
	shown := func(page, class string) string { // the text of the first element of class
		m := regexp.MustCompile(`class="` + class + `">([^<]*)<`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("the page has no %s:\n%s", class, page)
		}
		return html.UnescapeString(m[1])
	}
	for name, out := range map[string]string{"content/roles/backend.md": "roles/backend/index.html", "content/roles/backend.de.md": "de/roles/backend/index.html"} {
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(out)))
		if err != nil {
			t.Fatal(err)
		}
		page, text := string(b), c.file(name)
		card := shown(page, "salary__label") + ": **" + shown(page, "salary__amount") + "** · " + shown(page, "salary__note salary__median-line")
		if got := c.hoverOn(name, text, "  min: 55000", "min"); !strings.Contains(got, card) {
			t.Errorf("%s: hover on the salary = %q, want the card %q (%s) in it", name, got, card, out)
		}
		step := "**" + shown(page, "steps__salary") + "**"
		if got := c.hoverOn(name, text, "      max: 52000", "max"); !strings.Contains(got, step) {
			t.Errorf("%s: hover on the first step's salary = %q, want the step's %q (%s) in it", name, got, step, out)
		}
	}
}

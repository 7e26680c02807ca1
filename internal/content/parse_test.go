package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/config"
)

// The same page, with its bad date on line 7, in each front-matter format.
func TestParseTrueLineNumbers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "yaml",
			in:   "---\ntitle: X\ndescription: d\ntags:\n  - a\n  - b\ndate: next week\n---\nbody\n",
			want: `content/x.md:7:7: date: cannot parse "next week" as a date (want YYYY-MM-DD)`,
		},
		{
			name: "toml",
			in:   "+++\ntitle = \"X\"\ndescription = \"d\"\ntags = [\n  \"a\",\n]\ndate = \"next week\"\n+++\nbody\n",
			want: `content/x.md:7:8: date: cannot parse "next week" as a date (want YYYY-MM-DD)`,
		},
		{
			name: "json",
			in:   "{\n  \"title\": \"X\",\n  \"description\": \"d\",\n  \"tags\": [\n    \"a\"\n  ],\n  \"date\": \"next week\"\n}\n\nbody\n",
			want: `content/x.md:7:11: date: cannot parse "next week" as a date (want YYYY-MM-DD)`,
		},
		{
			name: "yaml after blank lines",
			in:   "\n\n---\ntitle: X\ndate: 2024-01-01\nweight: heavy\n---\n",
			want: `content/x.md:6:9: weight: want an integer, got "heavy"`,
		},
		{
			name: "yaml syntax",
			in:   "---\ntitle: X\ndate: 2024-01-01\ntags: [a, b\nweight: 1\n---\n",
			want: `content/x.md:4:1: invalid YAML: did not find expected ',' or ']'`,
		},
		{
			name: "toml syntax",
			in:   "+++\ntitle = \"X\"\ndate = 2024-01-01\nweight = \n+++\n",
			want: `content/x.md:4:10: invalid TOML: expected value but found '\n' instead`,
		},
		{
			name: "json syntax",
			in:   "{\n  \"title\": \"X\",\n  \"date\": \"2024-01-01\"\n  \"weight\": 1\n}\n",
			want: `content/x.md:4:3: invalid JSON: invalid character '"' after object key:value pair`,
		},
		{
			name: "toml nested",
			in:   "+++\ntitle = \"X\"\ndate = 2024-01-01\n\n[salary]\nmin = 1\n\n[[career_path]]\ntitle = \"Junior\"\n[[career_path]]\ntitle = 'Senior'\nyears = { n = \"x\" }\n+++\n",
			want: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("content/x.md", []byte(tt.in), config.Default())
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Parse(%q) error =\n%s\nwant\n%s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseBOMAndCRLF(t *testing.T) {
	in := "\ufeff---\r\ntitle: Café\r\ndate: 2024-01-02\r\n---\r\n# Hi\r\n\r\ntext\r\n"
	p, err := Parse("content/jobs/x.md", []byte(in), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	if want := "# Hi\n\ntext\n"; string(p.Body) != want {
		t.Errorf("Body = %q, want %q", p.Body, want)
	}
	if p.BodyLine != 5 || p.Title != "Café" || p.Kind != "job" || p.URL != "/jobs/x/" || p.Section != "jobs" {
		t.Errorf("Parse = %+v", p)
	}
	if want := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC); !p.Date.Equal(want) {
		t.Errorf("Date = %v, want %v", p.Date, want)
	}
}

// TestParseLoneCR reads a file with old Mac line endings (CR alone) as
// editors and YAML do: one line each, so an error is at its true line.
func TestParseLoneCR(t *testing.T) {
	in := "---\rtitle: T\rdate: 2024-01-02\r---\rtext\r"
	p, err := Parse("content/jobs/x.md", []byte(in), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	if p.BodyLine != 5 || string(p.Body) != "text\n" {
		t.Errorf("BodyLine = %d, Body = %q, want 5 and %q", p.BodyLine, p.Body, "text\n")
	}
	_, err = Parse("content/jobs/x.md", []byte("---\r\rd\r---\r"), config.Default())
	if want := "content/jobs/x.md:3:1: want a mapping"; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
}

func TestParseFrontMatterFormatsAgree(t *testing.T) {
	inputs := map[string]string{
		"yaml": "---\ntitle: X\ndate: 2024-01-02\ntags: [a, b]\nweight: 3\nsalary: {min: 1, max: 2.5}\nopen: true\n---\nbody\n",
		"toml": "+++\ntitle = \"X\"\ndate = 2024-01-02\ntags = [\"a\", \"b\"]\nweight = 3\nsalary = {min = 1, max = 2.5}\nopen = true\n+++\nbody\n",
		"json": "{\n\"title\": \"X\", \"date\": \"2024-01-02\", \"tags\": [\"a\", \"b\"], \"weight\": 3,\n\"salary\": {\"min\": 1, \"max\": 2.5}, \"open\": true\n}\n\nbody\n",
	}
	want := FrontMatter{
		Title: "X", Date: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), Tags: []string{"a", "b"}, Weight: 3,
		Params: map[string]any{"salary": map[string]any{"min": 1, "max": 2.5}, "open": true},
	}
	for name, in := range inputs {
		p, err := Parse("content/x.md", []byte(in), config.Default())
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(p.FrontMatter, want) {
			t.Errorf("%s: FrontMatter =\n%#v\nwant\n%#v", name, p.FrontMatter, want)
		}
		if string(p.Body) != "body\n" {
			t.Errorf("%s: Body = %q, want %q", name, p.Body, "body\n")
		}
	}
}

func TestParseErrorsSortedByLine(t *testing.T) {
	in := "---\ntitel: X\ndate: 2024-01-02\nweight: x\ndraft: maybe\nkind: jbo\nslug: a/b\n---\n"
	_, err := Parse("content/jobs/x.md", []byte(in), config.Default())
	want := strings.Join([]string{
		`content/jobs/x.md:1:1: missing required "title"`,
		`content/jobs/x.md:2:1: unknown key "titel"; did you mean "title"?`,
		`content/jobs/x.md:4:9: weight: want an integer, got "x"`,
		`content/jobs/x.md:5:8: draft: want true or false, got "maybe"`,
		`content/jobs/x.md:6:7: kind: want one of job, role, certification or article, got "jbo"; did you mean "job"?`,
		`content/jobs/x.md:7:7: slug: must not contain "/" or "\", got "a/b"`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("Parse error =\n%v\nwant\n%s", err, want)
	}
}

func TestParseNestedIndex(t *testing.T) {
	in := "---\ntitle: Deep notes\n---\n"
	_, err := Parse("content/notes/deep/_index.md", []byte(in), config.Default())
	want := "content/notes/deep/_index.md:1:1: sections are one level deep, so content/notes/deep cannot be a section of its own as in Hugo; " +
		"put the section's text in content/notes/_index.md, or rename this file content/notes/deep.md for a page at /notes/deep/"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error =\n%v\nwant\n%s", err, want)
	}
	for _, ok := range []string{"content/notes/_index.md", "content/_index.md"} {
		if _, err := Parse(ok, []byte(in), config.Default()); err != nil {
			t.Errorf("Parse(%s): %v", ok, err)
		}
	}
}

// The same job, its salary's max below its min on line 8, in each
// front-matter format: career errors are at true file positions too.
func TestParseCareerTrueLineNumbers(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{
			name: "yaml",
			in:   "---\ntitle: X\ndate: 2024-01-02\nresponsibilities: [a]\nsalary:\n  currency: USD\n  min: 10\n  max: 5\n  period: year\n---\n",
			want: "content/jobs/x.md:8:8: salary.max: 5 is less than min (10); want min <= p10 <= p25 <= median <= p75 <= p90 <= max",
		},
		{
			name: "toml",
			in:   "+++\ntitle = \"X\"\ndate = 2024-01-02\nresponsibilities = [\"a\"]\n[salary]\ncurrency = \"USD\"\nmin = 10\nmax = 5\nperiod = \"year\"\n+++\n",
			want: "content/jobs/x.md:8:7: salary.max: 5 is less than min (10); want min <= p10 <= p25 <= median <= p75 <= p90 <= max",
		},
		{
			name: "json",
			in:   "{\n\"title\": \"X\",\n\"date\": \"2024-01-02\",\n\"responsibilities\": [\"a\"],\n\"salary\": {\n  \"currency\": \"USD\",\n  \"min\": 10,\n  \"max\": 5,\n  \"period\": \"year\"}\n}\n\n",
			want: "content/jobs/x.md:8:10: salary.max: 5 is less than min (10); want min <= p10 <= p25 <= median <= p75 <= p90 <= max",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("content/jobs/x.md", []byte(tt.in), config.Default())
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse(%q) error =\n%v\nwant\n%s", tt.in, err, tt.want)
			}
		})
	}
}

// Kind-specific keys are typed and leave Params; other keys stay there.
func TestParseCareerKeysLeaveParams(t *testing.T) {
	in := "---\ntitle: Back-end developer\ndate: 2024-01-02\nresponsibilities: [Build APIs]\nseniority: mid\noffice: Lisbon\n---\n"
	p, err := Parse("content/jobs/x.md", []byte(in), config.Default())
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]any{"office": "Lisbon"}; !reflect.DeepEqual(p.Params, want) {
		t.Errorf("Params = %v, want %v", p.Params, want)
	}
	j := p.Career.Job
	if j == nil || j.Seniority != "mid" || j.Role != "Back-end developer" || len(j.Responsibilities) != 1 {
		t.Errorf("Career.Job = %+v, want seniority mid, role from the title, one responsibility", j)
	}
}

// TestHugoDates: Hugo's names of a page's dates, in any front-matter
// format, are errors that name ours, not params that leave the page
// without its dates.
func TestHugoDates(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"lastmod", "---\ntitle: X\ndate: 2024-01-02\nlastmod: 2024-03-01\n---\n",
			`content/guides/x.md:4:1: unknown key "lastmod"; Hugo's lastmod is "updated" here`},
		{"pubdate", "---\ntitle: X\ndate: 2024-01-02\npubdate: 2024-03-01\n---\n",
			`content/guides/x.md:4:1: unknown key "pubdate"; Hugo's pubdate is "publish_date" here`},
		{"toml unpublishdate", "+++\ntitle = \"X\"\ndate = 2024-01-02\nunpublishdate = 2030-01-01\n+++\n",
			`content/guides/x.md:4:1: unknown key "unpublishdate"; Hugo's unpublishdate is "expiry_date" here`},
		{"publishDate", "---\ntitle: X\ndate: 2024-01-02\npublishDate: 2024-03-01\n---\n",
			`content/guides/x.md:4:1: unknown key "publishDate"; Hugo's publishDate is "publish_date" here`},
		{"expiryDate", "---\ntitle: X\ndate: 2024-01-02\nexpiryDate: 2030-01-01\n---\n",
			`content/guides/x.md:4:1: unknown key "expiryDate"; Hugo's expiryDate is "expiry_date" here`},
		// Hugo reads front matter keys in any case.
		{"lastMod", "---\ntitle: X\ndate: 2024-01-02\nlastMod: 2024-03-01\n---\n",
			`content/guides/x.md:4:1: unknown key "lastMod"; Hugo's lastMod is "updated" here`},
		{"json ExpiryDate", "{\n\"title\": \"X\",\n\"date\": \"2024-01-02\",\n\"ExpiryDate\": \"2030-01-01\"\n}\n",
			`content/guides/x.md:4:1: unknown key "ExpiryDate"; Hugo's ExpiryDate is "expiry_date" here`},
	}
	for _, tt := range tests {
		_, err := Parse("content/guides/x.md", []byte(tt.in), config.Default())
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Parse error = %v, want %s", tt.name, err, tt.want)
		}
	}
	// An ordinary word is a param unless its value is a date.
	p, err := Parse("content/guides/x.md", []byte("---\ntitle: X\ndate: 2024-01-02\npublished: true\n---\n"), config.Default())
	if err != nil || p.Params["published"] != true {
		t.Errorf("published: true: error %v, params %v; want a param", err, p.Params)
	}
	if _, err := Parse("content/guides/x.md", []byte("---\ntitle: X\ndate: 2024-01-02\npublished: 2024-03-01\n---\n"), config.Default()); err == nil {
		t.Error("published: 2024-03-01 is no error, want one naming publish_date")
	}
}

// TestParseFileReusesReader parses a page through ParseFile as a build
// does, page after page: it allocates no more than a parser that reads
// every file (its front-matter reader made once) does, not a reader for
// each page.
func TestParseFileReusesReader(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector drops what sync.Pool holds")
	}
	data := []byte("---\ntitle: X\ndescription: d\ndate: 2024-01-01\ntags: [a, b]\n---\nbody\n")
	var s parser
	s.parse("content/x.md", data, nil)
	warm := testing.AllocsPerRun(50, func() { s.parse("content/x.md", data, nil) })
	got := testing.AllocsPerRun(50, func() {
		if _, err := ParseFile("content/x.md", data, nil); err != nil {
			t.Fatal(err)
		}
	})
	if got > warm {
		t.Errorf("ParseFile allocated %v times, a parser reused %v times", got, warm)
	}
}

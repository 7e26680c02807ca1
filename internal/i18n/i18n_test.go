package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/diag"
)

var theme = fstest.MapFS{
	"i18n/en.yaml": {Data: []byte(`formats:
  date: "{month} {day}, {year}"
  months: [January, February, March, April, May, June, July, August, September, October, November, December]
strings:
  published_on: "Published {0}"
  reading_time:
    one: "{0} minute read"
    other: "{0} minutes read"
  salary: "Salary: {0}"
  search: Search
`)},
	"i18n/de.yaml": {Data: []byte(`formats:
  date: "{day}. {month} {year}"
  months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]
strings:
  published_on: "Veröffentlicht am {0}"
  reading_time:
    one: "{0} Minute Lesezeit"
    other: "{0} Minuten Lesezeit"
  salary: "Gehalt: {0}"
`)},
	"i18n/ar.yaml": {Data: []byte(`strings:
  pages:
    zero: "لا صفحات"
    one: "صفحة واحدة"
    two: "صفحتان"
    few: "{0} صفحات"
    many: "{0} صفحة"
    other: "{0} صفحة"
`)},
}

func load(t *testing.T, site fstest.MapFS) (*Catalog, []*diag.Error) {
	t.Helper()
	c, warnings, err := Load(theme, site, []string{"en", "de", "ar"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	return c, warnings
}

func TestT(t *testing.T) {
	c, _ := load(t, fstest.MapFS{"i18n/de.yaml": {Data: []byte("strings:\n  salary: \"Jahresgehalt: {0}\"\n")}})
	day := time.Date(2025, time.June, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"en", "published_on", []any{day}, "Published June 2, 2025"},
		{"de", "published_on", []any{day}, "Veröffentlicht am 2. Juni 2025"},
		{"en", "reading_time", []any{1}, "1 minute read"},
		{"en", "reading_time", []any{7}, "7 minutes read"},
		{"de", "reading_time", []any{1}, "1 Minute Lesezeit"},
		{"de", "reading_time", []any{12}, "12 Minuten Lesezeit"},
		{"de", "salary", []any{79850}, "Jahresgehalt: 79.850"}, // the site's key over the theme's
		{"de", "search", nil, "Search"},                        // the default language's, with a warning
		{"ar", "pages", []any{0}, "لا صفحات"},                  // CLDR: zero
		{"ar", "pages", []any{2}, "صفحتان"},                    // two
		{"ar", "pages", []any{3}, "٣ صفحات"},                   // few, Arabic digits
		{"ar", "pages", []any{11}, "١١ صفحة"},                  // many
		{"fr", "search", nil, "Search"},                        // a language the site lacks: the default's
		{"en", "reading_time", []any{1.5}, "1.5 minutes read"}, // decimals: other
	} {
		got, err := c.For(tt.lang).T(tt.key, tt.args...)
		if err != nil || got != tt.want {
			t.Errorf("%s: T(%q, %v) = %q, %v; want %q", tt.lang, tt.key, tt.args, got, err, tt.want)
		}
	}
	if _, err := c.For("en").T("nope"); err == nil || !strings.Contains(err.Error(), `no string "nope" in i18n/en.yaml`) {
		t.Errorf(`T("nope") error = %v, want one naming the key and the file`, err)
	}
}

func TestMissingKeyWarnings(t *testing.T) {
	_, warnings := load(t, nil)
	var got []string
	for _, w := range warnings {
		got = append(got, w.Error())
	}
	want := []string{
		`i18n/ar.yaml: no "published_on"; the default language's (en) is used`,
		`i18n/ar.yaml: no "reading_time"; the default language's (en) is used`,
		`i18n/ar.yaml: no "salary"; the default language's (en) is used`,
		`i18n/ar.yaml: no "search"; the default language's (en) is used`,
		`i18n/de.yaml: no "search"; the default language's (en) is used`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFileErrors(t *testing.T) {
	site := fstest.MapFS{"i18n/de.yaml": {Data: []byte(`strings:
  a:
    one: x
  b:
    single: y
    other: z
  c: [1, 2]
formats:
  months: [Jan]
  colour: red
extra: 1
`)}}
	_, _, err := Load(theme, site, []string{"en", "de"}, "en")
	want := `i18n/de.yaml:2:3: strings: a: a plural needs its other form
i18n/de.yaml:5:5: strings: b: unknown plural category "single" (want zero, one, two, few, many or other)
i18n/de.yaml:7:6: strings: c: want text, or plural forms (one, other, …)
i18n/de.yaml:9:11: formats: months: want a list of the twelve month names
i18n/de.yaml:10:3: formats: unknown key "colour" (want date, months or money)
i18n/de.yaml:11:1: unknown key "extra" (want formats or strings)`
	if err == nil || err.Error() != want {
		t.Errorf("Load:\n%v\nwant:\n%s", err, want)
	}
}

// TestSumFor: an edit of a language's file changes its digest and that of
// no other language but those that fall back on it (the default's).
func TestSumFor(t *testing.T) {
	before, _ := load(t, nil)
	deEdit, _ := load(t, fstest.MapFS{"i18n/de.yaml": {Data: []byte("strings:\n  salary: \"Lohn: {0}\"\n")}})
	enEdit, _ := load(t, fstest.MapFS{"i18n/en.yaml": {Data: []byte("strings:\n  salary: \"Pay: {0}\"\n")}})
	for _, tc := range []struct {
		name  string
		after *Catalog
		code  string
		want  bool // changed
	}{
		{"de edit, de", deEdit, "de", true},
		{"de edit, en", deEdit, "en", false},
		{"de edit, ar", deEdit, "ar", false},
		{"en edit, en", enEdit, "en", true},
		{"en edit, de", enEdit, "de", true},
		{"en edit, ar", enEdit, "ar", true},
	} {
		if got := before.SumFor(tc.code) != tc.after.SumFor(tc.code); got != tc.want {
			t.Errorf("%s: SumFor(%q) changed = %v, want %v", tc.name, tc.code, got, tc.want)
		}
	}
	if before.SumFor("xx") != before.SumFor("en") {
		t.Errorf("SumFor(%q) is not the default language's", "xx")
	}
}

// TestTAllocs: a string with an argument costs the argument written, the
// values and the string, with no Replacer built for it.
func TestTAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under the race detector")
	}
	c, _ := load(t, nil)
	en := c.For("en")
	if n := testing.AllocsPerRun(100, func() { _, _ = en.T("salary", 79850) }); n > 4 {
		t.Errorf("T with an argument allocates %v times, want at most 4", n)
	}
}

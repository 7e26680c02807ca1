package sitefuncs

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
)

// T and the format functions speak the language of the page being
// rendered, or of the page a shortcode is on (its data's LanguageCode),
// and the default language where there is neither.
func TestStringsFollowThePage(t *testing.T) {
	files := fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("formats: {date: \"{month} {day}, {year}\", months: [January, February, March, April, May, June, July, August, September, October, November, December]}\nstrings: {updated: \"Updated {0}\"}\n")},
		"i18n/de.yaml": {Data: []byte("formats: {date: \"{day}. {month} {year}\", money: \"{amount}\u00a0{symbol}\", months: [Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember]}\nstrings: {updated: \"Aktualisiert am {0}\"}\n")},
	}
	c, _, err := i18n.Load(files, nil, []string{"en", "de"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	var f Funcs
	f.SetStrings(c)
	german := &model.Page{Language: &model.Language{Code: "de"}}
	day := time.Date(2025, time.June, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		data any
		want string
	}{
		{german, "Aktualisiert am 2. Juni 2025"},
		{&model.Page{Language: &model.Language{Code: "en"}}, "Updated June 2, 2025"},
		{inLanguage("de"), "Aktualisiert am 2. Juni 2025"},
		{"data without a language", "Updated June 2, 2025"},
	} {
		got, err := f.translate(dataOf(tt.data)).(func(string, ...any) (string, error))("updated", day)
		if err != nil || got != tt.want {
			t.Errorf("T with %v = %q, %v; want %q", tt.data, got, err, tt.want)
		}
	}
	money, _ := f.formatMoney(dataOf(german)).(func(float64, any) (string, error))(79850, "EUR")
	if want := "79.850\u00a0€"; money != want {
		t.Errorf("formatMoney on a German page = %q, want %q", money, want)
	}
}

// inLanguage is data of a shortcode on a page of a language, as
// shortcode.Context is.
type inLanguage string

func (l inLanguage) LanguageCode() string { return string(l) }

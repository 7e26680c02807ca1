package generate

import (
	"testing"
	"testing/fstest"

	careersite "github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/socialcard"
)

// TestCardWords: a card's kind and salary line are in its page's
// language, from the default theme's strings; a theme without the
// strings gets the English words.
func TestCardWords(t *testing.T) {
	theme, _, err := i18n.Load(careersite.Theme(), nil, []string{"en", "de"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	none, _, err := i18n.Load(fstest.MapFS{}, nil, []string{"en", "de"}, "en")
	if err != nil {
		t.Fatal(err)
	}
	job := func(lang string, cur career.Currency) *model.Page {
		return &model.Page{Kind: model.KindPage, Type: "job", Title: "Backend", Site: &model.Site{Title: "S"},
			Language: &model.Language{Code: lang},
			Job:      &career.Job{Salary: &career.Salary{Currency: cur, Min: 4144, Max: 6150, Period: "month"}}}
	}
	for _, tt := range []struct {
		name         string
		strs         *i18n.Catalog
		page         *model.Page
		kind, salary string
	}{
		{"German", theme, job("de", "EUR"), "Stellenbeschreibung", "4.144\u00a0€–6.150\u00a0€ im Monat"},
		{"English", theme, job("en", "USD"), "Job description", "$4,144–$6,150 a month"},
		{"no strings", none, job("de", "EUR"), "Job description", "€4.144–€6.150 a month"}, // x/text's digits, no money pattern,
	} {
		c := cardOf(tt.page, socialcard.DefaultColors(), stringsOf(tt.strs, tt.page))
		if c.Kind != tt.kind || c.Salary != tt.salary {
			t.Errorf("%s: card kind %q, salary %q; want %q, %q", tt.name, c.Kind, c.Salary, tt.kind, tt.salary)
		}
	}
}

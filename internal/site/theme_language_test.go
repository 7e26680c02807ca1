package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	careersite "github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/scaffold"
)

// TestThemeInGerman builds a site of two languages with the default theme,
// the new site's example pages and German copies of them paid in euros,
// and reads what the German pages write: amounts the German way in the
// lists' salary lines, the career-path chart and the certification's
// cost, and the theme's words in German, with no key of the theme's
// English strings missing from its German ones. The English pages keep
// the English way.
func TestThemeInGerman(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if _, err := scaffold.Init(src, "en", testNow); err != nil {
		t.Fatal(err)
	}
	appendFile(t, filepath.Join(src, "site.yaml"), "default_language: en\nlanguages:\n  en: {name: English, weight: 1}\n  de: {name: Deutsch, weight: 2}\n")
	for name, pay := range map[string][2]string{
		"content/jobs/data-analyst.md":                       {"min: 60000\n  max: 95000\n  period: year\n  median: 75000", "min: 4144\n  max: 6150\n  period: month\n  median: 5000"},
		"content/roles/data-analyst-career-path.md":          {"", ""},
		"content/certifications/example-data-certificate.md": {"", ""},
	} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		de := strings.ReplaceAll(string(b), "currency: USD", "currency: EUR")
		if pay[0] != "" {
			de = strings.Replace(de, pay[0], pay[1], 1)
		}
		writeFile(t, filepath.Join(src, strings.TrimSuffix(name, ".md")+".de.md"), []byte(de))
	}
	dest := filepath.Join(dir, "public")
	res, err := Build(context.Background(), Options{Source: src, Dest: dest, Now: testNow, Theme: careersite.Theme()})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if strings.HasPrefix(w.Error(), "i18n/") {
			t.Errorf("the theme's German strings lack a key: %v", w)
		}
	}
	const nb = "\u00a0"
	for page, wants := range map[string][]string{
		"de/jobs/index.html": {"4.144" + nb + "€–6.150" + nb + "€ im Monat"},
		"de/jobs/data-analyst/index.html": {
			"<dt>Berufserfahrung</dt><dd>2–5 Jahre</dd>", "<dt>Anstellung</dt><dd>Vollzeit</dd>",
			"Stellenbeschreibung",
		},
		"jobs/data-analyst/index.html": {"<dt>Experience</dt><dd>2–5 years</dd>", "<dt>Employment</dt><dd>Full-time</dd>"},
		"jobs/index.html":              {"$60,000–$95,000 a year"},
		"de/roles/data-analyst-career-path/index.html": {
			`fill="currentColor">55.000` + nb + "€–70.000" + nb + "€ im Jahr</text>",         // the chart
			`<span class="steps__salary">55.000` + nb + "€–70.000" + nb + "€ im Jahr</span>", // the steps
			`aria-label="Diagramm des Karrierewegs: Fachlaufbahn mit `, ">FACHLAUFBAHN</text>", " Jahre</text>",
		},
		"roles/data-analyst-career-path/index.html": {
			"$55,000–$70,000 a year</text>",
			`aria-label="Career path chart: individual contributor track, `, ">INDIVIDUAL CONTRIBUTOR</text>", " years</text>",
		},
		"de/certifications/example-data-certificate/index.html": {
			"<dt>Kosten</dt><dd>300" + nb + "€ einmalig",
			"Etwa 4 Monate bei 8 Stunden pro Woche",
		},
		"certifications/example-data-certificate/index.html": {"<dt>Cost</dt><dd>$300 one-time", "About 4 months at 8 hours a week"},
	} {
		b, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Error(err)
			continue
		}
		for _, want := range wants {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
	}
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

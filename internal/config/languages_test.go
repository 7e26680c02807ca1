package config

import (
	"testing"
	"testing/fstest"
)

func TestDirection(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"en", "ltr"}, {"de", "ltr"}, {"pt-BR", "ltr"},
		{"ar", "rtl"}, {"he", "rtl"}, {"fa", "rtl"}, {"ur", "rtl"},
		{"az-Arab", "rtl"}, {"sr-Latn", "ltr"}, {"not a code", "ltr"},
	} {
		if got := Direction(tt.code); got != tt.want {
			t.Errorf("Direction(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestLanguageList(t *testing.T) {
	c := load(t, "title: T\nlanguages:\n  fr: {weight: 2}\n  de: {weight: 2}\n  en: {weight: 1}\n")
	var got []string
	for _, l := range c.LanguageList() {
		got = append(got, l.Code+" "+l.Name+" "+l.Prefix)
	}
	want := []string{"en English ", "de Deutsch de/", "fr français fr/"}
	if len(got) != len(want) {
		t.Fatalf("LanguageList = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("LanguageList[%d] = %q, want %q", i, got[i], want[i])
		}
	}
	if !c.Multilingual() {
		t.Error("Multilingual() = false with three languages")
	}
}

// TestOneLanguage: a site without languages: has exactly one language, at
// the root, and is not multilingual.
func TestOneLanguage(t *testing.T) {
	c := load(t, "title: T\nlanguage: de\n")
	list := c.LanguageList()
	if c.Multilingual() || len(list) != 1 {
		t.Fatalf("Multilingual() = %v, LanguageList() = %+v; want false and one language", c.Multilingual(), list)
	}
	if l := list[0]; l.Code != "de" || l.Name != "Deutsch" || l.Prefix != "" || l.Title != "T" || l.Dir != "ltr" {
		t.Errorf("LanguageList()[0] = %+v", l)
	}
	if _, ok := c.LanguageOf("en"); ok {
		t.Error(`LanguageOf("en") found a language the site does not have`)
	}
}

func load(t *testing.T, yaml string) *Config {
	t.Helper()
	c, err := Load(fstest.MapFS{Name: {Data: []byte(yaml)}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Package i18n holds the strings of a site's templates in each of its
// languages, and writes them with T:
//
//	{{ T "published_on" .Date }}
//	{{ T "reading_time" .ReadingTime }}
//
// # Files
//
// A language's strings are in i18n/CODE.yaml ("i18n/de.yaml"), in the
// theme and in the site: [Load] reads both, and a key of the site's file
// wins over the theme's, key by key, as a site's layout wins over the
// theme's. A file holds two mappings:
//
//	formats:
//	  date: "{day}. {month} {year}"
//	  months: [Januar, Februar, …, Dezember]
//	  money: "{amount} {symbol}"
//	strings:
//	  published_on: "Veröffentlicht am {0}"
//	  reading_time:
//	    one: "{0} Minute Lesezeit"
//	    other: "{0} Minuten Lesezeit"
//
// formats are the [locale.Patterns] that golang.org/x/text cannot give
// (internal/locale says why); each of date, months and money is the
// site's when its file sets it, else the theme's.
//
// A string is text, or a mapping from CLDR plural categories (zero, one,
// two, few, many, other; other required) to text. {0}, {1} … stand for
// T's arguments after the key: a number is written the language's way
// ("79.850"), a time.Time as a date ("2. Juni 2025"), a non-nil *int as
// its number, anything else as fmt.Sprint writes it. The category is chosen by the first argument that
// is a whole number, by golang.org/x/text/feature/plural's CLDR rules for
// the language (English and German: one for 1, other for the rest;
// Arabic has six); without one, or for a number with decimals, it is other.
//
// # Problems
//
// A file that is not such YAML, a category that is none of CLDR's and a
// plural without other are errors at their line and column. A key of the
// default language that another language lacks is a warning naming the
// file that should have it and the key ("i18n/de.yaml: no "x"; the
// default language's is used"), and T gives the default language's
// string. T of a key that no file has is an error of the template that
// called it.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/careersite/careersite/internal/locale"
)

// Dir is the folder of the string files, in the theme and in the site.
const Dir = "i18n"

// message is one string: its text for each plural category it has.
type message map[plural.Form]string

// Strings are the strings and formats of one language.
type Strings struct {
	code     string
	tag      language.Tag
	messages map[string]message
	locale   *locale.Locale
	fallback *Strings // the default language's; nil for it
}

// Locale writes the language's numbers, money and dates.
func (s *Strings) Locale() *locale.Locale { return s.locale }

// T is the string of key in the language with args in its places, the
// plural category chosen by the first whole-number argument; the default
// language's when the language has no such key.
func (s *Strings) T(key string, args ...any) (string, error) {
	m, ok := s.messages[key]
	from := s
	if !ok && s.fallback != nil {
		m, ok = s.fallback.messages[key]
		from = s.fallback
	}
	if !ok {
		return "", fmt.Errorf("no string %q in %s/%s.yaml", key, Dir, s.code)
	}
	text, ok := m[from.category(args)]
	if !ok {
		text = m[plural.Other]
	}
	return s.fill(text, args), nil
}

// category is the plural category of the first whole-number argument,
// other when there is none.
func (s *Strings) category(args []any) plural.Form {
	for _, a := range args {
		if n, ok := wholeNumber(a); ok {
			return plural.Cardinal.MatchPlural(s.tag, n, 0, 0, 0, 0)
		}
	}
	return plural.Other
}

// wholeNumber returns a as an int when it is an integer, or a float
// without decimals, that fits one.
func wholeNumber(a any) (int, bool) {
	switch v := a.(type) {
	case int:
		return v, true
	case *int: // an optional number of front matter (career.Years.Max)
		if v != nil {
			return *v, true
		}
	case int64:
		return int(v), true
	case float64:
		if v == float64(int(v)) {
			return int(v), true
		}
	}
	return 0, false
}

// fill puts the arguments in their places, each written the language's way.
func (s *Strings) fill(text string, args []any) string {
	if len(args) == 0 || !strings.Contains(text, "{") {
		return text
	}
	values := make([]string, len(args))
	for i, a := range args {
		values[i] = s.format(a)
	}
	return locale.Fill(text, func(name string) (string, bool) {
		i, err := strconv.Atoi(name)
		if err != nil || i < 0 || i >= len(values) || strconv.Itoa(i) != name {
			return "", false // not "{0}", "{1}", … of an argument
		}
		return values[i], true
	})
}

// format writes one argument of T.
func (s *Strings) format(a any) string {
	switch v := a.(type) {
	case time.Time:
		return s.locale.Date(v)
	case int:
		return s.locale.Number(float64(v))
	case *int:
		if v != nil {
			return s.locale.Number(float64(*v))
		}
	case int64:
		return s.locale.Number(float64(v))
	case float64:
		return s.locale.Number(v)
	}
	return fmt.Sprint(a)
}

// Or is the string key of the language, or the default language's, with
// no arguments; fallback when no file has the key. It is for the words
// careersite writes in Go (a social card's kind, a chart's pay), which a
// site whose theme has no such strings still needs: they are then the
// English words careersite has always written.
func (s *Strings) Or(key, fallback string) string {
	if t, err := s.T(key); err == nil {
		return t
	}
	return fallback
}

// Money writes amount in the currency of the ISO 4217 code the
// language's way (locale.Locale.Money): "$79,850", "79.850 €".
func (s *Strings) Money(amount float64, code string) string {
	return s.locale.Money(amount, code)
}

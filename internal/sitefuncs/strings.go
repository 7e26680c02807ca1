package sitefuncs

import (
	"errors"
	"fmt"
	"html/template"
	"time"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/i18n"
	"github.com/careersite/careersite/internal/model"
	"github.com/careersite/careersite/internal/pathchart"
)

// The functions of a page's language (internal/i18n, internal/locale),
// bound to the language of the page being rendered, or of the page whose
// body a shortcode is in (its data has a LanguageCode: shortcode.Context);
// the default language's in a render hook, which has neither:
//
//   - T KEY ARGS…: the string KEY of the language's i18n file with ARGS in
//     its places, in the plural form the first whole number asks for;
//   - formatDate TIME: "June 2, 2025", "2. Juni 2025";
//   - formatNumber N: "79,850", "79.850";
//   - formatMoney N CODE: "$79,850", "79.850 €";
//   - careerPathSVG STEPS: the career-path chart (pathchart.SVG), its
//     words the language's strings and its pay written as the theme's
//     money.html writes it (career.Salary.RangeIn).

// SetStrings sets the site's strings, for T and the format functions.
func (f *Funcs) SetStrings(c *i18n.Catalog) {
	f.mu.Lock()
	f.strings = c
	f.mu.Unlock()
}

// stringsFor returns the strings of the language of the page data is,
// or of the page of the shortcode data is, or of the default language.
func (f *Funcs) stringsFor(data any) (*i18n.Strings, error) {
	f.mu.RLock()
	c := f.strings
	f.mu.RUnlock()
	if c == nil {
		return nil, errors.New("the site's strings (i18n/) are not loaded")
	}
	if p, ok := data.(*model.Page); ok && p != nil && p.Language != nil {
		return c.For(p.Language.Code), nil
	}
	if l, ok := data.(interface{ LanguageCode() string }); ok {
		return c.For(l.LanguageCode()), nil
	}
	return c.For(""), nil
}

// translate is the ExecFunc of T.
func (f *Funcs) translate(data func() any) any {
	return func(key string, args ...any) (string, error) {
		s, err := f.stringsFor(data())
		if err != nil {
			return "", err
		}
		return s.T(key, args...)
	}
}

// formatDate is the ExecFunc of formatDate.
func (f *Funcs) formatDate(data func() any) any {
	return func(t time.Time) (string, error) {
		s, err := f.stringsFor(data())
		if err != nil {
			return "", err
		}
		return s.Locale().Date(t), nil
	}
}

// formatNumber is the ExecFunc of formatNumber.
func (f *Funcs) formatNumber(data func() any) any {
	return func(n float64) (string, error) {
		s, err := f.stringsFor(data())
		if err != nil {
			return "", err
		}
		return s.Locale().Number(n), nil
	}
}

// formatMoney is the ExecFunc of formatMoney. The code is any value
// that prints as an ISO 4217 code: a string, or a career.Currency.
func (f *Funcs) formatMoney(data func() any) any {
	return func(n float64, code any) (string, error) {
		s, err := f.stringsFor(data())
		if err != nil {
			return "", err
		}
		return s.Locale().Money(n, fmt.Sprint(code)), nil
	}
}

// careerPathSVG is the ExecFunc of careerPathSVG.
func (f *Funcs) careerPathSVG(data func() any) any {
	return func(steps []career.Step) (template.HTML, error) {
		s, err := f.stringsFor(data())
		if err != nil {
			return "", err
		}
		return pathchart.SVG(steps, s), nil
	}
}

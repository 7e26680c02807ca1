package locale

import (
	"math"
	"testing"
)

// TestFastMatchesXText: every figure the site can write is written by the
// hand-written path exactly as x/text writes it, including the languages
// the fast path must leave to x/text (Indian grouping, Arabic digits).
func TestFastMatchesXText(t *testing.T) {
	langs := []struct {
		code string
		p    Patterns
	}{
		{"en", english}, {"de", german}, {"fr", Patterns{Money: "{amount}\u00a0{symbol}"}},
		{"pt-BR", Patterns{Money: "{symbol}\u00a0{amount}"}}, {"en-IN", english},
		{"es", Patterns{}}, {"de-CH", german}, {"ar", Patterns{}}, {"hi", Patterns{}},
		{"en", Patterns{Money: "{symbol}"}}, {"en", Patterns{Money: "{amount} {amount}"}},
	}
	currencies := []string{"USD", "EUR", "GBP", "JPY", "INR", "CHF", "XYZ"}
	amounts := []float64{0, 5, 12, 999, 1000, 9999, 10000, 79850, 123456, 1234567, 1234567890,
		-5, -999, -1000, -79850, -1234567, math.Copysign(0, -1), 38.5, 1234.56, 1 << 53, 1e20}
	for _, lang := range langs {
		l := mustNew(t, lang.code, lang.p)
		for _, x := range amounts {
			if got, want := l.Number(x), l.xNumber(x); got != want {
				t.Errorf("%s: Number(%v) = %q, x/text writes %q", lang.code, x, got, want)
			}
			for _, c := range currencies {
				if got, want := l.Money(x, c), l.xMoney(x, c); got != want {
					t.Errorf("%s %q: Money(%v, %q) = %q, x/text writes %q", lang.code, lang.p.Money, x, c, got, want)
				}
			}
		}
	}
}

// TestFastPathTaken: the languages the site ships are written by hand,
// and Indian grouping ("12,34,567") is left to x/text.
func TestFastPathTaken(t *testing.T) {
	for code, want := range map[string]bool{"en": true, "de": true, "fr": true, "pt-BR": true, "en-IN": false, "ar": false} {
		if got := mustNew(t, code, Patterns{}).wholeNumbers().ok; got != want {
			t.Errorf("%s: fast path = %v, want %v", code, got, want)
		}
	}
}

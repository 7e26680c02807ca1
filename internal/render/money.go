package render

import (
	"fmt"
	"math"
	"reflect"
	"strings"
)

// The money function.
//
//	{{ money AMOUNT CURRENCY [MAX [PER]] }}
//
// is {{ partial "money.html" (dict "amount" AMOUNT "currency" CURRENCY
// "max" MAX "per" PER) }}, the keys only of the arguments given, and
// writes the same bytes. When layouts/partials/money.html is the default
// theme's, word for word (themeMoney), it is computed in Go: a salary
// table or a salary card calls it for every figure, and the partial's
// template, a dict, a walk of eight actions and three reflective calls a
// figure, was most of a salary table's cost. Any other money.html, a
// site's or another theme's, runs as the partial, so overriding it works
// as it does for every partial. money_test.go checks that themeMoney is
// the theme's file and that the two agree on every kind of value.

// moneyPartial is the partial that money stands for.
const moneyPartial = "layouts/partials/money.html"

// themeMoney is the default theme's layouts/partials/money.html, which
// goMoney computes. Change both together (TestThemeMoney fails until then).
const themeMoney = `{{- /* dict "amount" N "currency" C ["max" N] ["per" TEXT]: an amount, or a
       range from amount to max, in currency C (a career.Currency: "$" for USD,
       "€" for EUR, "£" for GBP, else its code), followed by a period such as
       "a year": "$95,000–$140,000 a year". */ -}}
{{- $sym := "" }}{{ with .currency }}{{ $sym = .Symbol }}{{ end -}}
{{ $sym }}{{ number .amount }}
{{- with .max }}{{ if ne . $.amount }}–{{ $sym }}{{ number . }}{{ end }}{{ end }}
{{- with .per }} {{ . }}{{ end -}}
`

// money is the "money" func of an instance (see above).
func (in *instance) money(amount, currency any, rest ...any) (any, error) {
	if len(rest) > 2 {
		return nil, fmt.Errorf("want an amount, a currency, a maximum and a period at most, got %d arguments", len(rest)+2)
	}
	if in.r.goMoney {
		if s, ok := goMoney(amount, currency, rest); ok {
			return s, nil // text, which html/template escapes as it escaped each part in the partial
		}
	}
	data := map[string]any{"amount": amount, "currency": currency}
	for i, key := range []string{"max", "per"}[:len(rest)] {
		data[key] = rest[i]
	}
	return in.partial("money.html", data)
}

// symbol is what the theme's money.html calls on a currency.
type symbol interface{ Symbol() string }

// goMoney is the theme's money.html in Go, for the values on which it is
// sure to write what the template writes: finite float64 amounts, a
// currency of a string type with a Symbol method, a period that is a
// string. ok is false for anything else, which runs the template.
func goMoney(amount, currency any, rest []any) (s string, ok bool) {
	lo, ok := finite(amount)
	if !ok {
		return "", false
	}
	sym, ok := currencySymbol(currency)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteString(sym)
	b.WriteString(mustFormat(lo))
	if len(rest) > 0 {
		hi, ok := finite(rest[0])
		if !ok {
			return "", false
		}
		if hi != 0 && hi != lo { // {{ with .max }}{{ if ne . $.amount }}
			b.WriteString("–")
			b.WriteString(sym)
			b.WriteString(mustFormat(hi))
		}
	}
	if len(rest) > 1 {
		per, ok := rest[1].(string)
		if !ok {
			return "", false
		}
		if per != "" {
			b.WriteString(" ")
			b.WriteString(per)
		}
	}
	return b.String(), true
}

// finite returns v when it is a finite float64.
func finite(v any) (float64, bool) {
	f, ok := v.(float64)
	return f, ok && !math.IsNaN(f) && !math.IsInf(f, 0)
}

// currencySymbol returns what {{ with .currency }}{{ $sym = .Symbol }}{{ end }}
// sets $sym to, for a currency of a string type with a Symbol method (or
// nil): nothing for an empty one, as with skips it.
func currencySymbol(c any) (string, bool) {
	if c == nil {
		return "", true
	}
	sy, ok := c.(symbol)
	if !ok || reflect.TypeOf(c).Kind() != reflect.String {
		return "", false
	}
	if reflect.ValueOf(c).Len() == 0 {
		return "", true
	}
	return sy.Symbol(), true
}

// mustFormat is number of a finite float64, which cannot fail.
func mustFormat(f float64) string {
	s, _ := formatFloat(f)
	return s
}

package render

import (
	"fmt"
	"reflect"
	"strings"
)

// The money function.
//
//	{{ money AMOUNT CURRENCY [MAX [PERIOD]] }}
//
// is {{ partial "money.html" (dict "amount" AMOUNT "currency" CURRENCY
// "max" MAX "per" PERIOD) }}, the keys only of the arguments given, and
// writes the same bytes. When layouts/partials/money.html is the default
// theme's, word for word (themeMoney), it is computed in Go: a salary
// table or a salary card calls it for every figure, and the partial's
// template, a dict, a walk of eight actions and three reflective calls a
// figure, was most of a salary table's cost. Any other money.html, a
// site's or another theme's, runs as the partial, so overriding it works
// as it does for every partial. money_test.go checks that themeMoney is
// the theme's file and that the two agree on every kind of value.
//
// The theme's money.html writes in the language of the page being
// rendered, through the ExecFuncs formatMoney and T (internal/sitefuncs):
// computed in Go, money calls the same two functions as the instance
// binds them (instance.bound), so it cannot write another language than
// the partial would.

// moneyPartial is the partial that money stands for.
const moneyPartial = "layouts/partials/money.html"

// themeMoney is the default theme's layouts/partials/money.html, which
// goMoney computes. Change both together (TestThemeMoney fails until then).
const themeMoney = `{{- /* dict "amount" N "currency" C ["max" N] ["per" PERIOD]: an amount,
       or a range from amount to max, in currency C (an ISO 4217 code:
       "EUR"), written the page's language's way by formatMoney, followed by
       the period's words in that language (T "per_year": "a year", "im
       Jahr"): "$95,000–$140,000 a year", "4.144 €–6.150 € im Monat". */ -}}
{{ formatMoney .amount .currency }}
{{- with .max }}{{ if ne . $.amount }}–{{ formatMoney . $.currency }}{{ end }}{{ end }}
{{- with .per }} {{ T (print "per_" .) }}{{ end -}}
`

// money is the "money" func of an instance (see above).
func (in *instance) money(amount, currency any, rest ...any) (any, error) {
	if len(rest) > 2 {
		return nil, fmt.Errorf("want an amount, a currency, a maximum and a period at most, got %d arguments", len(rest)+2)
	}
	if in.r.goMoney {
		if s, ok, err := in.goMoney(amount, currency, rest); ok {
			return s, err // text, which html/template escapes as it escaped each part in the partial
		}
	}
	data := map[string]any{"amount": amount, "currency": currency}
	for i, key := range []string{"max", "per"}[:len(rest)] {
		data[key] = rest[i]
	}
	return in.partial("money.html", data)
}

// The functions the theme's money.html calls, as sitefuncs binds them.
type (
	formatMoneyFunc = func(float64, any) (string, error)
	translateFunc   = func(string, ...any) (string, error)
)

// goMoney is the theme's money.html in Go, for the values on which it is
// sure to do what the template does: float64 amounts, a period of a
// string kind, and formatMoney and T bound in the instance with the
// types sitefuncs gives them. ok is false for anything else, which runs
// the template.
func (in *instance) goMoney(amount, currency any, rest []any) (s string, ok bool, err error) {
	format, ok1 := in.bound["formatMoney"].(formatMoneyFunc)
	translate, ok2 := in.bound["T"].(translateFunc)
	lo, ok3 := amount.(float64)
	if !ok1 || !ok2 || !ok3 {
		return "", false, nil
	}
	var hi float64
	if len(rest) > 0 {
		if hi, ok = rest[0].(float64); !ok {
			return "", false, nil
		}
	}
	var per any
	if len(rest) > 1 {
		per = rest[1]
		if per != nil && reflect.TypeOf(per).Kind() != reflect.String {
			return "", false, nil
		}
	}
	var b strings.Builder
	if err := writeMoney(&b, format, lo, currency); err != nil {
		return "", true, err
	}
	if hi != 0 && hi != lo { // {{ with .max }}{{ if ne . $.amount }}: NaN is true, and unequal to itself
		b.WriteString("–")
		if err := writeMoney(&b, format, hi, currency); err != nil {
			return "", true, err
		}
	}
	if per != nil && reflect.ValueOf(per).Len() > 0 { // {{ with .per }}
		words, err := translate(fmt.Sprint("per_", per)) // print is fmt.Sprint
		if err != nil {
			return "", true, err
		}
		b.WriteString(" ")
		b.WriteString(words)
	}
	return b.String(), true, nil
}

// writeMoney writes {{ formatMoney AMOUNT CURRENCY }}.
func writeMoney(b *strings.Builder, format formatMoneyFunc, amount float64, currency any) error {
	s, err := format(amount, currency)
	b.WriteString(s)
	return err
}

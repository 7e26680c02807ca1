package render

import (
	"fmt"
	"html/template"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/career"
)

// TestThemeMoney: themeMoney is the default theme's money.html, so that
// money computes in Go what the theme's file writes.
func TestThemeMoney(t *testing.T) {
	src, err := os.ReadFile("../../layouts/partials/money.html")
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != themeMoney {
		t.Errorf("layouts/partials/money.html is not themeMoney: change goMoney to write what the file writes, then themeMoney to the file's text")
	}
}

// moneyCases are the arguments of money calls, amounts and currencies of
// every kind the fast path takes or declines.
func moneyCases() [][]any {
	amounts := []any{0.0, 1.0, 95000.0, 1234.5, -1234567.25, 0.004, 1e21, math.NaN(), math.Inf(1), 95000, "95000", nil}
	currencies := []any{career.Currency("USD"), career.Currency("EUR"), career.Currency("GBP"), career.Currency("CHF"),
		career.Currency(""), career.Currency("<&'+\">"), "USD", nil}
	maxes := []any{0.0, 95000.0, 140000.0, 1234.5, 95000, nil}
	pers := []any{"year", "", "<b>&'+\"", career.Period("month"), "bad", 12, nil}
	var cases [][]any
	for _, a := range amounts {
		for _, c := range currencies {
			cases = append(cases, []any{a, c})
			for _, m := range maxes {
				cases = append(cases, []any{a, c, m})
				for _, p := range pers {
					cases = append(cases, []any{a, c, m, p})
				}
			}
		}
	}
	return cases
}

// TestMoneyAsPartial: money writes what the theme's money.html writes
// through partial and dict, byte for byte, or fails where it fails, on
// every case; and the fast path is taken on the values the theme's
// templates give it.
func TestMoneyAsPartial(t *testing.T) {
	theme := map[string]string{
		"layouts/partials/money.html": themeMoney,
		"layouts/money.html":          `<p>{{ money .a .c }}|{{ with .m }}{{ money $.a $.c . }}{{ end }}</p>`,
		"layouts/money3.html":         `<p>{{ money (index . 0) (index . 1) (index . 2) }}</p>`,
		"layouts/money4.html":         `<p>{{ money (index . 0) (index . 1) (index . 2) (index . 3) }}</p>`,
		"layouts/money2.html":         `<p>{{ money (index . 0) (index . 1) }}</p>`,
		"layouts/partial2.html":       `<p>{{ partial "money.html" (dict "amount" (index . 0) "currency" (index . 1)) }}</p>`,
		"layouts/partial3.html":       `<p>{{ partial "money.html" (dict "amount" (index . 0) "currency" (index . 1) "max" (index . 2)) }}</p>`,
		"layouts/partial4.html":       `<p>{{ partial "money.html" (dict "amount" (index . 0) "currency" (index . 1) "max" (index . 2) "per" (index . 3)) }}</p>`,
	}
	r, err := New(mapFS(nil), mapFS(theme), moneyFuncs())
	if err != nil {
		t.Fatal(err)
	}
	if !r.goMoney {
		t.Fatal("goMoney is off with the theme's money.html")
	}
	run := func(name string, args []any) string {
		var b strings.Builder
		if err := r.Execute(&b, name, args); err != nil {
			return "error"
		}
		return b.String()
	}
	for _, args := range moneyCases() {
		n := len(args)
		got := run(fmt.Sprintf("layouts/money%d.html", n), args)
		want := run(fmt.Sprintf("layouts/partial%d.html", n), args)
		if got != want {
			t.Errorf("money %#v = %q, partial writes %q", args, got, want)
		}
	}
	in := &instance{r: r, bound: template.FuncMap{}}
	for name, ef := range r.exec {
		in.bound[name] = ef(nil)
	}
	fast := 0
	for _, args := range moneyCases() {
		if _, ok, _ := in.goMoney(args[0], args[1], args[2:]); ok {
			fast++
		}
	}
	if fast < len(moneyCases())/5 {
		t.Errorf("the fast path took %d of %d cases", fast, len(moneyCases()))
	}
	if s, ok, err := in.goMoney(95000.0, career.Currency("EUR"), []any{140000.0, career.Period("year")}); !ok || err != nil {
		t.Errorf("goMoney declined a career.Salary's figures: %q, %v", s, err)
	}
}

// moneyFuncs are formatMoney and T as sitefuncs gives them, ExecFuncs of
// the types goMoney calls, writing what they were given; T fails on the
// key per_bad as on a key no i18n file has.
func moneyFuncs() template.FuncMap {
	return template.FuncMap{
		"formatMoney": ExecFunc(func(func() any) any {
			return func(n float64, code any) (string, error) { return fmt.Sprintf("%v<%v>", n, code), nil }
		}),
		"T": ExecFunc(func(func() any) any {
			return func(key string, args ...any) (string, error) {
				if key == "per_bad" {
					return "", fmt.Errorf("no string %q", key)
				}
				return "«" + key + "»", nil
			}
		}),
	}
}

// TestMoneyOverridden: a site's money.html runs, given the arguments as
// the dict of its keys, and so does another theme's.
func TestMoneyOverridden(t *testing.T) {
	page := `{{ money 95000.0 .c }} {{ money 95000.0 .c 140000.0 }} {{ money 1.0 .c 2.0 "a year" }}`
	override := `[{{ range $k, $v := . }}{{ $k }}={{ $v }};{{ end }}]`
	want := `[amount=95000;currency=USD;] [amount=95000;currency=USD;max=140000;] [amount=1;currency=USD;max=2;per=a year;]`
	data := map[string]any{"c": career.Currency("USD")}
	for _, tc := range []struct {
		name        string
		site, theme map[string]string
	}{
		{"site", map[string]string{"layouts/partials/money.html": override},
			map[string]string{"layouts/partials/money.html": themeMoney, "layouts/p.html": page}},
		{"theme", nil, map[string]string{"layouts/partials/money.html": override, "layouts/p.html": page}},
	} {
		r, err := New(mapFS(tc.site), mapFS(tc.theme), moneyFuncs())
		if err != nil {
			t.Fatal(err)
		}
		if r.goMoney {
			t.Errorf("%s: goMoney is on with money.html overridden", tc.name)
		}
		if got := execute(t, r, "layouts/p.html", data); got != want {
			t.Errorf("%s: money = %q, want %q", tc.name, got, want)
		}
	}
}

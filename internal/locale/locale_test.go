package locale

import (
	"testing"
	"time"
)

var (
	english = Patterns{Date: "{month} {day}, {year}", Money: "{symbol}{amount}",
		Months: [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}}
	german = Patterns{Date: "{day}. {month} {year}", Money: "{amount}\u00a0{symbol}",
		Months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}}
)

func mustNew(t testing.TB, code string, p Patterns) *Locale {
	t.Helper()
	l, err := New(code, p)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestNumber(t *testing.T) {
	for _, tt := range []struct {
		code string
		in   float64
		want string
	}{
		{"en", 79850, "79,850"},
		{"de", 79850, "79.850"},
		{"fr", 79850, "79\u00a0850"}, // x/text's CLDR groups French with a no-break space
		{"de", 1234.5, "1.234,5"},
		{"en", 0.125, "0.12"},
		{"en", 950, "950"},
		{"ar", 79850, "٧٩٬٨٥٠"},
	} {
		if got := mustNew(t, tt.code, Patterns{}).Number(tt.in); got != tt.want {
			t.Errorf("%s: Number(%v) = %q, want %q", tt.code, tt.in, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	for _, tt := range []struct {
		code     string
		p        Patterns
		amount   float64
		currency string
		want     string
	}{
		{"en", english, 79850, "USD", "$79,850"},
		{"de", german, 79850, "EUR", "79.850\u00a0€"},
		{"en", english, 52000, "GBP", "£52,000"},
		{"de", german, 79850, "USD", "79.850\u00a0$"},
		{"en", Patterns{}, 100, "XYZ", "XYZ100"},
		{"en", english, 38.5, "USD", "$38.50"},
		{"de", german, 38.5, "EUR", "38,50\u00a0€"},
	} {
		if got := mustNew(t, tt.code, tt.p).Money(tt.amount, tt.currency); got != tt.want {
			t.Errorf("%s: Money(%v, %q) = %q, want %q", tt.code, tt.amount, tt.currency, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	day := time.Date(2025, time.June, 2, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		code string
		p    Patterns
		want string
	}{
		{"en", english, "June 2, 2025"},
		{"de", german, "2. Juni 2025"},
		{"fr", Patterns{}, "2025-06-02"},
	} {
		if got := mustNew(t, tt.code, tt.p).Date(day); got != tt.want {
			t.Errorf("%s: Date = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestNewRejectsBadCode(t *testing.T) {
	if _, err := New("not a code", Patterns{}); err == nil {
		t.Error(`New("not a code") = nil error`)
	}
}

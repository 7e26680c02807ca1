// Package locale writes numbers, amounts of money and dates the way a
// language writes them: "79,850", "$79,850" and "June 2, 2025" in English,
// "79.850", "79.850 €" and "2. Juni 2025" in German.
//
// Numbers come from golang.org/x/text/number, which follows CLDR for the
// language of a BCP 47 tag: its digits, decimal separator and grouping
// ("79,850", "79.850", "79 850", "٧٩٬٨٥٠"). A number is written with at
// most two decimals and without trailing zeros.
//
// Money is a number and a currency's symbol: the symbol comes from
// golang.org/x/text/currency for the language ("€", "$", "US$" in Arabic),
// the digits as for a number (whole amounts, salaries, without cents).
// x/text falls short here: it writes every amount with the symbol first
// and a space ("€ 79.850,00" even in German, "$ 79,850.00" in English),
// and exposes neither CLDR's currency patterns nor a way to drop the
// cents. So where the symbol goes is a [Patterns] value, Money:
// "{symbol}{amount}" in English, "{amount} {symbol}" (a no-break space)
// in German, read from the language's i18n file (internal/i18n).
//
// Dates: x/text has no date formatting at all (its date package holds
// CLDR's tables but exports nothing), and Go's time package knows only
// English month names. So a language's month names and its date pattern
// are [Patterns] too, from its i18n file: "{month} {day}, {year}" with
// January … December in English, "{day}. {month} {year}" with Januar …
// Dezember in German. A language whose file gives none writes dates in
// ISO 8601, "2025-06-02", which every reader can read.
package locale

import (
	"fmt"
	"math"
	"strconv"
	"sync"
	"time"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Patterns are what x/text does not know of a language's formats.
type Patterns struct {
	Date   string     // "{day}. {month} {year}"; "" for ISO 8601 dates
	Months [12]string // January … December in the language
	Money  string     // "{amount} {symbol}"; "" for "{symbol}{amount}"
}

// A Locale writes values the way one language does. It is safe for use
// by many goroutines at once.
type Locale struct {
	tag      language.Tag
	patterns Patterns
	printers sync.Pool // *message.Printer of tag: making one is most of the cost of a number
	symbols  sync.Map  // ISO 4217 code → its symbol in the language

	digitsOnce sync.Once
	digits     digits   // how whole numbers are written, learnt once (fast.go)
	moneys     sync.Map // ISO 4217 code → money: the pattern around an amount
}

// wholeNumbers is the language's way of writing whole numbers, learnt
// from x/text on first use.
func (l *Locale) wholeNumbers() *digits {
	l.digitsOnce.Do(func() { l.digits = l.learnDigits() })
	return &l.digits
}

// New returns the Locale of the BCP 47 code with patterns p.
func New(code string, p Patterns) (*Locale, error) {
	tag, err := language.Parse(code)
	if err != nil {
		return nil, fmt.Errorf("locale: %q is not a BCP 47 language code: %w", code, err)
	}
	l := &Locale{tag: tag, patterns: p}
	l.printers.New = func() any { return message.NewPrinter(tag) }
	return l, nil
}

// Tag is the Locale's language.
func (l *Locale) Tag() language.Tag { return l.tag }

// sprint prints v with a printer of the language. message.Printer keeps
// state while it prints, so no two calls share one at once: each takes
// one from the pool and gives it back.
func (l *Locale) sprint(v any) string {
	p := l.printers.Get().(*message.Printer)
	s := p.Sprint(v)
	l.printers.Put(p)
	return s
}

// symbol is the symbol of the currency of code in the language, or code
// when x/text does not know it.
func (l *Locale) symbol(code string) string {
	if s, ok := l.symbols.Load(code); ok {
		return s.(string)
	}
	symbol := code
	if unit, err := currency.ParseISO(code); err == nil {
		symbol = l.sprint(currency.Symbol(unit))
	}
	l.symbols.Store(code, symbol)
	return symbol
}

// Number writes x with the language's digits, decimal separator and
// grouping, with at most two decimals: 79850 is "79,850" in English and
// "79.850" in German, 0.5 is "0.5" and "0,5".
func (l *Locale) Number(x float64) string {
	if d := l.wholeNumbers(); d.fast(x) {
		var buf [32]byte
		return string(d.append(buf[:0], x))
	}
	return l.xNumber(x)
}

// Money writes amount in the currency of the ISO 4217 code ("EUR") as the
// language does: "$79,850" in English, "79.850 €" in German; an amount
// with cents has two decimals ("$38.50"). A code x/text does not know is
// written as it is, in the symbol's place.
func (l *Locale) Money(amount float64, code string) string {
	if d := l.wholeNumbers(); d.fast(amount) {
		if m := l.money(code); m.ok {
			var buf [64]byte
			b := append(buf[:0], m.before...)
			b = d.append(b, amount)
			return string(append(b, m.after...))
		}
	}
	return l.xMoney(amount, code)
}

// money is the pattern around an amount of the currency of code,
// learnt on first use.
func (l *Locale) money(code string) money {
	if m, ok := l.moneys.Load(code); ok {
		return m.(money)
	}
	m := l.learnMoney(code)
	l.moneys.Store(code, m)
	return m
}

// moneyPattern is the language's pattern for money, "{symbol}{amount}"
// unless its i18n file says otherwise.
func (l *Locale) moneyPattern() string {
	if l.patterns.Money == "" {
		return "{symbol}{amount}"
	}
	return l.patterns.Money
}

// xMoney is Money written through x/text alone, the way every amount
// the fast path cannot write is written.
func (l *Locale) xMoney(amount float64, code string) string {
	symbol := l.symbol(code)
	pattern := l.moneyPattern()
	digits := l.xNumber(amount)
	if amount != math.Trunc(amount) {
		digits = l.sprint(number.Decimal(amount, number.Scale(2)))
	}
	return Fill(pattern, func(name string) (string, bool) {
		switch name {
		case "symbol":
			return symbol, true
		case "amount":
			return digits, true
		}
		return "", false
	})
}

// Date writes the day of t in the language's pattern: "June 2, 2025",
// "2. Juni 2025"; in ISO 8601 when the language has no pattern or no
// month names.
func (l *Locale) Date(t time.Time) string {
	month := l.patterns.Months[t.Month()-1]
	if l.patterns.Date == "" || month == "" {
		return t.Format(time.DateOnly)
	}
	return Fill(l.patterns.Date, func(name string) (string, bool) {
		switch name {
		case "day":
			return strconv.Itoa(t.Day()), true
		case "month":
			return month, true
		case "year":
			return strconv.Itoa(t.Year()), true
		}
		return "", false
	})
}

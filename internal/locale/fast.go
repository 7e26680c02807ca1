package locale

import (
	"math"
	"strings"

	"golang.org/x/text/number"
)

// Writing a whole number through x/text costs microseconds and a dozen
// allocations, and a salary table writes hundreds. So a Locale learns
// from x/text, once, how its language writes whole numbers — the minus
// sign, the grouping separator every three digits — and writes them by
// hand from then on. It trusts what it learned only if it then writes
// every probe in [probes] exactly as x/text does; a language it cannot
// copy (digits other than 0–9, Indian grouping "12,34,567", no grouping
// of four digits) keeps x/text for every number. Fractions always go
// through x/text: only whole amounts are common.

// digits is how a language writes whole numbers, learnt from x/text.
type digits struct {
	ok    bool   // false: the language is written by x/text only
	minus string // before a negative number: "-"
	group string // between groups of three digits: ",", ".", "\u00a0"
}

// probes are the numbers the learnt way must write as x/text does.
var probes = []float64{0, 5, 12, 999, 1000, 9999, 79850, 123456, 1234567, 1234567890, -5, -1000, -1234567}

// maxFast is the largest magnitude written by hand: every whole float64
// below it is exact, and x/text writes it without an exponent.
const maxFast = 1 << 53

// learnDigits learns l's way of writing whole numbers from x/text.
func (l *Locale) learnDigits() digits {
	d := digits{ok: true}
	big := l.xNumber(1234567)
	if !strings.HasPrefix(big, "1") || !strings.HasSuffix(big, "567") {
		return digits{}
	}
	rest := big[1 : len(big)-3] // ",234," in English
	if len(rest) < 3 {
		return digits{}
	}
	d.group = rest[:(len(rest)-3)/2]
	if rest != d.group+"234"+d.group {
		return digits{}
	}
	var ok bool
	d.minus, ok = strings.CutSuffix(l.xNumber(-5), "5")
	if !ok {
		return digits{}
	}
	// The shape of 1234567 is not the whole rule: CLDR also has a minimum
	// grouping (Spanish "1000" but "10.000"), which x/text 0.x ignores and
	// a later x/text may not. The probes catch any such difference.
	var buf [64]byte
	for _, x := range probes {
		if string(d.append(buf[:0], x)) != l.xNumber(x) {
			return digits{}
		}
	}
	return d
}

// xNumber is x/text's writing of x with at most two decimals.
func (l *Locale) xNumber(x float64) string {
	return l.sprint(number.Decimal(x, number.MaxFractionDigits(2)))
}

// fast reports whether x is written by hand: a whole number of a
// language whose way was learnt (not -0, which x/text may sign).
func (d *digits) fast(x float64) bool {
	return d.ok && x == math.Trunc(x) && math.Abs(x) < maxFast && !(x == 0 && math.Signbit(x))
}

// append writes the whole number x to buf, grouped by threes.
func (d *digits) append(buf []byte, x float64) []byte {
	n := uint64(math.Abs(x))
	if x < 0 && n != 0 {
		buf = append(buf, d.minus...)
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	num := tmp[i:]
	first := len(num) % 3
	if first == 0 {
		first = 3
	}
	buf = append(buf, num[:first]...)
	for j := first; j < len(num); j += 3 {
		buf = append(buf, d.group...)
		buf = append(buf, num[j:j+3]...)
	}
	return buf
}

// money is how a language writes amounts of one currency: the pattern's
// text before and after the amount, its symbol filled in.
type money struct {
	ok            bool // false: the pattern has no amount, or two
	before, after string
}

// learnMoney splits the language's money pattern at its amount.
func (l *Locale) learnMoney(code string) money {
	before, after, ok := strings.Cut(l.moneyPattern(), "{amount}")
	if !ok || strings.Contains(after, "{amount}") {
		return money{}
	}
	r := strings.NewReplacer("{symbol}", l.symbol(code))
	return money{ok: true, before: r.Replace(before), after: r.Replace(after)}
}

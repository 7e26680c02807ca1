package locale

import "testing"

// BenchmarkMoney writes the figures of a salary table: whole amounts in
// English and German, as a page of many salary cards does.
func BenchmarkMoney(b *testing.B) {
	en := mustNew(b, "en", english)
	de := mustNew(b, "de", german)
	amounts := []float64{52000, 79850, 1234567, 950}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		a := amounts[i%len(amounts)]
		_ = en.Money(a, "USD")
		_ = de.Money(a, "EUR")
	}
}

// BenchmarkNumber writes whole numbers, as a list of counts does.
func BenchmarkNumber(b *testing.B) {
	de := mustNew(b, "de", german)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = de.Number(float64(79850 + i%100))
	}
}

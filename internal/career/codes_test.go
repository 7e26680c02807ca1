package career

import (
	"strings"
	"testing"
)

func TestCodeTables(t *testing.T) {
	for _, tt := range []struct {
		name  string
		table string
		width int
		count int
	}{
		{"countries", countries, 2, 249},
		{"currencies", currencies, 3, 0},
	} {
		codes := strings.Fields(tt.table)
		if tt.count != 0 && len(codes) != tt.count {
			t.Errorf("%s: %d codes, want %d", tt.name, len(codes), tt.count)
		}
		if tt.table[0] != ' ' || tt.table[len(tt.table)-1] != ' ' || strings.Contains(tt.table, "  ") {
			t.Errorf("%s: want every code surrounded by single spaces", tt.name)
		}
		for i, c := range codes {
			if len(c) != tt.width || strings.ToUpper(c) != c {
				t.Errorf("%s: bad code %q", tt.name, c)
			}
			if i > 0 && codes[i-1] >= c {
				t.Errorf("%s: %q after %q: want sorted, no duplicates", tt.name, c, codes[i-1])
			}
		}
	}
}

func TestIsCurrency(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"USD", true}, {"EUR", true}, {"GBP", true}, {"JPY", true}, {"XOF", true}, {"ZWG", true},
		{"usd", false}, {"US", false}, {"USDD", false}, {"XAU", false}, {"XXX", false}, {"RMB", false}, {"", false}, {"SD ", false},
	}
	for _, tt := range tests {
		if got := IsCurrency(tt.in); got != tt.want {
			t.Errorf("IsCurrency(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsCountry(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"US", true}, {"GB", true}, {"CA", true}, {"PT", true}, {"AX", true}, {"ZW", true},
		{"UK", false}, {"EU", false}, {"us", false}, {"USA", false}, {"", false}, {"S ", false},
	}
	for _, tt := range tests {
		if got := IsCountry(tt.in); got != tt.want {
			t.Errorf("IsCountry(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestIsLanguageTag(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"en", true}, {"pt-BR", true}, {"zh-Hant-TW", true}, {"es-419", true}, {"fil", true},
		{"English", false}, {"EN", false}, {"e", false}, {"en_GB", false}, {"en-", false}, {"", false},
	}
	for _, tt := range tests {
		if got := isLanguageTag(tt.in); got != tt.want {
			t.Errorf("isLanguageTag(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

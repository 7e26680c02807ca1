package career

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// Currency is an ISO 4217 code of a currency in circulation ("USD").
type Currency string

// Country is an ISO 3166-1 alpha-2 country code ("US", "GB").
type Country string

// Language is a BCP 47 language tag ("en", "pt-BR").
type Language string

// URL is an absolute http or https URL.
type URL string

// currencies lists the ISO 4217 codes of the currencies in circulation
// (the list maintained by SIX for ISO, 2025), without the codes for funds,
// precious metals and testing, which no salary or price is paid in. Codes
// are 3 letters, each surrounded by spaces.
const currencies = " AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD" +
	" CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD" +
	" HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD" +
	" MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG" +
	" QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD" +
	" TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG "

// countries lists every ISO 3166-1 alpha-2 code officially assigned (249),
// each surrounded by spaces.
const countries = " AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ" +
	" CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR" +
	" GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP" +
	" KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT" +
	" MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW" +
	" SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ" +
	" UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW "

// Common mistakes and what was meant.
var (
	currencyHints = map[string]string{"RMB": "CNY", "NIS": "ILS", "UKP": "GBP", "STG": "GBP"}
	countryHints  = map[string]string{"UK": "GB", "EL": "GR", "EN": "GB", "USA": "US"}
)

// inTable reports whether code, of width letters, is in table.
func inTable(table, code string, width int) bool {
	return len(code) == width && strings.Contains(table, " "+code+" ")
}

// IsCurrency reports whether code is an ISO 4217 code in circulation.
func IsCurrency(code string) bool { return inTable(currencies, code, 3) }

// IsCountry reports whether code is an ISO 3166-1 alpha-2 code.
func IsCountry(code string) bool { return inTable(countries, code, 2) }

// Values lists the codes IsCurrency accepts, for completion and schemas.
func (Currency) Values() []string { return strings.Fields(currencies) }

// Values lists the codes IsCountry accepts, for completion and schemas.
func (Country) Values() []string { return strings.Fields(countries) }

func (c *Currency) DecodeYAML(n *yaml.Node) error {
	s, err := code(n, "currency", "an ISO 4217 code such as USD or EUR", IsCurrency, currencyHints)
	*c = Currency(s)
	return err
}

func (c *Country) DecodeYAML(n *yaml.Node) error {
	s, err := code(n, "country", "an ISO 3166-1 alpha-2 code such as US or GB", IsCountry, countryHints)
	*c = Country(s)
	return err
}

// code reads a scalar that must pass valid; hints name the code meant by a
// common mistake, and a code in the wrong case is suggested in upper case.
func code(n *yaml.Node, what, want string, valid func(string) bool, hints map[string]string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", fmt.Errorf("want %s, got %s", want, describe(n))
	}
	if valid(n.Value) {
		return n.Value, nil
	}
	msg := fmt.Sprintf("unknown %s %q (want %s)", what, n.Value, want)
	var fix *diag.Fix
	upper := strings.ToUpper(n.Value)
	if h, ok := hints[upper]; ok {
		msg, fix = diag.DidYouMean(msg, n.Value, h)
	} else if valid(upper) {
		msg, fix = diag.DidYouMean(msg, n.Value, upper)
	}
	return "", &diag.Error{Msg: msg, Fix: fix}
}

// DecodeYAML accepts a BCP 47 tag in its usual form: a 2 or 3 letter
// lower-case language, then subtags of 1 to 8 letters or digits ("en",
// "en-GB", "zh-Hant-TW"). It checks the form, not the registry.
func (l *Language) DecodeYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || !isLanguageTag(n.Value) {
		return fmt.Errorf(`want a BCP 47 language tag such as "en" or "pt-BR", got %s`, describe(n))
	}
	*l = Language(n.Value)
	return nil
}

func isLanguageTag(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 || strings.ToLower(parts[0]) != parts[0] || !alnum(parts[0], true) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) < 1 || len(p) > 8 || !alnum(p, false) {
			return false
		}
	}
	return true
}

func alnum(s string, lettersOnly bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (lettersOnly || c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// DecodeYAML accepts an absolute http or https URL with a host.
func (u *URL) DecodeYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || !isWebURL(n.Value) {
		return fmt.Errorf("want an absolute http or https URL, got %s", describe(n))
	}
	*u = URL(n.Value)
	return nil
}

func isWebURL(s string) bool {
	v, err := url.Parse(s)
	return err == nil && (v.Scheme == "http" || v.Scheme == "https") && v.Host != "" && v.User == nil
}

package career

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Workload is a total amount of study time, written as an ISO 8601
// duration of hours, minutes and seconds: "PT70H", "PT1H30M". Days, weeks,
// months and years are refused: how many hours of study a "day" holds is
// not for the parser to guess.
type Workload time.Duration

// Hours returns w in hours.
func (w Workload) Hours() float64 { return time.Duration(w).Hours() }

// String returns w as an ISO 8601 duration: "PT70H", "PT1H30M", "PT0S".
func (w Workload) String() string {
	d := time.Duration(w)
	h := int64(d / time.Hour)
	m := int64(d % time.Hour / time.Minute)
	s := (d % time.Minute).Seconds()
	var b strings.Builder
	b.WriteString("PT")
	if h != 0 {
		b.WriteString(strconv.FormatInt(h, 10) + "H")
	}
	if m != 0 {
		b.WriteString(strconv.FormatInt(m, 10) + "M")
	}
	if s != 0 || d == 0 {
		b.WriteString(strconv.FormatFloat(s, 'f', -1, 64) + "S")
	}
	return b.String()
}

// DecodeYAML reads an ISO 8601 duration of hours, minutes and seconds.
func (w *Workload) DecodeYAML(n *yaml.Node) error {
	d, err := ParseWorkload(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf(`want an ISO 8601 duration in hours such as "PT70H", got %s`, describe(n))
	}
	*w = d
	return nil
}

// ParseWorkload parses "PT" followed by hours (H), minutes (M) and seconds
// (S), in that order, each at most once, at least one of them; numbers are
// whole, except that the last may have a fraction ("PT1.5H").
func ParseWorkload(s string) (Workload, error) {
	rest, ok := strings.CutPrefix(s, "PT")
	if !ok || rest == "" {
		return 0, fmt.Errorf("invalid workload %q", s)
	}
	var total float64 // seconds
	units := "HMS"
	for rest != "" {
		i := strings.IndexAny(rest, "HMS")
		if i <= 0 {
			return 0, fmt.Errorf("invalid workload %q", s)
		}
		u := strings.IndexByte(units, rest[i])
		if u < 0 { // a unit out of order or repeated
			return 0, fmt.Errorf("invalid workload %q", s)
		}
		numText := rest[:i]
		f, err := strconv.ParseFloat(numText, 64)
		if err != nil || f < 0 || strings.ContainsAny(numText, "eE+-") || (strings.Contains(numText, ".") && i+1 != len(rest)) {
			return 0, fmt.Errorf("invalid workload %q", s)
		}
		total += f * [...]float64{3600, 60, 1}[strings.IndexByte("HMS", rest[i])]
		units = units[u+1:]
		rest = rest[i+1:]
	}
	if total > float64(math.MaxInt64/int64(time.Second)) {
		return 0, fmt.Errorf("workload %q is too long", s)
	}
	return Workload(time.Duration(math.Round(total * float64(time.Second)))), nil
}

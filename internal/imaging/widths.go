package imaging

import "slices"

// Widths returns the widths to make of an image original pixels wide from
// the configured ones (site.yaml's images.widths): those below original,
// ascending and once each, and original itself in place of every larger
// one, so nothing is enlarged. Widths([480 800 1200 1600], 1000) is
// [480 800 1000]; an image narrower than them all gets its own width only.
func Widths(configured []int, original int) []int {
	var out []int
	larger := false
	for _, w := range configured {
		switch {
		case w <= 0:
		case w < original:
			out = append(out, w)
		default:
			larger = true
		}
	}
	if larger || len(out) == 0 {
		out = append(out, original)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

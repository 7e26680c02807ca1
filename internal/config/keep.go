package config

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"go.yaml.in/yaml/v3"
)

// checkKeep reports every kept path that is not a clean path inside the
// output folder, and every one named twice or inside another; n is the
// keep sequence.
func (c *Config) checkKeep(n *yaml.Node) []*diag.Error {
	var errs []*diag.Error
	clean := make([]string, len(c.Keep))
	for i, p := range c.Keep {
		clean[i] = strings.TrimSuffix(p, "/")
	}
	for i, p := range clean {
		if it := item(n, i); it != nil && it.Kind != yaml.ScalarNode {
			continue // not a string: the decoder said so
		}
		msg := keepProblem(c.Keep[i])
		if msg == "" {
			msg = keepOverlap(p, i, clean)
		}
		if msg != "" {
			errs = append(errs, at(item(n, i), fmt.Sprintf("keep[%d]", i), msg))
		}
	}
	return errs
}

// keepProblem says why p cannot name a path inside the output folder, or
// returns "". One final "/" (".git/") is allowed: it says p is a folder.
func keepProblem(p string) string {
	switch {
	case strings.TrimSpace(p) == "":
		return "must not be empty"
	case strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f }):
		return fmt.Sprintf("must not hold a control character, got %q", p)
	case strings.Contains(p, `\`):
		return fmt.Sprintf(`separate folders with "/", not "\", got %q`, p)
	case strings.HasPrefix(p, "/") || len(p) >= 2 && p[1] == ':':
		return fmt.Sprintf("want a path relative to the output folder, such as CNAME or .well-known/x, got the absolute %q", p)
	case strings.Contains("/"+p+"/", "/../"):
		return fmt.Sprintf("must not lead out of the output folder with .., got %q", p)
	}
	c := strings.TrimSuffix(p, "/")
	if c == "." {
		return `"." is the whole output folder, which every build replaces; name the paths in it to keep`
	}
	if !fs.ValidPath(c) {
		return fmt.Sprintf(`want a clean path (no "." or empty elements), such as CNAME or .well-known/x, got %q`, p)
	}
	return ""
}

// keepOverlap says how the clean path keep[i] repeats one before it or
// lies inside another, or returns "".
func keepOverlap(p string, i int, keep []string) string {
	for j, q := range keep {
		switch {
		case j < i && q == p:
			return fmt.Sprintf("duplicate %q", p)
		case j != i && strings.HasPrefix(p, q+"/"):
			return fmt.Sprintf("%q is inside %q, which is kept already", p, q)
		}
	}
	return ""
}

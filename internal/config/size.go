package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits bound what one content file may hold, so that a hostile or broken
// file is a clear error (or a warning) rather than a build that runs out
// of memory or time. Every limit is a [Size].
type Limits struct {
	// The largest page file; a larger one is an error and is not read.
	Page Size `yaml:"page"`
	// The largest front matter; a larger one is an error before it is parsed.
	FrontMatter Size `yaml:"front_matter"`
	// The largest fenced code block that is highlighted; a larger one is
	// published as a plain, escaped block with a warning.
	CodeBlock Size `yaml:"code_block"`
	// The largest page resource (a file beside a bundle's index.md, see
	// internal/content); a larger one is an error and is not read.
	Resource Size `yaml:"resource"`
	// The largest image file (Markdown images, the template function
	// image); a larger one is an error and is not read.
	Image Size `yaml:"image"`
	// The most pixels an image's header may claim (width × height); a
	// larger one is an error before any pixel is decoded, so a small file
	// that unpacks to gigabytes (a decompression bomb) costs a header read.
	ImagePixels int64 `yaml:"image_pixels"`
}

// The default limits.
const (
	DefaultPageLimit        Size = 10 << 20
	DefaultFrontMatterLimit Size = 1 << 20
	DefaultCodeBlockLimit   Size = 256 << 10
	DefaultResourceLimit    Size = 20 << 20
	DefaultImageLimit       Size = 20 << 20
	DefaultImagePixels           = 50_000_000
)

// DefaultLimits returns the limits of a site.yaml that sets none.
func DefaultLimits() Limits {
	return Limits{Page: DefaultPageLimit, FrontMatter: DefaultFrontMatterLimit, CodeBlock: DefaultCodeBlockLimit,
		Resource: DefaultResourceLimit, Image: DefaultImageLimit, ImagePixels: DefaultImagePixels}
}

// Size is a number of bytes, written in site.yaml as a whole number with
// an optional unit: B, KB, MB, GB (powers of 1000) or KiB, MiB, GiB
// (powers of 1024), with or without a space: "1MiB", "256 KiB", "500000".
type Size int64

var sizeUnits = []struct {
	name string
	n    int64
}{
	{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10},
	{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3},
	{"B", 1},
}

// ParseSize parses a Size as site.yaml writes it. It must be at least 1 byte.
func ParseSize(text string) (Size, error) {
	s := strings.TrimSpace(text)
	mult := int64(1)
	for _, u := range sizeUnits {
		if num, ok := strings.CutSuffix(s, u.name); ok {
			s, mult = strings.TrimSpace(num), u.n
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 1 || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("invalid size %q", text)
	}
	return Size(n * mult), nil
}

// String writes s in the largest unit that divides it, binary units
// first: "1 MiB", "256 KiB", "5 MB", "1000 B" is "1 KB", "999 B".
func (s Size) String() string {
	for _, u := range sizeUnits {
		if n := Size(u.n); s >= n && s%n == 0 {
			return strconv.FormatInt(int64(s/n), 10) + " " + u.name
		}
	}
	return strconv.FormatInt(int64(s), 10) + " B"
}

// MarshalText writes s as String does.
func (s Size) MarshalText() ([]byte, error) {
	return []byte(s.String()), nil
}

// DecodeYAML reads a size such as "1MiB" or a number of bytes.
func (s *Size) DecodeYAML(n *yaml.Node) error {
	v, err := ParseSize(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return fmt.Errorf(`want a size such as "1MiB", "256KiB" or a number of bytes, got %q`, n.Value)
	}
	*s = v
	return nil
}

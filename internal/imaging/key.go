package imaging

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strconv"
	"strings"
)

// Key identifies one processed image: the same on every machine and in
// every run for the same source bytes, spec and encoders.
type Key [sha256.Size]byte

// String returns the key in hexadecimal.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// keyVersion changes when the meaning of a key does (what it hashes, or
// how Process works); bump it to make every cached image stale.
const keyVersion = "careersite/imaging 2"

// KeyOf returns the key of processing the source whose SHA-256 is source
// with the resolved spec s (see Spec.Resolve: an unresolved spec gives a
// key of its own for the same bytes).
func KeyOf(source [sha256.Size]byte, s Spec) Key {
	h := sha256.New()
	for _, part := range []string{keyVersion, EncoderVersion(), hex.EncodeToString(source[:]), s.String()} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return Key(h.Sum(nil))
}

// fingerprintLen is how many hex digits of a key a name carries: 64 bits,
// enough that two images of one site never share a name.
const fingerprintLen = 16

// OutputName returns the published name of source processed to width
// pixels (0 leaves the width out) in format f, fingerprinted with k:
// OutputName("guides/caching/team.jpg", 800, WebP, k) is
// "team.800w.1f3a5c7e9b2d4f60.webp". The name changes whenever the bytes
// may, so a host can cache the file for ever.
func OutputName(source string, width int, f Format, k Key) string {
	base := path.Base(source)
	parts := []string{strings.TrimSuffix(base, path.Ext(base))}
	if width > 0 {
		parts = append(parts, strconv.Itoa(width)+"w")
	}
	parts = append(parts, k.String()[:fingerprintLen])
	return strings.Join(parts, ".") + f.Ext()
}

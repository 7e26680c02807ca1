package socialcard

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image/color"
	"runtime"
)

// Version is the drawing code's version, part of every Key: change it with
// any change to what a card looks like or how it is encoded.
const Version = 2

// Key names c's PNG in a cache: a hex SHA-256 of Version, the Go release
// (its image/png and compress/flate write the bytes), the fonts' bytes and
// every field of c. Two Cards with the same Key render the same bytes.
func (c Card) Key() string {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	field := func(s string) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	field("careersite/socialcard")
	h.Write(n[:binary.PutUvarint(n[:], Version)])
	field(runtime.Version())
	if f, err := loadFonts(); err == nil {
		h.Write(f.digest[:])
	}
	for _, s := range []string{c.Site, c.Kind, c.Title, c.Salary} {
		field(s)
	}
	for _, col := range []color.RGBA{c.Colors.Background, c.Colors.Text, c.Colors.Accent} {
		h.Write([]byte{col.R, col.G, col.B, col.A})
	}
	return hex.EncodeToString(h.Sum(nil))
}

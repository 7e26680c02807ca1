package content

import "crypto/sha256"

// FileDigests are the SHA-256 digests of a content file's bytes that a
// build keys on, made so that each byte is hashed once: Front, of the
// bytes before the body (FrontMatterBytes); Rest, of the bytes after
// them; and Sum, of the whole file, as the digest of those two digests.
// Two files of one Sum have the same bytes, wherever each was split
// (two equal digests of halves are two equal halves); the same bytes
// split at the same line have one Sum. So Sum is made with the body
// line of the page the file parses to, and checked with the body line
// of the page it is kept with.
type FileDigests struct {
	Sum, Front, Rest [32]byte
	rest             int // where Rest begins in the file's bytes
}

// DigestFile returns the digests of data, the bytes of a content file
// whose page begins its body at line bodyLine (Page.BodyLine; 1 for a
// file whose front matter cannot be parsed at all).
func DigestFile(data []byte, bodyLine int) FileDigests {
	front := FrontMatterBytes(data, bodyLine)
	d := FileDigests{Front: sha256.Sum256(front), Rest: sha256.Sum256(data[len(front):]), rest: len(front)}
	var both [2 * sha256.Size]byte
	copy(both[:], d.Front[:])
	copy(both[sha256.Size:], d.Rest[:])
	d.Sum = sha256.Sum256(both[:])
	return d
}

// BodySum returns the SHA-256 of body, the body of the page made from
// data, the bytes of d: Rest, when body is those bytes, as it is unless
// the file has a CR or a byte-order mark (clean), else a digest of its
// own.
func (d FileDigests) BodySum(data, body []byte) [32]byte {
	tail := data[d.rest:]
	if len(body) == len(tail) && (len(body) == 0 || &body[0] == &tail[0]) {
		return d.Rest
	}
	return sha256.Sum256(body)
}

// BodyLineOf is the line the digests of the file of page split it at
// (DigestFile): its BodyLine, or 1 when page is nil, as ParseFile returns
// for front matter that cannot be parsed at all.
func BodyLineOf(page *Page) int {
	if page == nil {
		return 1
	}
	return page.BodyLine
}

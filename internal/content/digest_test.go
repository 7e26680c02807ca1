package content

import (
	"crypto/sha256"
	"testing"
)

// Each digest of a file changes with the bytes it is of, and only
// with those; the body's is Rest, unless clean changed the body.
func TestDigestFile(t *testing.T) {
	const (
		front = "---\ntitle: T\ndate: 2026-01-02\n---\n"
		body  = "The body.\n---\nmore\n"
	)
	digest := func(file string) (FileDigests, [32]byte) {
		t.Helper()
		data := []byte(file)
		p, err := ParseFile("content/x.md", data, nil)
		if p == nil {
			t.Fatalf("ParseFile(%q): %v", file, err)
		}
		d := DigestFile(data, p.BodyLine)
		if got := d.BodySum(data, p.Body); got != sha256.Sum256(p.Body) {
			t.Errorf("BodySum of %q = %x, want the SHA-256 of %q", file, got, p.Body)
		}
		return d, d.BodySum(data, p.Body)
	}
	d, bodySum := digest(front + body)
	if d.Front != sha256.Sum256([]byte(front)) || d.Rest != sha256.Sum256([]byte(body)) || bodySum != d.Rest {
		t.Errorf("DigestFile(%q) = %x; want the front matter's, the body's, and the body's as BodySum", front+body, d)
	}
	frontEdit, frontEditBody := digest("---\ntitle: U\ndate: 2026-01-02\n---\n" + body)
	if frontEdit.Sum == d.Sum || frontEdit.Front == d.Front || frontEditBody != bodySum {
		t.Errorf("a front-matter edit changed Sum %v, Front %v, the body's digest %v; want true, true, false",
			frontEdit.Sum != d.Sum, frontEdit.Front != d.Front, frontEditBody != bodySum)
	}
	bodyEdit, bodyEditBody := digest(front + "The body!\n---\nmore\n")
	if bodyEdit.Sum == d.Sum || bodyEdit.Front != d.Front || bodyEditBody == bodySum {
		t.Errorf("a body edit changed Sum %v, Front %v, the body's digest %v; want true, false, true",
			bodyEdit.Sum != d.Sum, bodyEdit.Front != d.Front, bodyEditBody != bodySum)
	}
	// CRLF: the body is cleaned, no longer the file's tail.
	crlf, crlfBody := digest("---\r\ntitle: T\r\ndate: 2026-01-02\r\n---\r\nThe body.\r\n---\r\nmore\r\n")
	if crlf.Sum == d.Sum || crlfBody != bodySum || crlf.Rest == crlfBody {
		t.Errorf("CRLF: Sum equal %v, body digest differs %v, Rest used as the body's %v; want false, false, false",
			crlf.Sum == d.Sum, crlfBody != bodySum, crlf.Rest == crlfBody)
	}
	if none := DigestFile([]byte(front+body), 1); none.Sum == d.Sum || none.Front != sha256.Sum256(nil) {
		t.Errorf("split at line 1: %x; want another Sum and the digest of nothing as Front", none)
	}
}

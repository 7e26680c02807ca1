package site

import (
	"bytes"
	"context"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// withGPS returns the JPEG data with an EXIF APP1 block after its start
// of image: a camera's make and a GPS position, as a phone writes them.
func withGPS(t *testing.T, data []byte) []byte {
	t.Helper()
	be := binary.BigEndian
	var tiff bytes.Buffer
	tiff.WriteString("MM\x00\x2a")
	tiff.Write(be.AppendUint32(nil, 8)) // IFD0 at 8
	// IFD0: Make (ASCII, at 38) and the GPS IFD pointer (at 44).
	tiff.Write(be.AppendUint16(nil, 2))
	tiff.Write([]byte{0x01, 0x0f, 0, 2, 0, 0, 0, 6, 0, 0, 0, 38})
	tiff.Write([]byte{0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 44})
	tiff.Write(be.AppendUint32(nil, 0))
	tiff.WriteString("Phone\x00")
	// GPS IFD: GPSLatitudeRef "N".
	tiff.Write(be.AppendUint16(nil, 1))
	tiff.Write([]byte{0x00, 0x01, 0, 2, 0, 0, 0, 2, 'N', 0, 0, 0})
	tiff.Write(be.AppendUint32(nil, 0))
	app1 := append([]byte("Exif\x00\x00"), tiff.Bytes()...)
	seg := append([]byte{0xff, 0xe1}, be.AppendUint16(nil, uint16(len(app1)+2))...)
	seg = append(seg, app1...)
	out := append([]byte{}, data[:2]...)
	out = append(out, seg...)
	return append(out, data[2:]...)
}

// TestNoMetadataPublished builds a site with a JPEG that carries GPS
// metadata under assets/ and in a page's bundle, each shown by a Markdown
// image and linked to as it is: no published file holds the metadata.
func TestNoMetadataPublished(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	photo := withGPS(t, fixtureImage(t, "jpeg 40x30"))
	if !bytes.Contains(photo, []byte("Exif")) {
		t.Fatal("the test's photo has no Exif")
	}
	files := map[string][]byte{
		"site.yaml":                         []byte("title: Metadata\nimages:\n  widths: [16]\n"),
		"layouts/_default/home.html":        []byte("home"),
		"layouts/_default/404.html":         []byte("not found"),
		"layouts/_default/single.html":      []byte("{{ .Content }}"),
		"layouts/_default/section.html":     []byte("section"),
		"assets/img/hill-path.jpg":          photo,
		"content/guides/caching/index.md":   []byte("---\ntitle: C\ndate: 2026-01-02\n---\n![Team](team.jpg) [full size](team.jpg)\n"),
		"content/guides/caching/team.jpg":   photo,
		"content/guides/hill.md":            []byte("---\ntitle: H\ndate: 2026-01-02\n---\n![Hill](/img/hill-path.jpg)\n"),
		"content/guides/caching/other.jpeg": photo, // shown by nothing, published as a resource
	}
	for name, data := range files {
		writeFile(t, filepath.Join(src, name), data)
	}
	dest := filepath.Join(dir, "public")
	b, err := newOnce(Options{Source: src, Dest: dest, Now: testNow, Theme: imageHookTheme(t)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Build(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"img/hill-path.jpg", "guides/caching/team.jpg", "guides/caching/other.jpeg"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err != nil {
			t.Errorf("%s is not published: %v", name, err)
		}
	}
	images := 0
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, []byte{0xff, 0xd8}) {
			images++
		}
		if bytes.Contains(data, []byte("Exif")) || bytes.Contains(data, []byte("Phone")) {
			t.Errorf("%s holds the photo's metadata", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if images < 5 {
		t.Errorf("%d JPEG files published, want at least 5", images)
	}
}

package pagecodec

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/content"
)

// A parsed is a content file and the page ParseFile made of it.
type parsed struct {
	data []byte
	page *content.Page
}

// sitePages parses every content file of fsys that parses.
func sitePages(t testing.TB, fsys fs.FS) []parsed {
	t.Helper()
	cfg, err := config.Load(fsys)
	if err != nil {
		cfg = config.Default()
	}
	tree, err := content.Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var out []parsed
	for _, f := range tree.Pages {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			t.Fatal(err)
		}
		if p, err := content.ParseFile(f, data, cfg); err == nil {
			out = append(out, parsed{data, p})
		}
	}
	return out
}

// archive is the files of a txtar archive but "want".
func archive(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		if f.Name != "want" {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data}
		}
	}
	return fsys
}

// testPages are the pages of the example site, of content's fixtures and
// of the sites of internal/site's tests.
func testPages(t testing.TB) map[string][]parsed {
	t.Helper()
	out := map[string][]parsed{
		"example":  sitePages(t, os.DirFS("../..")),
		"fixtures": sitePages(t, archive(t, "../content/testdata/pages.txtar")),
	}
	sites, err := filepath.Glob("../site/testdata/*.txtar")
	if err != nil || len(sites) == 0 {
		t.Fatalf("no sites in ../site/testdata: %v", err)
	}
	for _, name := range sites {
		out[filepath.Base(name)] = sitePages(t, archive(t, name))
	}
	return out
}

// roundTrip encodes p and reads it back with its body.
func roundTrip(t testing.TB, p *content.Page) *content.Page {
	t.Helper()
	b, err := Append(nil, p)
	if err != nil {
		t.Fatalf("%s: %v", p.Path, err)
	}
	back, err := Read(string(b), p.Path, p.Body)
	if err != nil {
		t.Fatalf("%s: %v", p.Path, err)
	}
	return back
}

// TestPagesComeBackAsParsed: every page of the test sites, encoded and
// read back, is the page ParseFile made.
func TestPagesComeBackAsParsed(t *testing.T) {
	pages, kinds := 0, map[string]int{}
	for name, list := range testPages(t) {
		for _, f := range list {
			pages++
			kinds[f.page.Kind]++
			if got := roundTrip(t, f.page); !reflect.DeepEqual(got, f.page) {
				t.Errorf("%s: %s read back as\n%+v\nwant\n%+v", name, f.page.Path, got, f.page)
			}
		}
	}
	for _, kind := range []string{config.KindJob, config.KindRole, config.KindCertification, config.KindArticle} {
		if kinds[kind] == 0 {
			t.Errorf("no page of kind %s among %d", kind, pages)
		}
	}
}

// TestEveryFieldIsWritten: a page whose every field, and every field of
// its career data of each kind, holds a value that is not zero comes back
// equal: a field added to content.Page that the codec does not write
// fails here.
func TestEveryFieldIsWritten(t *testing.T) {
	for _, data := range []career.Data{{Job: &career.Job{}}, {Role: &career.Role{}}, {Certification: &career.Certification{}}} {
		p := &content.Page{}
		fill(t, reflect.ValueOf(p).Elem())
		p.Body = nil // not written: the caller keeps it
		p.Career = data
		for _, v := range []any{data.Job, data.Role, data.Certification} {
			if rv := reflect.ValueOf(v); !rv.IsNil() {
				fill(t, rv.Elem())
			}
		}
		p.SetPlaces(content.Places{Description: [2]int{3, 14}, Career: []career.Position{{Path: "salary.min", Key: [2]int{5, 3}, Val: [2]int{5, 8}, Kind: 8, Null: true}}})
		if got := roundTrip(t, p); !reflect.DeepEqual(got, p) {
			t.Errorf("read back as\n%+v\nwant\n%+v", got, p)
		}
	}
}

// fill sets every exported field under v to a value that is not zero:
// for a slice, one element and an empty, not nil, slice after it where
// it can (the codec must keep them apart).
func fill(t *testing.T, v reflect.Value) {
	t.Helper()
	if !v.IsValid() {
		return
	}
	switch {
	case v.Type() == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(2026, 12, 7, 10, 30, 0, 5, time.FixedZone("", 5400))))
		return
	case v.Type() == reflect.TypeFor[map[string]any]():
		v.Set(reflect.ValueOf(map[string]any{
			"s": "x", "i": -7, "f": 2.5, "t": true, "n": nil, "d": time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
			"empty": []any{}, "nil list": []any(nil), "nil map": map[string]any(nil),
			"list": []any{1, "two", map[string]any{"three": []any{3.0}}},
		}))
		return
	case v.Type() == reflect.TypeFor[career.Data]():
		return // set by the caller, one kind at a time
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("v")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(-42)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(42)
	case reflect.Float64:
		v.SetFloat(-1.25)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(t, v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(t, v.Index(0))
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(t, v.Field(i))
			}
		}
	case reflect.Interface:
	default:
		t.Fatalf("fill: a field of kind %s", v.Kind())
	}
}

// TestUnknownValuesAreRefused: a value of a type that front matter
// decoding does not make, anywhere in a page, and a time whose location
// is not UTC or a fixed offset, are an error, not an approximation.
func TestUnknownValuesAreRefused(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	for name, change := range map[string]func(p *content.Page){
		"int64":          func(p *content.Page) { p.Params = map[string]any{"n": int64(1)} },
		"uint":           func(p *content.Page) { p.Params = map[string]any{"n": uint(1)} },
		"float32":        func(p *content.Page) { p.Params = map[string]any{"f": float32(1)} },
		"struct in list": func(p *content.Page) { p.Params = map[string]any{"l": []any{1, struct{}{}}} },
		"typed map":      func(p *content.Page) { p.Params = map[string]any{"m": map[string]string{}} },
		"typed list":     func(p *content.Page) { p.Params = map[string]any{"l": []string{"a"}} },
		"local time":     func(p *content.Page) { p.Date = time.Date(2026, 1, 2, 0, 0, 0, 0, berlin).In(time.Local) },
		"monotonic time": func(p *content.Page) { p.Updated = time.Now() },
		"two kinds":      func(p *content.Page) { p.Career = career.Data{Job: &career.Job{}, Role: &career.Role{}} },
		"too deep": func(p *content.Page) {
			v := any(1)
			for range maxDepth {
				v = []any{v}
			}
			p.Params = map[string]any{"deep": v}
		},
	} {
		p := &content.Page{Path: "content/x.md", FrontMatter: content.FrontMatter{Title: "X", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}}
		if _, err := Append(nil, p); err != nil {
			t.Fatalf("%s: the page before the change: %v", name, err)
		}
		change(p)
		if b, err := Append([]byte("kept"), p); err == nil || string(b) != "kept" {
			t.Errorf("%s: Append = %q, %v; want an error and the slice as it was", name, b, err)
		}
	}
}

// TestTimesComeBackExactly: UTC, the zero time, fixed offsets with and
// without a name, and times far from now.
func TestTimesComeBackExactly(t *testing.T) {
	for _, tm := range []time.Time{
		{}, time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 999999999, time.FixedZone("", -9000)),
		time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("", 3600)), time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 0, time.FixedZone("XYZ", 50400)), time.Date(1, 1, 1, 0, 0, 0, 0, time.FixedZone("", 60)),
	} {
		p := &content.Page{FrontMatter: content.FrontMatter{Date: tm, Params: map[string]any{"t": tm}}}
		if got := roundTrip(t, p); !reflect.DeepEqual(got, p) {
			t.Errorf("%v read back as %v", tm, got.Date)
		}
	}
}

// TestReadRefusesDamage: every page of the fixtures cut short, or with a
// byte more, is an error.
func TestReadRefusesDamage(t *testing.T) {
	for _, f := range testPages(t)["fixtures"] {
		b, err := Append(nil, f.page)
		if err != nil {
			t.Fatal(err)
		}
		for n := range len(b) {
			if _, err := Read(string(b[:n]), f.page.Path, nil); err == nil {
				t.Fatalf("%s cut to %d of %d bytes read without an error", f.page.Path, n, len(b))
			}
		}
		if _, err := Read(string(b)+"\x00", f.page.Path, nil); err == nil {
			t.Errorf("%s with a byte more read without an error", f.page.Path)
		}
	}
}

// FuzzPageCodec: Read of any bytes returns a page or an error, never
// panics; a page it returns encodes, and that reads back as the same page
// and encodes to the same bytes.
func FuzzPageCodec(f *testing.F) {
	for _, list := range testPages(f) {
		for _, p := range list {
			if b, err := Append(nil, p.page); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Read(string(b), "content/x.md", nil)
		if err != nil {
			if p != nil || !strings.Contains(err.Error(), "content/x.md: ") {
				t.Fatalf("Read = %v, %v", p, err)
			}
			return
		}
		again, err := Append(nil, p)
		if err != nil {
			t.Fatalf("a page Read returned does not encode: %v", err)
		}
		back, err := Read(string(again), "content/x.md", nil)
		if err != nil {
			t.Fatalf("a page encoded again does not read back: %v", err)
		}
		if third, _ := Append(nil, back); !bytes.Equal(third, again) {
			t.Fatalf("encoded again as\n%q\nthen\n%q", again, third)
		}
		if same, _ := Read(string(b), "content/x.md", nil); reflect.DeepEqual(same, p) && !reflect.DeepEqual(back, p) {
			t.Fatalf("read back as\n%+v\nwant\n%+v", back, p) // (a page with NaN is not equal to itself)
		}
	})
}

// TestNaNComesBackAsNaN: floats are written by their bits.
func TestNaNComesBackAsNaN(t *testing.T) {
	p := &content.Page{FrontMatter: content.FrontMatter{Params: map[string]any{"nan": math.NaN(), "inf": math.Inf(-1), "neg zero": math.Copysign(0, -1)}}}
	got := roundTrip(t, p).Params
	if f := got["nan"].(float64); !math.IsNaN(f) || got["inf"] != math.Inf(-1) || !math.Signbit(got["neg zero"].(float64)) {
		t.Errorf("read back as %v", got)
	}
}

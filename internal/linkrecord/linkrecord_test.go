package linkrecord

import (
	"bytes"
	"strings"
	"testing"

	"github.com/careersite/careersite/internal/links"
	"github.com/careersite/careersite/internal/markdown"
)

// site returns a Site of HTML files, name → their HTML.
func site(files map[string]string) *links.Site {
	s := links.New()
	for name, html := range files {
		s.AddFile(name, []byte(html))
	}
	return s
}

// pages returns the pages of the tests, made anew as a build that
// converts them again would: a guide that links to a job and its pay,
// and the job, which links to nothing of the site.
func pages() []*links.Page {
	return []*links.Page{
		{File: "content/guides/g.md", URL: "/guides/g/", Links: []markdown.Link{
			{Dest: "/jobs/j/", Line: 3, Col: 1},
			{Dest: "/jobs/j/#pay", Line: 4, Col: 5},
			{Dest: "https://example.com/", Line: 5, Col: 1},
		}},
		nil,
		{File: "content/jobs/j.md", URL: "/jobs/j/", Links: []markdown.Link{{Dest: "mailto:a@example.com", Line: 2, Col: 1}}},
	}
}

var (
	withPay    = map[string]string{"guides/g/index.html": `<h1 id="g">G</h1>`, "jobs/j/index.html": `<h2 id="pay">Pay</h2>`}
	withoutPay = map[string]string{"guides/g/index.html": `<h1 id="g">G</h1>`, "jobs/j/index.html": `<h2 id="salary">Pay</h2>`}
	withoutJob = map[string]string{"guides/g/index.html": `<h1 id="g">G</h1>`}
)

func texts(errs []error) string {
	var s []string
	for _, err := range errs {
		s = append(s, err.Error())
	}
	return strings.Join(s, "\n")
}

// TestCheckAgain: after a first check, each check of unchanged pages
// against a changed site reports what a check without a record reports —
// an anchor gone from the target, the target gone, both back — also from
// a record that went through Encode and Decode.
func TestCheckAgain(t *testing.T) {
	const (
		noAnchor = `content/guides/g.md:4:5: link "/jobs/j/#pay" points to no anchor "pay" on /jobs/j/`
		noPage   = `content/guides/g.md:3:1: link "/jobs/j/" points to no page` + "\n" +
			`content/guides/g.md:4:5: link "/jobs/j/#pay" points to no page`
	)
	for _, encoded := range []bool{false, true} {
		var record *Record
		for i, step := range []struct {
			files map[string]string
			want  string
		}{
			{withPay, ""},
			{withoutPay, noAnchor},
			{withoutJob, noPage},
			{withoutJob, noPage},
			{withPay, ""},
		} {
			var got []error
			got, record = Check(record, site(step.files), pages())
			if g := texts(got); g != step.want {
				t.Errorf("encoded %v, step %d: broken links\n%s\nwant\n%s", encoded, i, g, step.want)
			}
			if encoded {
				var err error
				if record, err = Decode(record.Encode()); err != nil {
					t.Fatalf("step %d: Decode(Encode()): %v", i, err)
				}
			}
		}
	}
}

// TestCheckChangedLinks: a page whose links moved or changed is checked
// again, though the site did not change.
func TestCheckChangedLinks(t *testing.T) {
	_, record := Check(nil, site(withPay), pages())
	moved := pages()
	moved[0].Links[1].Line = 9
	got, _ := Check(record, site(withPay), moved)
	if len(got) != 0 {
		t.Fatalf("broken links %q, want none", texts(got))
	}
	changed := pages()
	changed[0].Links[1].Dest = "/jobs/j/#perks"
	got, _ = Check(record, site(withPay), changed)
	want := `content/guides/g.md:4:5: link "/jobs/j/#perks" points to no anchor "perks" on /jobs/j/`
	if g := texts(got); g != want {
		t.Errorf("after a link changed: broken links\n%s\nwant\n%s", g, want)
	}
}

// TestCheckKeepsResults: a check of the same pages against the same
// files takes every result from the record, and returns it as its own; a
// change to a file that no page links to checks nothing again.
func TestCheckKeepsResults(t *testing.T) {
	_, first := Check(nil, site(withoutPay), pages())
	got, second := Check(first, site(withoutPay), pages())
	if second != first {
		t.Error("a check of what the record saw made a new record, want the record itself")
	}
	if !strings.Contains(texts(got), `no anchor "pay"`) {
		t.Errorf("broken links from the record %q, want the missing anchor", texts(got))
	}
	other := map[string]string{"about/index.html": `<h1 id="new">About</h1>`}
	for name, html := range withoutPay {
		other[name] = html
	}
	if _, third := Check(first, site(other), pages()); third != first {
		t.Error("a file no page links to appeared, and a page was checked again")
	}
}

// TestEncodeIsStable: the same record gives the same bytes, and Decode
// refuses damaged ones.
func TestEncodeIsStable(t *testing.T) {
	_, r := Check(nil, site(withoutPay), pages())
	a, b := r.Encode(), r.Encode()
	if !bytes.Equal(a, b) {
		t.Error("Encode gave two encodings of one record")
	}
	back, err := Decode(a)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Encode(), a) {
		t.Error("Decode(Encode(r)).Encode() differs from Encode(r)")
	}
	if _, err := Decode(a[:len(a)-1]); err == nil {
		t.Error("Decode of a record cut short: no error")
	}
}

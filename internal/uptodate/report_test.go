package uptodate

import (
	"reflect"
	"testing"

	"github.com/careersite/careersite/internal/diag"
)

// TestReportEncoding: a report reads back as it was written, warnings
// with and without a fix, and bytes cut short read as none.
func TestReportEncoding(t *testing.T) {
	r := Report{Pages: 118, Files: 326, Months: 18, Days: 3, Warnings: []*diag.Error{
		{File: "content/jobs/x.md", Line: 7, Col: 3, Path: "skills", Msg: `"Postgres" is spelled "PostgreSQL" on 12 pages`, Kind: "spelling", Fix: &diag.Fix{Old: "Postgres", New: "PostgreSQL"}},
		{File: "content/roles/y.md", Line: 41, Col: 7, Msg: `link "/jobs/nope/" points to no page`},
	}}
	data := r.Encode()
	got, ok := DecodeReport(data)
	if !ok || !reflect.DeepEqual(got, r) {
		t.Errorf("DecodeReport(Encode(r)) = %+v, %v; want %+v", got, ok, r)
	}
	if _, ok := DecodeReport(data[:len(data)-1]); ok {
		t.Error("a report cut short read back")
	}
}

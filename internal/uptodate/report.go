package uptodate

import (
	"github.com/careersite/careersite/internal/cache"
	"github.com/careersite/careersite/internal/diag"
)

// A Report is what a build reported, kept as a Record's Result, so that
// a build answered from the record reports it again: its counts, its
// warnings, and the span (months and days) of the second clock its
// Times were read with, which the next build needs before it reads its
// configuration.
type Report struct {
	Pages, Files int
	Months, Days int
	Warnings     []*diag.Error
}

// Encode writes the report as a record (cache.Encoder).
func (r Report) Encode() []byte {
	var e cache.Encoder
	e.Int(r.Pages)
	e.Int(r.Files)
	e.Varint(int64(r.Months))
	e.Varint(int64(r.Days))
	e.Int(len(r.Warnings))
	for _, w := range r.Warnings {
		e.String(w.File)
		e.Int(w.Line)
		e.Int(w.Col)
		e.String(w.Path)
		e.String(w.Msg)
		e.String(w.Kind)
		if w.Fix == nil {
			e.Int(0)
			continue
		}
		e.Int(1)
		e.String(w.Fix.Old)
		e.String(w.Fix.New)
	}
	return e.Encoded()
}

// DecodeReport reads what Encode wrote; false when it cannot.
func DecodeReport(data []byte) (Report, bool) {
	d := cache.NewDecoder(data)
	r := Report{Pages: d.Int(), Files: d.Int(), Months: int(d.Varint()), Days: int(d.Varint())}
	for range d.Count(7) {
		w := &diag.Error{File: string(d.Bytes()), Line: d.Int(), Col: d.Int(), Path: string(d.Bytes()), Msg: string(d.Bytes()), Kind: string(d.Bytes())}
		if d.Int() == 1 {
			w.Fix = &diag.Fix{Old: string(d.Bytes()), New: string(d.Bytes())}
		}
		r.Warnings = append(r.Warnings, w)
	}
	return r, d.End() == nil
}

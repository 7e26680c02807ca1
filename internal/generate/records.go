package generate

import (
	"io"

	"github.com/careersite/careersite/internal/cache"
)

// This file is the records in which the pipeline keeps generated files in
// the persistent cache (cache.Encoder): a record cut short
// or damaged is never read as one.

// EncodeFiles writes files whose bytes are made (the pipeline's files
// made from bodies: the search index) for the persistent cache, one file
// at a time: their bytes may be spilled. The record (cache.Encoder) is
// their count, then each file's name, owner and bytes.
func EncodeFiles(w io.Writer, files []File) error {
	var e cache.Encoder
	e.Int(len(files))
	for _, f := range files {
		data, err := f.Make()
		if err != nil {
			return err
		}
		e.String(f.Name)
		e.String(f.Owner)
		e.Int(len(data))
		if _, err := w.Write(e.Encoded()); err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
		e.Reset()
	}
	if len(files) == 0 {
		_, err := w.Write(e.Encoded()) // the count
		return err
	}
	return nil
}

// DecodeFiles reads what EncodeFiles wrote, as files made from bodies; a
// record cut short or damaged is not read.
func DecodeFiles(b []byte) ([]File, bool) {
	d := cache.NewDecoder(b)
	var files []File
	for n := d.Count(3); n > 0; n-- {
		name, owner, data := string(d.Bytes()), string(d.Bytes()), d.Bytes()
		if d.Err() != nil {
			return nil, false
		}
		files = append(files, File{Name: name, Owner: owner, Make: BytesOf(data), Digest: DigestOf(data), FromBodies: true})
	}
	if d.End() != nil {
		return nil, false
	}
	return files, true
}

package images

import "github.com/careersite/careersite/internal/imaging"

// Clean returns the bytes of the image at loc as the site publishes the
// file itself (an image under assets/, a page's resource), under its own
// name: a JPEG, PNG or WebP image re-encoded in its own format at its own
// size (EXIF orientation applied), so that no camera or GPS metadata in
// it is published; an SVG or a GIF as it is. The re-encoded bytes are
// made as every Output is: once per build, from the persistent cache
// when they are there.
func (s *Set) Clean(loc Location) ([]byte, error) {
	src, err := s.Source(loc)
	if err != nil {
		return nil, err
	}
	f := src.Info.Format
	if f == imaging.SVG || f == imaging.GIF {
		return s.sourceBytes(src)
	}
	sp, err := (imaging.Spec{Op: imaging.OpResize, Width: src.Info.Width, Format: f}).Resolve(f)
	if err != nil {
		return nil, err
	}
	if sp.Format != imaging.PNG {
		sp.Quality = s.opts.Quality
	}
	return s.Bytes(s.output(src, sp))
}

// IsRaster reports whether name has the extension of a JPEG, PNG or WebP
// image: a file Clean re-encodes.
func IsRaster(name string) bool {
	f, ok := imaging.FormatByExt(name)
	return ok && f != imaging.SVG && f != imaging.GIF
}

// Package imaging reads, transforms and encodes the images of a site: the
// pure part of page resources, Markdown images and the template function
// image (issue 22). It knows nothing of files, pages or the build; the
// caller reads the bytes, owns the cache and places every error at the
// file, line and column that asked for the image.
//
// # Reading
//
// DecodeInfo reads an image's format and size from its header alone: JPEG,
// PNG, GIF and WebP by their signatures (never by the file's extension; see
// CheckName), SVG by its root element. The size is the displayed one: a JPEG
// whose EXIF orientation turns it (5–8) has its width and height swapped.
// An SVG's size is its width and height attributes in absolute units, else
// its viewBox (scaled to a width or height attribute given alone); an SVG
// with neither is an error that says to add a viewBox.
//
// Decode decodes the pixels of a JPEG, PNG, GIF (its first frame) or WebP
// with the EXIF orientation applied, after refusing, from the header alone,
// an image of more than the caller's maximum number of pixels: a
// decompression bomb costs a header read, not its pixels.
//
// # Processing
//
// A Spec is what a template asks for, written as in Hugo:
//
//	Resize "800x"  Resize "x600"  Resize "800x600 webp q80"
//	Fit "400x400"                 within the box, ratio kept, never enlarged
//	Fill "1200x630 top"           exactly this size, cropped at the anchor
//	Format "webp"                 the same pixels in another format
//
// ParseSpec reports a wrong word with what to write instead, as a
// *SpecError the caller places at the template's file:line:col. Spec.Size
// gives the result's size without touching pixels, so markup can carry
// width and height before any image is processed. Process scales with
// Catmull-Rom, the best kernel x/image has: golang.org/x/image/draw's
// pixels, made row by row in the memory of a few rows. Scaling down widens
// the kernel, so a 2400-pixel photograph made 480 wide does not alias. Widths gives the responsive widths of an image: the
// configured widths below its own, and its own width in place of the
// larger ones, so nothing is ever enlarged.
//
// # Encoding
//
// Encode writes JPEG and PNG with the standard library and WebP with
// libwebp compiled to WebAssembly (github.com/gen2brain/webp, no cgo). It
// writes pixels only: whatever EXIF (camera, GPS position), XMP or ICC data
// the source carried is not in the output, by construction, because the
// output is made from decoded pixels alone.
//
// # Names and cache keys
//
// KeyOf is the cache key of one processed image: the SHA-256 of the source
// bytes, the resolved spec and EncoderVersion, so an image is processed
// again exactly when its bytes, the request or an encoder changed.
// OutputName derives a fingerprinted file name from it
// ("team.800w.1f3a….webp"), so a host may cache published images for ever.
//
// Every function is pure or safe for concurrent use; the package holds no
// state of its own (the WebP encoder's compiled module is held by
// gen2brain/webp, once per process).
package imaging

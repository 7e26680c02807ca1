// Package images is the build's image pipeline: it finds the image a
// Markdown image or a template names, reads it within the site's limits,
// names every file made from it, makes each once per build on all cores,
// and keeps what it made in the persistent cache. The pixels are
// internal/imaging's; this package is the glue between them and a build.
//
// # Finding an image
//
// A Resolver turns a page and a reference, as written, into a Location:
// the file system and path to read, and the folder of the site the files
// made from it are published in. The build chains two (Chain):
// BundleFiles, a path relative to a bundle's page ("team.jpg",
// "img/team.jpg") that names a resource of its bundle, published in the
// page's folder; then Assets, a root-relative path ("/img/team.jpg") or
// one below assets/ ("assets/img/team.jpg") that names assets/img/team.jpg
// of the site, else of the theme, published in img/. Anything else — an
// external URL, a relative path no bundle holds, a file that is not an
// image — is ErrExternal: not the build's to process, left as written
// (and link-checked as before).
//
// # Reading
//
// Set.Open reads an image once per build (a Set forgets what it read when
// Reset): a file over limits.image is refused from its size, unread; a file
// whose bytes are not the format its extension says is refused
// (imaging.CheckName); a header claiming more than limits.image_pixels is
// refused before any pixel is decoded. A corrupt or truncated file is found
// when it is decoded, and reported at the first place that used it. A file
// a build before read, unchanged since by its stamp (Options.Stamps,
// internal/filestamp), is not read again: its digest and header are kept
// by its stamp, so a build with nothing changed reads no photograph. The
// limits are checked all the same.
//
// # What is published
//
// Every published file is an Output, named by imaging.OutputName in the
// folder of its source, so its URL changes whenever its bytes may. A JPEG,
// PNG or WebP image is always re-encoded, even at its own size, so no
// camera or GPS metadata is published; an SVG or a GIF is published as it
// is, under a fingerprinted name.
// Set.Clean gives the bytes an image of assets/ or of a bundle is
// published with under its own name: a JPEG, PNG or WebP one re-encoded
// likewise, in its own format at its own size.
//
// # The first image of a page
//
// Every image of a page's body but the first loads lazily (Image.Lazy,
// Uses.Lazy): the first is above the fold more often than not. The order
// is the body's, whatever showed the image — the Markdown image hook or a
// shortcode's template: shortcodes run before the Markdown is converted,
// so the caller gives Uses the place of the body's first Markdown image
// beforehand (MarkdownFirst), and a shortcode after it does not take the
// first place. A {{% %}} shortcode's Markdown images are not in that
// place: they are the hook's, after every shortcode ran.
//
// # Making files
//
// Set.Bytes makes an Output: from the persistent cache (kind "image", by
// imaging.KeyOf: the source's SHA-256, the resolved spec and
// imaging.EncoderVersion) when it is there, else by decoding its source
// once for every Output of that source still to make (the widths sharing
// the work of scaling: imaging.Scaler), each width scaled and encoded in
// parallel, at most GOMAXPROCS at a time. The bytes made are handed out, not kept: those of the other
// Outputs wait in the cache until asked for. So memory grows with the
// cores, not the images. The WebP encoder is warmed up in a goroutine of its own the first
// time anything must be encoded. Stats counts what was made, so a test can
// assert that a warm build made nothing.
//
// # The image of a page
//
// SetPageImages gives each page the picture its front matter names
// (image:, image_alt:) as the model.Image templates see, HasPageImages says
// whether any page has one, and AltWarnings which lack image_alt:
// (page.go): an absolute https URL as it is, else a PNG, JPEG, GIF or WebP
// file of the build's assets, with the width and height of its header.
package images

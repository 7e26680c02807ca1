package model

// Image is a picture of a page as templates see it: the one its front
// matter names (.Image), or the social card the build draws for a page
// without one (.SocialCard). The model holds what the build found out
// about the file; internal/site resolves it, since that reads files.
type Image struct {
	URL       string // as a page links to it: root-relative with the base path, or the absolute URL front matter gave
	Permalink string // absolute, for og:image and structured data
	Width     int    // in pixels; 0 when unknown (an image on another site)
	Height    int
	Alt       string // what it shows: image_alt, or for a card the page's title
}

package model

import (
	"path"
	"strings"

	"github.com/careersite/careersite/internal/content"
)

// Resource is a file of a page's bundle (content.BundleOf: a file beside
// an index.md or an _index.md) that is published beside the page, as it
// is: one of the page's .Resources.
type Resource struct {
	Name      string // the path below the page's folder: "checklist.pdf", "img/team.jpg"
	URL       string // root-relative, with the base path: "/guides/caching/img/team.jpg"
	Size      int64  // in bytes
	MediaType string // "image/svg+xml", "application/pdf"; "application/octet-stream" when the extension is not known

	file string // "content/guides/caching/img/team.jpg"
	out  string // "guides/caching/img/team.jpg"
}

// Resources are a page's resources, sorted by Name.
type Resources []*Resource

// Get returns the resource named name ("img/team.jpg", or "./img/team.jpg"),
// or nil when the page has none by that name: {{ with .Resources.Get "checklist.pdf" }}.
func (rs Resources) Get(name string) *Resource {
	name = path.Clean(name)
	for _, r := range rs {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// A ResourceFile is a resource as the pipeline read it: content's Resource
// and its size.
type ResourceFile struct {
	content.Resource
	Size int64
}

// AttachResources gives the pages of a model that were made from files
// their resources, files by the path of their page (content.Resource's
// Page), each list sorted by Name: the URL of each is under the page's
// URL, and so is its output (ResourceOutput). Call it after Index, and
// again for nothing: the model is made anew when resources change.
func AttachResources(pages []*Page, files map[string][]ResourceFile) {
	for _, p := range pages {
		list := files[p.File]
		if p.File == "" || len(list) == 0 || (p.Paginator != nil && p.Paginator.number > 1) {
			continue
		}
		urlDir, outDir := folderOf(p.URL), path.Dir(p.out)
		p.Resources = make(Resources, len(list))
		for i, f := range list {
			p.Resources[i] = &Resource{
				Name: f.Name, URL: urlDir + f.Name, Size: f.Size, MediaType: MediaType(f.Name),
				file: f.Path, out: path.Join(outDir, f.Name),
			}
		}
	}
}

// folderOf is the folder of a page's URL, ending in "/": the URL itself
// for "/guides/caching/", its folder for a url: from front matter that
// names a file ("/old/page.html" gives "/old/").
func folderOf(u string) string {
	if strings.HasSuffix(u, "/") {
		return u
	}
	return path.Dir(u) + "/"
}

// ResourceOutput is the file a resource is written to:
// "guides/caching/img/team.jpg".
func ResourceOutput(r *Resource) string { return r.out }

// ResourceSource is the content file a resource is published from.
func ResourceSource(r *Resource) string { return r.file }

// mediaTypes are the media types of the extensions a career site's
// bundles hold. A table of our own, not mime.TypeByExtension, whose
// answers depend on the machine's /etc/mime.types: the same site must
// give the same model everywhere.
var mediaTypes = map[string]string{
	".avif": "image/avif", ".gif": "image/gif", ".jpeg": "image/jpeg", ".jpg": "image/jpeg",
	".png": "image/png", ".svg": "image/svg+xml", ".webp": "image/webp", ".ico": "image/x-icon",
	".pdf": "application/pdf", ".txt": "text/plain", ".csv": "text/csv", ".json": "application/json",
	".xml": "application/xml", ".html": "text/html", ".ics": "text/calendar", ".zip": "application/zip",
	".mp3": "audio/mpeg", ".mp4": "video/mp4", ".webm": "video/webm", ".vtt": "text/vtt",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt":  "application/vnd.oasis.opendocument.text",
}

// MediaType is the media type of a file named name, by its extension in
// any case; "application/octet-stream" when the extension is not known.
func MediaType(name string) string {
	if t, ok := mediaTypes[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

// Package sitefuncs is the template functions a site's layouts get beyond
// internal/render's own, and their values per build: a Funcs holds the
// linker, the assets, the Markdown converter and the images of the build
// that is running, so that the templates, parsed once, call into the
// current ones without being parsed again.
//
// Map returns the functions, to be given to render.New:
//
//   - relURL and absURL: a path of the site as a URL relative to the base
//     URL's path, or absolute (model.Linker);
//   - asset NAME: the published file of assets/NAME, minified and
//     fingerprinted, with its integrity value (assets.Set.Lookup);
//   - slugify: content.Slugify;
//   - markdownify TEXT: TEXT rendered as Markdown by the site's converter,
//     with site.yaml's rules for raw HTML, as a page body is
//     ({{ .Inner | markdownify }} in a shortcode);
//   - careerPathSVG: a role guide's career path drawn (pathchart.SVG);
//   - image PATH [PAGE] (image.go): the image a Markdown image would find,
//     as an images.Image, recording every file the page's templates name.
//   - T KEY ARGS…, formatDate, formatNumber, formatMoney (strings.go): the
//     strings and formats of the language of the page being rendered
//     (internal/i18n, internal/locale).
//
// Between BeginPage and EndPage for a page (the pipeline calls them around
// rendering it) image records the image files that page's templates name;
// EndPage returns them, for the pipeline to publish with the page. In a
// shortcode and in the image render hook, whose data is an images.Body,
// image records the files in the record of the body's images, which the
// conversion of the body keeps (internal/convert). Anywhere else image is
// an error, ErrImageOutsidePage.
//
// A Funcs is safe for use by many goroutines: the pages of a build render
// in parallel, and the Set methods run between builds.
package sitefuncs

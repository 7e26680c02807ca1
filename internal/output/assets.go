package output

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/careersite/careersite/internal/diag"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/parse/v2"
)

// A Minifier makes CSS, JavaScript and HTML smaller without changing what
// they do, with github.com/tdewolff/minify. It is safe for concurrent use.
//
// HTML keeps its <html>, <head> and <body> tags and every end tag: leaving
// them out is valid HTML, but validators and people reading the output cope
// better with them, and they cost little once compressed. Style and script
// elements and attributes inside HTML are minified too, JSON-LD included.
type Minifier struct {
	m *minify.M
}

// Media types of what the Minifier handles.
const (
	typeCSS  = "text/css"
	typeJS   = "application/javascript"
	typeHTML = "text/html"
)

// NewMinifier returns a Minifier for CSS, JavaScript, JSON (inside HTML)
// and HTML.
func NewMinifier() *Minifier {
	m := minify.New()
	m.AddFunc(typeCSS, css.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), js.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.Add(typeHTML, &html.Minifier{KeepDocumentTags: true, KeepEndTags: true})
	return &Minifier{m: m}
}

// Minifiable reports whether Asset minifies the file name: a .css, .js or
// .mjs file.
func Minifiable(name string) bool {
	return assetType(name) != ""
}

func assetType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".css":
		return typeCSS
	case ".js", ".mjs":
		return typeJS
	}
	return ""
}

// Asset minifies the CSS or JavaScript file name; any other file comes
// back unchanged. A syntax error is a *diag.Error without a file.
func (m *Minifier) Asset(name string, data []byte) ([]byte, error) {
	mt := assetType(name)
	if mt == "" {
		return data, nil
	}
	out, err := m.m.Bytes(mt, data)
	if err != nil {
		return nil, syntaxError(err)
	}
	return out, nil
}

// syntaxError turns the minifier's parse error, whose text spans several
// lines, into a *diag.Error.
func syntaxError(err error) error {
	var pe *parse.Error
	if errors.As(err, &pe) {
		return &diag.Error{Line: pe.Line, Col: pe.Column, Msg: pe.Message}
	}
	return fmt.Errorf("minify: %w", err)
}

// HTML minifies an HTML document.
func (m *Minifier) HTML(data []byte) ([]byte, error) {
	out, err := m.m.Bytes(typeHTML, data)
	if err != nil {
		return nil, fmt.Errorf("minify: %w", err)
	}
	return out, nil
}

// Fingerprint returns the name a file is published under so that its URL
// changes whenever its bytes do, and so it can be cached for ever: the
// first 8 hex digits of the SHA-256 of data go before the extension,
// "css/site.css" → "css/site.3f2a9c1e.css". A name without an extension
// gets the digits at its end, "LICENSE" → "LICENSE.3f2a9c1e".
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	tag := hex.EncodeToString(sum[:4])
	ext := path.Ext(name)
	if ext == "" || ext == path.Base(name) { // ".htaccess" has no extension

		return name + "." + tag
	}
	return strings.TrimSuffix(name, ext) + "." + tag + ext
}

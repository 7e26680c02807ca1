package render

import (
	"errors"
	"fmt"
	"html/template"
	"path"
	"strings"
)

// maxPartialDepth is how deeply partials may nest. Real layouts stay within
// a handful; the limit is there to stop a partial that includes itself
// without end before it overflows the stack.
const maxPartialDepth = 100

// partial runs the partial file for name with data (nil when none is given)
// and returns its output, or the output the instance's Memo kept. It is the
// "partial" func of an instance.
func (in *instance) partial(name string, data ...any) (template.HTML, error) {
	if len(data) > 1 {
		return "", fmt.Errorf("want a partial name and at most one data argument, got %d arguments", len(data)+1)
	}
	file, err := in.r.partialFile(name)
	if err != nil {
		return "", err
	}
	if in.depth >= maxPartialDepth {
		return "", fmt.Errorf("partials nested more than %d deep; a partial that includes itself needs a condition that stops it", maxPartialDepth)
	}
	in.depth++
	defer func() { in.depth-- }()
	var arg any
	if len(data) == 1 {
		arg = data[0]
	}
	memoize := in.memo.keeps(arg, in.root)
	if memoize {
		if out, ok := in.memo.get(file, arg); ok {
			return out, nil
		}
	}
	b := borrowBuffer()
	defer giveBackBuffer(b)
	if err := in.set.ExecuteTemplate(b, file, arg); err != nil {
		return "", err
	}
	if in.inlinable[file] && !in.escaped[file] {
		in.escaped[file] = true
		in.newlyEscaped = true
	}
	// The output of an html/template execution, escaped there: safe as HTML.
	out := template.HTML(b.String())
	if memoize {
		in.memo.put(file, arg, out)
	}
	return out, nil
}

// partialFile returns the partial file for name: layouts/partials/NAME, or
// layouts/partials/NAME.html when NAME has no extension.
func (r *Renderer) partialFile(name string) (string, error) {
	file := "layouts/partials/" + name
	if r.partials[file] {
		return file, nil
	}
	if path.Ext(name) == "" && r.partials[file+".html"] {
		return file + ".html", nil
	}
	return "", fmt.Errorf("no partial %q (looked for %s)", name, file)
}

// noPartial stands in for the partial func while parsing: each instance
// binds its own (see instance).
func noPartial(string, ...any) (template.HTML, error) {
	return "", errors.New("partial called outside a render instance")
}

// MayRunOthers reports whether a layout file whose text is src may run
// other files when it runs: whether it mentions partial, template or
// money (which runs layouts/partials/money.html, or does what it does).
// A caller that keys on a file's text keys on every partial's when so.
func MayRunOthers(src string) bool {
	return strings.Contains(src, "partial") || strings.Contains(src, "template") || strings.Contains(src, "money")
}

// Package shortcode finds Hugo-syntax shortcodes in the Markdown body of a
// page and returns them as a tree, every problem at its place.
//
// # Syntax
//
// A shortcode tag opens with "{{<" and closes with ">}}", or opens with
// "{{%" and closes with "%}}"; the two must agree within a tag. Inside, after
// optional white space (line breaks included), come a name and its
// arguments:
//
//	{{< figure src="/img/a.png" width=640 >}}    named arguments
//	{{< card "/jobs/x/" 2 >}}                   positional arguments
//	{{< details summary="Why?" >}}…{{< /details >}}  paired: inner content
//	{{% note %}}…{{% /note %}}                   paired, inner text is Markdown
//	{{< youtube id="abc" />}}                    self-closing
//	{{</* figure src="x" */>}}                   written out literally
//
// A name is letters, digits and "_", "-", "." or "/" (a shortcode in a
// folder, "career/card"), not starting with "/". An argument is a value,
// or a name, "=" and a value with no space around the "=". The arguments of
// one tag are all named or all positional: Hugo forbids mixing them, and so
// do we. A value is
//
//   - a quoted string, "…", with Go's escapes (\" \\ \n \t \u00e9 …), on one line;
//   - a raw string in backquotes, `…`, taken as written, line breaks included;
//   - true or false: a bool;
//   - a decimal integer (an int) or a decimal number with a point or an
//     exponent (a float64), optionally signed;
//   - any other bare word (up to white space or the end of the tag): a string.
//
// Quoted values are always strings, so "2" is the string 2 and 2 the number.
//
// The comment form "{{</* … */>}}" (or "{{%/* … */%}}") is not a shortcode:
// it stands for its text with the comment markers removed, "{{< … >}}", so
// that a page can show shortcode syntax.
//
// # Pairing
//
// A tag "{{< /name >}}" closes the innermost open shortcode of that name;
// what lies between is its Inner. Whether an opening tag expects a closing
// one depends, as in Hugo, on its template: Options.TakesInner says so when
// the caller knows the templates. Then an opening tag of a shortcode that
// takes inner content must be closed or self-closed ("unclosed shortcode"),
// and one that takes none is complete on its own, so a closing tag for it is
// an error. Without TakesInner, or for a name that Options.Known rejects
// (an unknown shortcode, which the expander reports), an opening tag is
// paired when a closing tag of its name follows at the same level, and
// complete on its own otherwise.
//
// A closing tag that matches no open shortcode is an error. When it names a
// shortcode that was opened inside another one that has since closed, the
// tags cross ({{< a >}}{{< b >}}{{< /a >}}{{< /b >}}) and the error says so.
//
// # Code
//
// Inside code spans and fenced or indented code blocks nothing is a
// shortcode: the text stays as written. Where code is comes from goldmark's
// parser run over the body as written, with the block parsers of the
// dialect internal/markdown uses (CommonMark's, footnotes', definition
// lists'), because only a real CommonMark parser knows that a line indented
// four spaces is code after a blank line but a continuation inside a list
// item or a footnote; a light scanner of fences and backticks would get
// those wrong, silently. Of the inline parsers only code spans, raw HTML and
// autolinks run (the two can win over a backtick); links and emphasis cannot
// make code. That costs about a third of a Convert of the same page
// (BenchmarkParse), paid only by a page that has a tag: a body holding no
// "{{<" or "{{%" comes back as one Text without being parsed, and one with
// no backtick, "~~~", tab or four spaces in a row holds no code and skips
// the Markdown parser.
//
// # Output
//
// Parse returns the body as a list of nodes, Text and *Shortcode, in order;
// a paired shortcode holds the nodes between its tags. Every node has the
// byte offset of its start in the body and its 1-based line and column in
// the file (the body's first line is Options.FirstLine; a column counts
// characters). Together the nodes cover the whole body: the text of the Text
// nodes and the source of the tags, in order, is the body again, except that
// a comment-form tag's Text is the tag without its markers.
//
// Every problem is a *diag.Error at its line and column, without a File
// (callers set it with diag.Error.In(file, 0)); all of them come back
// joined, sorted, with the best tree that could be made: a tag with a bad
// argument keeps its other arguments. The errors:
//
//	unclosed shortcode "details"; want {{< /details >}}
//	closing tag {{< /details >}} has no opening tag
//	closing tag {{< /b >}} crosses "a": "b" was opened at 3:1, inside "a"
//	shortcode "youtube" takes no inner content, but has a closing tag
//	shortcode tag opened with {{< is closed with %}}
//	shortcode tag is not closed; want >}}
//	bad argument: …  (an unterminated string, a bad escape, a stray quote)
//	mixed positional and named arguments
//	shortcodes nested more than 32 deep
//	argument is 70000 bytes, over the limit of 65536
//	more than 64 arguments
//
// # Limits
//
// Parse takes time and memory in proportion to the body. Shortcodes nest at
// most Options.MaxDepth deep (32 by default): the expander walks the tree
// recursively, and a page has no business nesting deeper; parsing stops at
// the first tag over the limit and the rest of the body is text. A value is
// at most Options.MaxArgBytes (64 KiB) and a tag has at most Options.MaxArgs
// (64) arguments.
package shortcode

// Package shortcode finds Hugo-syntax shortcodes in the Markdown body of a
// page and returns them as a tree, every problem at its place (Parse), and
// runs their templates (Expand). Parsing and expanding are one idea, Hugo's
// shortcodes, in one package: the parser's pairing depends on the
// templates (TakesInner), and the expander walks the parser's tree.
//
// A build calls, per page:
//
//	x := NewExpander(renderer)                      // once per set of layouts
//	nodes, err := Parse(body, x.Options(bodyLine))  // pairing by the templates
//	exp, err := x.Expand(body, nodes, Page{File, page, site})
//	res, err := converter.Convert(exp.Markdown, bodyLine)
//	html := exp.HTML(res.HTML)                      // and exp.HTML(res.Summary)
//	toc := exp.Replace(string(res.TOC), escapedText) // heading texts, link destinations: exp.Replace(s, text)
//	line := exp.Line(res.Links[i].Line)             // and the lines of Convert's errors
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
// (BenchmarkParse), paid only by a page with a tag that may be in code: a
// body holding no "{{<" or "{{%" comes back as one Text without being
// parsed, and the body is parsed for code only when a scan of the bytes
// before a tag cannot rule code out (maybecode.go: no backticks around it
// in its paragraph, no indentation before it on its line, no fence open
// above it), so a page whose tags stand in prose skips the Markdown parser.
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
//
// # Expansion
//
// Shortcode NAME runs the template layouts/shortcodes/NAME.html, the
// site's over the theme's (render.Renderer.Shortcode), with a *Context as
// its data: .Get "arg" or .Get 0 (nil when absent), .Params (a map of the
// named arguments, a slice of the positional ones, nil for none),
// .IsNamedParams, .Inner, .Name, .Page and .Site (what the caller gave, as
// they are), .Parent (the enclosing shortcode's context, nil at the top)
// and .Position ("content/x.md:12:3"); its LanguageCode is Page.Language,
// the language of the page, in which the template functions bound to the
// execution (T and the format functions, internal/sitefuncs) write. A shortcode takes inner content,
// so its opening tag needs a closing one, when its template or a
// {{define}} in its file reads .Inner or $.Inner (Hugo's rule; TakesInner,
// which Options passes to Parse).
//
// The shortcodes inside a paired shortcode run first, so its .Inner holds
// their results: a {{% %}} one's output written in, a {{< >}} one's
// placeholder (below), which becomes its output once the HTML is done.
// Then, as in Hugo:
//
//   - {{% name %}}: .Inner is the inner text as written, template.HTML,
//     and the output is Markdown: it takes the shortcode's place in the
//     body and is converted with the page. As it is Markdown, raw HTML in
//     it, whether written by the template or the author, is kept or
//     omitted as the site's unsafe_html says.
//   - {{< name >}}: the output is HTML, kept out of the Markdown: a
//     placeholder takes the shortcode's place, and HTML puts the output
//     there after Convert. .Inner is a string: the template writes it
//     escaped ({{ .Inner }} shows the text) or renders it through the
//     site's Markdown function ({{ .Inner | markdownify }}), which keeps
//     raw HTML out unless the site allows it. Hugo makes .Inner HTML; we
//     do not, since the author's raw HTML must not reach a page by way of
//     a shortcode when it cannot reach it directly.
//
// Arguments reach the output only through html/template's contextual
// escaping: they are strings, numbers and bools, never template.HTML. A
// comment-form tag is written as its literal text; code is untouched.
// Every output loses the line breaks it ends with (template files end in
// one, which would break an inline shortcode's line).
//
// # Placeholders
//
// A placeholder is "SHORTCODE", a number k, "N", the output's index and
// "E" ("SHORTCODE0N3E"): upper-case letters and digits, which goldmark
// writes out unchanged in every position (text, a link destination, a
// table cell, a heading). k is the smallest number for which "SHORTCODEkN"
// appears nowhere in the body, in its text with character references
// decoded, or in its arguments, so text cannot pass for a placeholder,
// and the same body always gets the same placeholders. HTML replaces
// each placeholder with its output; a paragraph holding a placeholder
// alone (a shortcode alone in its paragraph) is replaced by the output
// without the <p> around it, as in Hugo. The summary is HTML too. In the
// table of contents, heading texts and link destinations, Replace puts
// what the caller makes of each output, its text say. A heading's
// generated id holds the placeholder in lower case ("pay-shortcode0n1e"),
// stable while the page's shortcodes are; give such a heading an {#id}.
// Search indexes the text of the replaced HTML: the output, no braces.
//
// # Lines
//
// A {{< >}} shortcode's placeholder is followed, for every line break in
// its source, by a line break and a filler, a placeholder that stands for
// nothing, so that lines below it keep their numbers and a blank line
// inside a paired tag does not end the paragraph around it. A {{% %}}
// shortcode whose output has fewer lines than its source gets fillers for
// the rest; one with more shifts the lines below it, and Line maps a line
// of the Markdown back to the file's. So Convert's positions hold in
// lines everywhere, through Line; a column on the line after a shortcode,
// on the same line, is off by the difference in length between the tag
// and its placeholder or output.
//
// # Built-ins
//
// The default theme's shortcodes (figure, details, youtube, param, ref,
// relref, card, salary-table) declare
// their arguments in Builtins: name, type, whether required, position,
// doc. When the template that runs is the theme's (render's FromTheme),
// Expand checks a built-in's arguments against the table before running
// it, and a built-in whose output is HTML must be written {{< >}}. A
// site's own template of a built-in is not checked: it decides what it
// takes. The checked values are what .Get and .Params return, a quoted
// whole number of an int argument ("640") made an int, a quoted "true"
// or "false" a bool, as Hugo pages write them. docs/shortcodes.md is
// generated from the same table. ref, relref, card and salary-table read
// the site's pages and data files through the .Site the caller gives
// (internal/site: .Site.GetPage, .Site.SalaryTable).
//
// # Errors
//
// Expand returns, as *diag.Error values in Page.File at the opening tag,
// joined and sorted, every unknown shortcode (with a did-you-mean from
// the shortcodes there are), every bad argument of a built-in (at the
// argument; a missing one at the tag) and every template that failed,
// its own place in the message:
//
//	content/x.md:12:3: unknown shortcode "fgure"; did you mean "figure"?
//	content/x.md:12:30: shortcode "figure": unknown argument "captoin"; did you mean "caption"?
//	content/x.md:14:1: shortcode "youtube": argument "id": "abc" is not a YouTube video id (11 letters, digits, "-" or "_")
//	content/x.md:4:3: shortcode "bad": layouts/shortcodes/bad.html:2:4: at <.Nope>: can't evaluate field Nope …
//
// A failed shortcode's output is empty (a built-in with a bad argument
// does not run) and the rest of the page is
// expanded. Expansion.Shortcodes lists the names a page used, unknown
// ones too: what its output depends on besides its body.
package shortcode

//go:generate go test -run ^TestBuiltinsDoc$ -update

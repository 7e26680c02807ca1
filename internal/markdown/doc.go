// Package markdown turns the Markdown body of a page into HTML and the facts
// about it that the rest of the build needs.
//
// # Converter
//
// New builds one goldmark instance from Options; the Converter is safe for
// concurrent use, so a build makes one and calls Convert from every worker.
// Every Convert gets its own parser context, so heading IDs never leak from
// one page into another.
//
// The dialect is CommonMark plus GFM (tables, strikethrough, linkify, task
// lists), footnotes, definition lists and, when Options.Typographer is set,
// smart quotes and dashes. A task list's checkbox is named for assistive
// technology: aria-label "Completed task" or "Incomplete task" (tasklist.go).
// A table is wrapped in <div class="table-scroll" role="region" tabindex="0">
// named by the nearest heading before it, so that a wide table can scroll
// sideways inside the page and be scrolled from the keyboard (table.go). Raw HTML is replaced by an HTML comment unless
// Options.UnsafeHTML is set.
//
// # Callouts
//
// GitHub's alert syntax makes a callout: a block quote at the top level of
// the page whose first line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or
// [!CAUTION] (any case), alone on its line, and which holds something after
// it, is written as
//
//	<div class="callout callout-note" role="note">
//	<p class="callout-title">Note</p>
//	…the quote's blocks…
//	</div>
//
// Every other block quote, "[!WORD]" of another word, a marker with text
// after it on its line, or a quote inside a list or another quote, stays a
// <blockquote>, as on GitHub. callout.go says why a note and not an aside.
//
// # Headings
//
// Every heading gets an id. A heading may set its own with the attribute
// syntax, "## Salary {#pay}"; only the id is honoured, every other attribute
// is dropped, since attributes such as style or data-* would let content
// escape the theme. The other headings get an id made from their text: lower
// case letters, digits and marks of any script are kept, apostrophes are
// dropped ("What's new" becomes "whats-new"), every other run of characters
// becomes one "-", and a text with none of them becomes "heading". The ids
// written by the author are reserved first, then generated ids are handed
// out in document order; a repeat gets "-1", "-2", … So an id depends only
// on the page, never on other pages or on the order pages are built in. Two
// headings that set the same id are reported as an error.
//
// Result.Headings lists every heading in order with its plain text.
// Result.TOC is a nested <ul> of the h2–h4 headings, nil when there are fewer
// than two of them. A heading more than one level below the one before it is
// nested one level deeper, never more, so the list is always well formed.
//
// # Summary, words and reading time
//
// The summary is the HTML of every top-level block before a line holding
// only "<!--more-->" (spaces and case inside the comment do not matter); the
// divider itself is never written to the page. Without a divider the summary
// is the first top-level paragraph, and nil when there is none. A divider
// inside a paragraph's text is not recognised.
//
// A word is a run of non-space characters holding at least one letter or
// digit. Text in code spans, code blocks, raw HTML, image alt text and bare
// URLs is not counted. Reading time is ceil(words/220) minutes.
//
// # Links and positions
//
// Result.Links lists the destination of every link, image and autolink in
// document order. Line is a line of the file (body line n is file line
// firstLine+n-1) and Col counts characters from 1. goldmark records where an
// inline node starts, and that is the position reported: the "[" of a link,
// the "!" of an image, the first character of an autolink's URL. Where a
// node carries no position, the destination text is looked for in the source
// lines of the enclosing block, and failing that the block's first line is
// reported.
//
// # Base path
//
// A site published below a path ("https://example.org/careers/") has its
// pages under that path, but authors write links from the site's root:
// [pay](/jobs/x/#pay). With Options.BasePath set to "/careers/", such
// root-relative link and image destinations are written to the HTML as
// "/careers/jobs/x/#pay"; scheme-relative ("//host/x"), relative and
// fragment-only ones, and links inside raw HTML, are left as they are.
// Result.Links keeps every destination as written, so links are checked as
// site paths (see basepath.go).
//
// # Code blocks
//
// Fenced code blocks are highlighted with chroma (see highlight.go) as
//
//	<pre class="chroma"><code class="language-go">…</code></pre>
//
// with CSS classes rather than inline styles; Stylesheet returns the matching
// CSS. The language is the first word of the info string. A block with no
// language, or one chroma does not know, is written escaped as
// <pre><code class="language-x"> (no class when there is no language). If
// chroma fails, the block is written the same plain way and Convert returns
// an *diag.Error at the line of the opening fence, joined with any others.
//
// A Converter keeps the HTML of every block it has highlighted, keyed by
// the language as written and the code, so that a block repeated on many
// pages is tokenised once per Converter (codecache.go); the cache lives as
// long as the Converter, so one kept across rebuilds keeps it too. It
// holds up to 32 MiB and drops the blocks used least recently; a block that
// failed is never kept, so every page that holds it reports the error.
//
// A block larger than Options.MaxCodeBlock (256 KiB unless site.yaml's
// limits.code_block says otherwise), or one whose highlighting runs over
// Options.HighlightBudget, is written plain in the same way, and Convert
// reports it in Result.Warnings at its opening fence rather than as an
// error: the page is fine, only its colours are missing (limits.go).
//
// # Hostile input
//
// Convert always finishes: goldmark's parsers are iterative or bounded by
// the input, and 10,000 nested block quotes, lists or brackets convert in
// well under a second (limits_test.go). The time a page can take grows faster
// than its size only for deep nesting written out line by line, which
// needs a number of bytes that grows with the square of the depth; the
// page limit (limits.page, 10 MiB) bounds it. Raw HTML is omitted unless
// Options.UnsafeHTML is set, and a heading's attribute syntax keeps only
// an id, so content cannot add a script, an event handler attribute or a
// javascript: URL to a page (see the fuzz test in internal/site).
package markdown

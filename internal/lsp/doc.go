// Package lsp is the language server of `careersite lsp`: `check`'s
// validation, the content model and the site's pages inside the author's
// editor, over the Language Server Protocol (3.16 and the parts of 3.17 it
// uses) on one connection, usually the process's stdin and stdout.
//
// The protocol's types are github.com/tliron/glsp's (protocol_3_16, which
// only needs the standard library) and the JSON-RPC 2.0 connection is
// github.com/sourcegraph/jsonrpc2, the small, maintained package glsp and
// Sourcegraph's own Go language server stand on; the framing of messages
// is this package's (stream.go), so that it can bound a message's size and
// be fuzzed.
//
// # Diagnostics
//
// There is one validator, the build's. The server keeps one site.Builder
// for the session over an overlay.FS: the site folder with the open
// buffers over it. After `initialized` it checks the whole site; after
// each change to an open buffer (full or incremental sync), a save, a
// close or a change the client reports in the folder, it checks again at
// once, the Builder doing only the work those files call for (and never
// the feeds or the search index again: site.Builder.Check). Changes that
// come while a check runs are checked together when it ends. Every problem
// `check` would print is published for the file it names, at the same
// place (converted to UTF-16 positions by textpos) and with the same
// message: an error or a warning. An open document's list carries the
// version of the text that was checked, and is not sent when the document
// changed while it was checked: the next check's list follows.
// A file whose problems all went away gets an empty list, so a change in
// one page clears or marks the pages it affects (a link to a page whose
// slug changed, a duplicate URL). Problems without a file are sent as log
// messages. A buffer of a file outside the site folder is ignored.
//
// # Editing help
//
// In the front matter of a page (YAML, TOML or JSON, each completed in
// its own syntax and read for hover by the same placement): completion of
// the keys of the page's kind (internal/fields, with their documentation),
// of enumerated values, of references (the URLs of the pages of the kind
// a field names, with their titles), of kind, and of the skills and tags
// the site already uses, most used first; hover on a key (its
// documentation), on a page URL (the page's title and kind), and on a key
// or value of a salary on the salary as the page shows it, in the page's
// language (its file name's, as the build reads it) with the words and
// amounts of its templates' T and formatMoney: a job's or role guide's
// own salary as its salary card ("Salary range: $79,850–$211,450 a year ·
// Median $132,270", "Gehaltsspanne: 55.000 €–79.850 € im Jahr"), a career
// path step's as the step's range.
//
// In the Markdown body, `](/` completes the URLs of the site's pages, and
// `#` in a link the ids of the headings of the page it names
// (`](/jobs/x/#`), or of the page being edited (`](#`), as their texts are
// now, open buffers unsaved. After `{{<` or `{{%` come the names of the
// shortcodes (the site's layouts/shortcodes and the theme's built-ins),
// and inside a call the arguments not yet given: a built-in's as
// internal/shortcode declares them, a site's own those its template reads
// with `.Get "name"`.
//
// Go to definition on a page URL, in front matter or a link, opens the
// page's file; on a shortcode's name, the site's template of it (a
// built-in the site does not replace has none on disk). Every problem with a did-you-mean (a diag.Fix) has a quick
// fix that writes the suggestion in place of the word it is about (among
// them a skill or tag spelled unlike the rest of the site, a warning of
// the check: internal/spelling): the diagnostic's Data holds the edit,
// which the client hands back with the codeAction request.
//
// # Robustness
//
// A message over 64 MiB, a header without Content-Length, a body that is
// not JSON or a closed input ends the connection: Serve returns, and the
// command exits. An unknown method is answered with MethodNotFound, a
// request before initialize with an error; a document outside the site
// gets no diagnostics and no completion.
package lsp

// Package generate makes the outputs of a build that no template renders,
// from the model (internal/model): model in, bytes out. It does no I/O and
// keeps nothing between calls; which of them to make again, and when, is
// decided by the hash of what each one reads (internal/deps, Keyer.File).
//
// The outputs, each leaving out the pages whose hidden_from names it:
//
//   - Atom 1.0 feeds (feed.go): Feed writes a model.Feed, Entry one page's
//     entry, which the pipeline keeps from build to build;
//   - the sitemap (sitemap.go): sitemap.xml, or beyond 50,000 URLs an
//     index of sitemap-N.xml files; and robots.txt, which names it;
//   - redirects (redirect.go): a small HTML page for every alias of front
//     matter and for the "/page/1/" of every paginated list, and the
//     _redirects file of static hosts; AliasPath says which aliases are
//     safe to write, and CheckAliases and CheckRedirects report the ones
//     that cannot be written (an alias that is a page's URL or another
//     redirect's), at the alias in its file (content.Locator);
//   - the search indexes' documents (search.go): which pages an index
//     holds (InSearch), what it holds of each (SearchDoc), where each
//     language's goes (SearchDirOf) and its rules (SearchOptions), for
//     internal/search to analyse and encode.
//   - social cards (card.go): which pages get one (Cards, which also sets
//     each page's .SocialCard), where it is published, what it shows, for
//     internal/socialcard to draw, and the error at a title too long for
//     one (CardError).
//
// Each output is a File (files.go): its name, what makes its bytes, and
// what those are made from, for its dependency key. Files lists those made
// from front matter; CheckOutputs reports any two outputs of a build, pages
// and assets included, that claim one file name. EncodeFiles is the record
// the pipeline keeps files in, in the persistent cache (records.go), and
// EncodeManifest the record
// of what a build published into a destination folder: each file's key,
// stamp and ids (manifest.go).
//
// Everything written as text into XML or _redirects is escaped for it
// (escape.go, xmlsafe.go): URLs percent-encoded, characters XML forbids
// replaced. The same model gives the same bytes: lists are sorted, and
// dates come from the pages, never from the clock.
package generate

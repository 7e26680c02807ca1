// Package search builds the site's static search index and reads it as
// the client does. The index is plain JSON files for any static host: no
// server, no external service. A query downloads the small manifest, the
// one term shard (a prefix: up to three) each of its words needs, and the
// record chunks of the results it shows; never the whole index.
//
// # What is indexed
//
// Build takes one Doc per page: its URL below the site's root, title,
// kind, description, summary, skills, headings, body HTML (the converted
// Markdown; Text takes its text, no second conversion) and the plain text
// the page shows beside its body (Doc.BodyText: a job's responsibilities …),
// which is indexed as body text. Four fields are indexed, with BM25F
// boosts w and length weights b:
//
//	title                                   w 6  b 0.5
//	skills                                  w 4  b 0.3
//	description, kind label, headings       w 2  b 0.5
//	body text and BodyText                  w 1  b 0.75
//
// # Analysis
//
// Text becomes terms in the same way at build time (Go) and at query time
// (assets/js/search.js); the browser test checks that the two agree on the
// whole example site:
//
//  1. Fold: lower-case, NFD, drop combining marks (Unicode M), spell out
//     ß æ œ ø ł đ ð þ ı, and ς as σ. "Développeur" → "developpeur".
//  2. Words: maximal runs of letters and numbers (Unicode L and N). The
//     index also holds two hyphenated words joined ("back-end" → "backend").
//  3. Term: a stop word (stopList) or a word of more than 40 code points is
//     dropped; a word of ASCII letters is stemmed (Stem: Porter's steps 1
//     and 5 and four rules of step 2); any other word stays as it is.
//
// # Analyses kept between builds
//
// What Build counts of a doc — each term's count in each field, and each
// field's length — is its Analysis, which Analyze returns. A caller that
// keeps them, in memory or on disk through EncodeAnalyses and
// DecodeAnalyses, gives them back in Doc.Analysis for the docs whose
// indexed fields did not change: Build then neither analyses those docs
// nor reads their bodies, and makes the same files byte for byte. Build
// trusts that an Analysis is its doc's; the caller keys it by the fields
// and by the binary that made it. EncodeAnalyses writes the terms once,
// sorted and front-coded, then each analysis as varints that number them;
// DecodeAnalyses returns an error for any bytes that are not such an
// encoding, and the analyses it returns share one table of terms.
//
// # Files
//
// Build returns, named relative to the index's folder:
//
//	index.json        the manifest, at a fixed name (clients revalidate it)
//	t/<hash>.json     term shards
//	r/<hash>.json     record chunks
//	s/<hash>.json     the skill filter's list
//
// <hash> is the first 10 hex digits of the file's SHA-256, so a host may
// let browsers keep those files for ever. The manifest:
//
//	{"v":1,          format version
//	 "n":14,         pages (N)
//	 "scale":4,      stored weights are round(tf̃ × scale)
//	 "k1":1.2,       BM25 saturation
//	 "chunk":16,     records per chunk
//	 "kinds":[["job","Job description"],…],        kind and label, by kind
//	 "shards":["","3001c38bd8","end","73e68f2bda",…], first key, hash, …
//	 "records":["4401125c43",…],                    chunk hashes, in order
//	 "skills":"c9fc7afba0"}
//
// Pages are numbered 0…N−1 in URL order. Terms are sorted by UTF-16 code
// units (JavaScript's string order) and cut into shards of about 12 KB; a
// shard's key is the shortest prefix of its first term above the last term
// of the shard before (the first key is ""), so term t is in the last shard
// whose key ≤ t, and the terms starting with p are in the shards from p's
// to (p + U+FFFF)'s. A shard maps each term to its postings:
//
//	{"postgr":[3,9,2,7,…], ":k:job":[3,1,1], ":s:postgresql":[0,2,5]}
//
// For a word, pairs of (page id minus the previous id, weight): the weight
// is round(scale × tf̃), tf̃ = Σ_f w_f·tf_f / (1 − b_f + b_f·len_f/avglen_f)
// over the four fields, so a field's length norm is baked in and the
// client needs no per-page lengths. Document frequency is the number of
// pairs. Keys starting with ":" are filters, ids alone (as differences):
// ":k:<kind>" and ":s:<skill key>" (the skill's term slug).
//
// A record chunk is an array of [url, title, kind index, summary], url
// relative to the site's root (the client resolves it against the folder
// above index.json, so the index works under any base path). The skill
// list is [[key, name, pages], …] sorted by folded name.
//
// # Ranking
//
// Index.Search is the reference the client follows: each query word is a
// term, and also a prefix when it has 3 code points or more (2 for the last
// word, the one being typed). A page's score for a word is the best, over
// the terms it matches, of weight × idf × tf·(k1+1)/(tf+k1), where weight
// is 1 for the term itself and 0.7 for a longer term it starts, idf =
// ln(1 + (N − df + 0.5)/(df + 0.5)) and tf = stored weight ÷ scale; the
// page's score is the sum over the words. Pages with every word are
// returned, best first (ties in URL order); when none has them all, those
// with the most. Filters keep only the pages in a filter's postings.
package search

#!/usr/bin/env bash
# corpus.sh GIT_DIR OUT — a real documentation corpus made into a
# careersite site (OUT/site) and its Hugo twin (OUT/hugo), both with
# bench/gen's minimal theme, for `CORPUS=OUT bench/compare.sh`.
#
# The corpus is CockroachDB's documentation, github.com/cockroachdb/docs:
# Jekyll Markdown with YAML front matter, about 7,400 pages in 16
# sections (a folder per release, v23.1 to v26.3, of about 600 pages each,
# and cockroachcloud, advisories, molt, releases), prose with lists, links
# and inline code, and many SQL blocks. Tried on commit
# 79e9a5d03f4b01203131e71af49a6f2eaae9ff63 (2026-06-12). GIT_DIR is a
# clone of it, bare (as the search tool's fetch brings it) or not; nothing
# of it is kept in this repository.
#
# The normalisation, the same for both sides (perl below):
# - pages: every .md under src/current/<section>/ for the release folders
#   and cockroachcloud, advisories, molt and releases (not _includes/,
#   which Jekyll pastes into pages and which have no front matter); a
#   folder's index.md becomes its _index.md; src/current/index.md the home
#   page.
# - front matter: title, description (from summary), date (none in the
#   corpus: a day of 2019–2025 drawn from a hash of the path, so the same
#   on every run) and tags (the page's docs_area, one per page); the rest
#   (toc, keywords, key, docs_area…) is dropped.
# - Liquid: {{ page.version.version }} becomes the page's release (or the
#   newest one outside the release folders), {% link X.md %} the page's
#   URL /X/, {{ site.data.products.X }} the word X; every other {% … %} tag
#   and {{ page.… }} / {{ site.… }} output is removed ({% include %} too:
#   the included text is not pasted in).
# - links: a relative link to a page, inline or as a reference definition
#   (create-table.html, architecture/x.md#frag, y.html?filters=z), becomes
#   ../create-table/ (the query dropped) so that it resolves from the
#   page's own URL as it did from Jekyll's; a link to the live site's
#   /docs/v26.2/x.html (or /docs/stable/) becomes /v26.2/x/ (the newest
#   release), and the Liquid variables link_prefix and version_prefix
#   are removed.
# - images: ![alt](src) becomes its alt text: the corpus's images live
#   outside the pages (images/), and careersite fails a build on a
#   missing image.
# careersite is told broken_links: warn: links to the live site (/docs/…)
# and anchors that Jekyll's heading ids name differently stay, and are
# reported as warnings rather than failing the build.
set -euo pipefail

if (($# != 2)); then
	echo "usage: bench/corpus.sh GIT_DIR OUT" >&2
	exit 2
fi
src=$1 out=$2
if [[ -e $out ]] && [[ -n $(ls -A "$out") ]]; then
	echo "corpus.sh: $out is not empty" >&2
	exit 2
fi
cd "$(dirname "$0")/.."
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/careersite-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The corpus's files, from a bare repository or a work tree.
if git --git-dir="$src" rev-parse --verify -q HEAD >/dev/null 2>&1 && [[ ! -d $src/src/current ]]; then
	# Markdown only: a fetched snapshot lacks the large files (images),
	# which git archive names on stderr even when it leaves them out.
	git --git-dir="$src" archive HEAD -- ':(glob)src/current/**/*.md' 2>"$tmp/archive.err" | tar -x -C "$tmp" ||
		{ cat "$tmp/archive.err" >&2; exit 1; }
	echo "corpus: $(git --git-dir="$src" log -1 --format='%H %cs' HEAD)"
else
	cp -r "$src/src" "$tmp/src"
fi
root=$tmp/src/current
[[ -d $root ]] || { echo "corpus.sh: $src has no src/current: not github.com/cockroachdb/docs?" >&2; exit 1; }

# The minimal theme and the configs, as bench/gen writes them.
go run ./bench/gen -n 1 -profile docs -theme minimal -out "$tmp/gen" -hugo "$tmp/genhugo" >/dev/null
mkdir -p "$out/site/content" "$out/hugo"
cp -r "$tmp/gen/layouts" "$out/site/layouts"
cp -r "$tmp/genhugo/layouts" "$out/hugo/layouts"
sed 's/^title: .*/title: CockroachDB Docs (corpus)/; s|^base_url: .*|base_url: https://corpus.example/|' "$tmp/gen/site.yaml" >"$out/site/site.yaml"
printf 'broken_links: warn\n' >>"$out/site/site.yaml"
sed 's/^title: .*/title: CockroachDB Docs (corpus)/; s|^baseURL: .*|baseURL: https://corpus.example/|' "$tmp/genhugo/config.yaml" >"$out/hugo/config.yaml"
printf '/public/\n/.careersite/\n' >"$out/site/.gitignore"

sections=$(cd "$root" && ls -d v[0-9]*.[0-9]* cockroachcloud advisories molt releases 2>/dev/null)
newest=$(cd "$root" && ls -d v[0-9]*.[0-9]* | sort -V | tail -1)
{
	echo "$root/index.md"
	for s in $sections; do find "$root/$s" -name '*.md'; done
} | sort | NEWEST=$newest ROOT=$root OUT=$out/site/content perl -e '
use strict; use warnings; use File::Path qw(make_path);
my ($root, $out, $newest) = @ENV{qw(ROOT OUT NEWEST)};
my ($pages, $skipped) = (0, 0);
sub yq { my $s = shift; $s =~ s/\\/\\\\/g; $s =~ s/"/\\"/g; return "\"$s\"" }
sub value { my $v = shift // ""; $v =~ s/^\s+|\s+$//g; $v =~ s/^(["\x27])(.*)\1$/$2/; return $v }
while (my $path = <STDIN>) {
	chomp $path;
	open my $fh, "<", $path or die "$path: $!";
	local $/; my $text = <$fh>; close $fh;
	my ($front, $body) = $text =~ /\A---\r?\n(.*?)\r?\n---\r?\n(.*)\z/s or do { $skipped++; next };
	my %fm;
	for (split /\n/, $front) { $fm{$1} = value($2) if /^([a-z_]+):\s*(.*)$/ }
	(my $rel = substr($path, length($root) + 1)) =~ s/(^|\/)index\.md$/${1}_index.md/;
	my ($section) = $rel =~ m{^([^/]+)/};
	my $version = (defined $section && $section =~ /^v\d+\.\d+$/) ? $section : $newest;
	my $title = $fm{title} // ""; $title = ($rel =~ s/\.md$//r) if $title eq "";
	my $desc = $fm{summary} // "";
	my $h = 0; $h = ($h * 31 + ord) % 2500 for split //, $rel;
	my @t = gmtime(1546300800 + $h * 86400);
	my $date = sprintf "%04d-%02d-%02d", $t[5] + 1900, $t[4] + 1, $t[3];
	my $tags = defined $fm{docs_area} && $fm{docs_area} ne "" ? "[" . yq($fm{docs_area}) . "]" : "[]";
	$body =~ s/\{\{\s*page\.version\.version\s*\}\}/$version/g;
	$body =~ s{\{%\s*link\s+([^%\s]+?)\.md\s*%\}}{"/" . ($1 =~ s{(^|/)index$}{$1}r) . "/"}ge;
	$body =~ s/\{\{\s*site\.data\.products\.(\w+)\s*\}\}/\u$1/g;
	$body =~ s/\{%.*?%\}//g;
	$body =~ s/\{\{\s*(?:page|site|include)\..*?\}\}//g;
	$body =~ s/!\[([^\]]*)\]\([^)]*\)/$1/g;
	$body =~ s{\{\{\s*(?:link_prefix|version_prefix)\s*\}\}}{}g;
	$body =~ s{\]\(/docs/([\w.-]+)/((?:[\w-]+/)*[\w-]+)\.html(?:\?[^)#]*)?(#[^)]*)?\)}{"](/" . ($1 eq "stable" ? $newest : $1) . "/$2/" . ($3 // "") . ")"}ge;
	$body =~ s{\]\(((?:[\w-]+/)*[\w-]+)\.(?:html|md)(?:\?[^)#]*)?(#[^)]*)?\)}{"](../$1/" . ($2 // "") . ")"}ge;
	$body =~ s{^(\s*\[[^\]]+\]:\s*)((?:[\w-]+/)*[\w-]+)\.(?:html|md)(?:\?\S*?)?(#\S*)?$}{"$1../$2/" . ($3 // "")}gme;
	my $dest = "$out/$rel";
	(my $dir = $dest) =~ s{/[^/]*$}{};
	make_path($dir);
	open my $oh, ">", $dest or die "$dest: $!";
	print $oh "---\ntitle: ", yq($title), "\ndescription: ", yq($desc), "\ndate: $date\ntags: $tags\n---\n\n", $body;
	close $oh;
	$pages++;
}
print "corpus: $pages files written, $skipped without front matter skipped\n";
'
# A section the corpus gives no index page gets one.
for s in $sections; do
	[[ -f $out/site/content/$s/_index.md ]] ||
		printf -- '---\ntitle: "%s"\ndescription: "The %s section of the corpus."\n---\n' "$s" "$s" >"$out/site/content/$s/_index.md"
done
cp -r "$out/site/content" "$out/hugo/content"
echo "corpus: $(find "$out/site/content" -name '*.md' ! -name '_index.md' | wc -l) pages in $(echo "$sections" | wc -w) sections: $out/site and $out/hugo"

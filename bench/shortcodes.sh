#!/usr/bin/env bash
# shortcodes.sh N — the cost of shortcodes: a cold build of a generated site
# of N pages (default 10000) whose every page uses three shortcodes (a
# figure, a salary-table read from a data file, a paired details), against
# a cold build of its twin with the shortcodes' HTML written inline
# (`bench/gen -shortcodes [-inline]`). The two publish the same pages
# (TestInlineTwin; checked here too), so their ratio is what the shortcodes
# cost. Issue 21 wants it at most 1.10.
#
# Builds run in RUNS rounds after an untimed one, each round one cold build
# of each site, the order alternating from round to round, timed by
# /usr/bin/time; a cold build has no output folder and no build cache, the
# previous ones moved aside into a trash folder rather than deleted, for
# the reason compare.sh gives. It prints the median wall and CPU time of
# each and the median of the rounds' ratios.
#
# Environment:
#   RUNS=n   rounds (default 5)
#   KEEP=1   keep the temporary folder and print its name
#   CARDS=0  both sites without social cards (social_cards: enabled: false):
#            drawing a card for every page is most of a cold build's CPU
#            since issue 22's social cards, the same in both, so it hides what the
#            shortcodes cost; without them the ratio shows it
set -euo pipefail

N=${1:-10000}
if ! [[ $N =~ ^[0-9]+$ ]] || ((N < 1)); then
	echo "usage: bench/shortcodes.sh [PAGES]" >&2
	exit 2
fi
RUNS=${RUNS:-5}
cd "$(dirname "$0")/.."
[[ -x /usr/bin/time ]] || { echo "shortcodes.sh: needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/careersite-shortcodes.XXXXXX")
cleanup() { if [[ ${KEEP:-0} != 0 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

echo "== machine"
echo "date:    $(date -u +%Y-%m-%d)"
echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD 2>/dev/null || echo ' (with changes)')"
echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:  $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "go:      $(go version | cut -d' ' -f3-)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, before the runs)"
echo "runs:    $RUNS rounds of one cold build of each, timed by /usr/bin/time"
echo "cards:   social cards $([[ ${CARDS:-1} == 0 ]] && echo off || echo on)"

echo "== generating $N pages, twice"
go build -o "$tmp/careersite" ./cmd/careersite
go run ./bench/gen -n "$N" -out "$tmp/shortcodes" -shortcodes
go run ./bench/gen -n "$N" -out "$tmp/inline" -shortcodes -inline
if [[ ${CARDS:-1} == 0 ]]; then
	printf 'social_cards:\n  enabled: false\n' | tee -a "$tmp/shortcodes/site.yaml" >>"$tmp/inline/site.yaml"
fi

mkdir "$tmp/trash"
aside() { for p; do if [[ -e $p ]]; then mv "$p" "$tmp/trash/$(date +%s%N)"; fi; done; sync; }

# build NAME [SUFFIX]: one cold build of site NAME, its times appended to
# $tmp/NAME$SUFFIX.runs as "wall user sys rss_kib".
build() {
	local name=$1 suffix=${2:-}
	aside "$tmp/out-$name" "$tmp/$name/.careersite"
	/usr/bin/time -a -o "$tmp/$name$suffix.runs" -f '%e %U %S %M' \
		"$tmp/careersite" build --source "$tmp/$name" --dest "$tmp/out-$name" --quiet >/dev/null 2>>"$tmp/$name.err" ||
		{ cat "$tmp/$name.err" >&2; echo "shortcodes.sh: $name failed" >&2; exit 1; }
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "== $RUNS rounds, after an untimed one"
build shortcodes .untimed
build inline .untimed
for ((r = 1; r <= RUNS; r++)); do
	if ((r % 2)); then
		build shortcodes
		build inline
	else
		build inline
		build shortcodes
	fi
done

# The twins publish the same files, the same but for empty lines (see
# TestInlineTwin).
if diff -r -q -B "$tmp/out-shortcodes" "$tmp/out-inline" >/dev/null; then same=yes; else same=NO; fi

echo "== results: $N pages, medians of $RUNS rounds (ratio: the median of each round's)"
printf "%-32s %10s %10s %10s %12s\n" "" "wall" "CPU" "of it sys" "peak RSS"
for name in shortcodes inline; do
	awk '{print $1}' "$tmp/$name.runs" | median >"$tmp/$name.wall"
	awk '{print $2 + $3}' "$tmp/$name.runs" | median >"$tmp/$name.cpu"
	awk '{print $3}' "$tmp/$name.runs" | median >"$tmp/$name.sys"
	awk '{print $4}' "$tmp/$name.runs" "$tmp/$name.untimed.runs" | sort -n | tail -1 >"$tmp/$name.rss"
	awk -v l="$name" -v w="$(cat "$tmp/$name.wall")" -v c="$(cat "$tmp/$name.cpu")" -v s="$(cat "$tmp/$name.sys")" -v r="$(cat "$tmp/$name.rss")" \
		'BEGIN {printf "%-32s %8.2f s %8.2f s %8.2f s %8.0f MiB\n", l, w, c, s, r / 1024}'
done
ratio() { # text field (1 wall, 2 CPU)
	local rounds
	rounds=$(paste -d' ' "$tmp/shortcodes.runs" "$tmp/inline.runs" |
		awk -v f="$2" '{ if (f == 2) print ($2 + $3) / ($6 + $7); else print $1 / $5 }' | sort -n)
	echo "$rounds" | median | awk -v t="$1" -v lo="$(echo "$rounds" | head -1)" -v hi="$(echo "$rounds" | tail -1)" \
		'{printf "%-48s %6.3f   (rounds %.3f–%.3f)\n", t, $1, lo, hi}'
}
echo
ratio "shortcodes wall / inline wall (target ≤ 1.10)" 1
ratio "shortcodes CPU / inline CPU" 2
echo "the twins publish the same pages (but for empty lines): $same"

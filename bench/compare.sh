#!/usr/bin/env bash
# compare.sh N — careersite against Hugo and the library floor on one
# generated site of N pages (default 10000), in one run.
#
# It generates the site and its Hugo twin (bench/gen) into a temporary
# folder, builds careersite and bench/floor once with `go build`, then
# builds the site in RUNS rounds, each one build of every kind in turn
# (see round below), timed by /usr/bin/time: careersite, Hugo and the
# floor from nothing — no output folder, no build cache, and the previous
# build's writes flushed to disk (sync) so that one build's writeback
# does not land in the next one's system time — and careersite warm,
# nothing changed and one page changed. The previous build's output and
# cache are moved into a trash folder, removed only at the end, rather
# than deleted: on an ext4 file system without a journal (this machine's),
# the kernel skips every inode freed in the last minute one at a time
# whenever it allocates one (recently_deleted in fs/ext4/ialloc.c), so a
# build right after a deletion of 40,000 files pays many seconds of system
# time for the deletion, not for its own work. The trash needs disk space
# for every run (about 7 GB at 10,000 pages; roughly 16 GB at 100,000,
# estimated). It prints the median wall time, CPU time (user + system) and
# system time and the peak RSS of each, time per page, and the ratios,
# each the median of the rounds' ratios. It also checks that the warm
# build after one page changed gives the same output as a full build.
#
# Environment:
#   RUNS=n       rounds (default 5; 1 above 20,000 pages)
#   HUGO=0       leave Hugo out (default: left out above 50,000 pages)
#   KEEP=1       keep the temporary folder and print its name
#   CARDS=0      build careersite without social cards (social_cards:
#                enabled: false): Hugo's twin draws none, so this is the
#                like-for-like figure; with cards (the default, as a user
#                gets them) a cold build also draws one PNG a page
#
# Run as root on a fresh Debian machine, it installs what is missing
# (hugo, time). Run it from anywhere in the repository.
set -euo pipefail

N=${1:-10000}
if ! [[ $N =~ ^[0-9]+$ ]] || ((N < 1)); then
	echo "usage: bench/compare.sh [PAGES]" >&2
	exit 2
fi
RUNS=${RUNS:-$((N > 20000 ? 1 : 5))}
HUGO=${HUGO:-$((N > 50000 ? 0 : 1))}
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }

install_missing() {
	local missing=()
	((HUGO)) && ! have hugo && missing+=(hugo)
	[[ -x /usr/bin/time ]] || missing+=(time)
	((${#missing[@]})) || return 0
	if [[ $(id -u) != 0 ]]; then
		echo "compare.sh: missing ${missing[*]}; as root: apt-get install -y ${missing[*]}" >&2
		return 0
	fi
	echo "installing ${missing[*]}" >&2
	apt-get install -y "${missing[@]}" >/dev/null 2>&1 ||
		{ apt-get update >/dev/null 2>&1 && apt-get install -y "${missing[@]}" >/dev/null 2>&1; } ||
		echo "compare.sh: could not install ${missing[*]}" >&2
}
install_missing
[[ -x /usr/bin/time ]] || { echo "compare.sh: needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }
if ((HUGO)) && ! have hugo; then
	echo "compare.sh: hugo not found (apt-get install hugo); set HUGO=0 to leave it out" >&2
	exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/careersite-compare.XXXXXX")
cleanup() { if [[ ${KEEP:-0} != 0 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

echo "== machine"
echo "date:    $(date -u +%Y-%m-%d)"
echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:  $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "go:      $(go version | cut -d' ' -f3-)"
((HUGO)) && echo "hugo:    $(hugo version | cut -d' ' -f2)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, before the runs)"
echo "runs:    $RUNS rounds of one build of each, timed by /usr/bin/time"

echo "== generating $N pages"
go build -o "$tmp/careersite" ./cmd/careersite
go build -o "$tmp/floor" ./bench/floor
hugo_dir=()
((HUGO)) && hugo_dir=(-hugo "$tmp/hugo")
go run ./bench/gen -n "$N" -out "$tmp/site" "${hugo_dir[@]}"
if [[ ${CARDS:-1} == 0 ]]; then
	printf 'social_cards:\n  enabled: false\n' >>"$tmp/site/site.yaml"
fi
echo "cards:   social cards $([[ ${CARDS:-1} == 0 ]] && echo off || echo on)"

cs_build=("$tmp/careersite" build --source "$tmp/site" --dest "$tmp/out-cs" --quiet)
# aside PATH... moves each PATH that exists into the trash (see above).
mkdir "$tmp/trash"
cat >"$tmp/aside" <<EOF
#!/bin/sh
for p; do if [ -e "\$p" ]; then mv "\$p" "$tmp/trash/\$(date +%s%N)"; fi; done
sync
EOF
chmod +x "$tmp/aside"
cs_cold="'$tmp/aside' '$tmp/out-cs' '$tmp/site/.careersite'"
hugo_build=(hugo --source "$tmp/hugo" --destination "$tmp/out-hugo" --quiet)
hugo_cold="'$tmp/aside' '$tmp/out-hugo' '$tmp/hugo/resources'"
floor_build=("$tmp/floor" -src "$tmp/site" -out "$tmp/out-floor")
floor_cold="'$tmp/aside' '$tmp/out-floor'"

# build NAME PREPARE CMD... runs PREPARE, then CMD under /usr/bin/time,
# and appends "wall user sys rss_kib" to $tmp/NAME.runs.
build() {
	local name=$1 prepare=$2
	shift 2
	bash -c "$prepare"
	/usr/bin/time -a -o "$tmp/$name.runs" -f '%e %U %S %M' "$@" >/dev/null 2>>"$tmp/$name.err" ||
		{ cat "$tmp/$name.err" >&2; echo "compare.sh: $name failed" >&2; exit 1; }
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

warm=0
"$tmp/careersite" build -h 2>&1 | grep -q -- '-no-cache' && warm=1
page=$(find "$tmp/site/content/guides" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
edit="echo 'One more sentence, edited at '\$(date +%s%N)'.' >> '$page'; sync"

# round TIMED: one build of each kind, in turn — careersite from nothing,
# Hugo from nothing, the floor, and careersite warm: nothing changed, then
# one page changed (once untimed, so that the timed one finds the output
# before last kept aside, as every build after the first does). Builds of
# one round ran under the same conditions, so the ratios are taken round
# by round: on a shared virtual machine the speed of every tool drifts by
# a fifth and more within minutes, which would move a ratio of two tools
# timed ten minutes apart. An untimed round (TIMED 0) fills the page cache
# with the input first.
round() {
	local suffix=""
	(($1)) || suffix=.untimed
	build careersite$suffix "$cs_cold" "${cs_build[@]}"
	((HUGO)) && build hugo$suffix "$hugo_cold" "${hugo_build[@]}"
	build floor$suffix "$floor_cold" "${floor_build[@]}"
	if ((warm)); then
		build warm$suffix "sync" "${cs_build[@]}"
		build warm1.untimed "$edit" "${cs_build[@]}"
		build warm1$suffix "$edit" "${cs_build[@]}"
	fi
}

echo "== $RUNS rounds of builds, after an untimed one (cold: no output, no cache; warm: cache and output present)"
round 0
for ((r = 1; r <= RUNS; r++)); do
	round 1
done
# NAME.result: the medians of wall, CPU (user + system) and system time,
# and the largest peak RSS of every build of NAME, timed or not.
for name in careersite hugo floor warm warm1; do
	[[ -s $tmp/$name.runs ]] || continue
	wall=$(awk '{print $1}' "$tmp/$name.runs" | median)
	cpu=$(awk '{print $2 + $3}' "$tmp/$name.runs" | median)
	sys=$(awk '{print $3}' "$tmp/$name.runs" | median)
	rss=$({ cat "$tmp/$name.runs"; cat "$tmp/$name.untimed.runs" 2>/dev/null || true; } | awk '{print $4}' | sort -n | tail -1)
	echo "$wall $cpu $rss $sys" >"$tmp/$name.result"
done
if ((warm)); then
	# The same site from nothing, without the cache, must give the same files.
	"$tmp/careersite" build --source "$tmp/site" --dest "$tmp/out-check" --quiet --no-cache
	if diff -r -q "$tmp/out-cs" "$tmp/out-check" >/dev/null; then same=yes; else same=NO; fi
fi

echo "== results: $N pages, medians of $RUNS rounds (ratios: the median of each round's)"
row() { # name label
	read -r wall cpu rss sys <"$tmp/$1.result"
	awk -v l="$2" -v w="$wall" -v c="$cpu" -v s="$sys" -v r="$rss" -v n="$N" \
		'BEGIN {printf "%-40s %8.2f s %8.2f s %8.2f s %8.0f MiB %8.1f µs\n", l, w, c, s, r / 1024, w / n * 1e6}'
}
ratio() { # text a b field: the median over the rounds of a's field over b's, and their range
	local field=$4 rounds
	rounds=$(paste -d' ' "$tmp/$2.runs" "$tmp/$3.runs" |
		awk -v f="$field" '{ if (f == 2) print ($2 + $3) / ($6 + $7); else print $f / $(f + 4) }' | sort -n)
	echo "$rounds" | median | awk -v t="$1" -v lo="$(echo "$rounds" | head -1)" -v hi="$(echo "$rounds" | tail -1)" \
		'{printf "%-48s %6.3f   (rounds %.3f–%.3f)\n", t, $1, lo, hi}'
}
peak() { # text a b: a's largest peak RSS over b's
	local a b
	a=$(awk '{print $3}' "$tmp/$2.result")
	b=$(awk '{print $3}' "$tmp/$3.result")
	awk -v t="$1" -v a="$a" -v b="$b" 'BEGIN {printf "%-48s %6.2f\n", t, a / b}'
}
printf "%-40s %10s %10s %10s %12s %11s\n" "" "wall" "CPU" "of it sys" "peak RSS" "wall/page"
row careersite "careersite, cold"
((HUGO)) && row hugo "hugo $(hugo version | cut -d' ' -f2), cold"
row floor "floor (goldmark + chroma, no templates)"
if ((warm)); then
	row warm "careersite, warm, nothing changed"
	row warm1 "careersite, warm, one page changed"
fi
echo
((HUGO)) && ratio "Hugo wall / careersite wall (target ≥ 3)" hugo careersite 1
((HUGO)) && ratio "Hugo CPU / careersite CPU" hugo careersite 2
((HUGO)) && peak "careersite RSS / Hugo RSS (target ≤ 0.25)" careersite hugo
ratio "careersite wall / floor wall (target ≤ 1.5)" careersite floor 1
ratio "careersite CPU / floor CPU" careersite floor 2
if ((warm)); then
	ratio "warm, nothing changed / cold (target ≤ 0.10)" warm careersite 1
	ratio "warm, one page changed / cold (target ≤ 0.15)" warm1 careersite 1
	echo "warm one-page output identical to a full build: $same"
else
	echo "warm builds: not measured, careersite has no --no-cache flag yet (no persistent cache)"
fi

#!/usr/bin/env bash
# compare.sh [N] — careersite against Hugo and the library floor on one
# site of N pages (default 10000), in one run: a site bench/gen makes
# (PROFILE, THEME) or a real documentation corpus made ready by
# bench/corpus.sh (CORPUS).
#
# It generates the site and its Hugo twin (bench/gen) into a temporary
# folder, or copies CORPUS there, builds careersite and bench/floor once
# with `go build`, then builds the site in RUNS rounds, each one build of
# every kind in turn (see round below), timed by /usr/bin/time:
# careersite, each Hugo and the floor from nothing — no output folder, no
# build cache, and the previous build's writes flushed to disk (sync) so
# that one build's writeback does not land in the next one's system time
# — and careersite warm, nothing changed and one page changed. The
# previous build's output and cache are moved into a trash folder,
# removed only at the end, rather than deleted: on an ext4 file system
# without a journal (this machine's), the kernel skips every inode freed
# in the last minute one at a time whenever it allocates one
# (recently_deleted in fs/ext4/ialloc.c), so a build right after a
# deletion of 40,000 files pays many seconds of system time for the
# deletion, not for its own work. The trash needs disk space for every run
# (about 7 GB at 10,000 pages; roughly 16 GB at 100,000, estimated); on
# /dev/shm (SHM=1), where no such cost exists and memory is short, outputs
# are deleted at once instead. It prints the median wall time, CPU time
# (user + system) and system time and the peak RSS of each, time per page,
# and the ratios against the targets of issue 23, each the median of the
# rounds' ratios. It also checks that the warm build after one page
# changed gives the same output as a full build.
#
# Environment:
#   PROFILE=career|docs  the generated site (bench/gen -profile; default career)
#   THEME=default|minimal  its templates (bench/gen -theme): careersite's
#                embedded theme against the Hugo twin's layouts, or the same
#                minimal theme on both sides (default: minimal for docs and
#                a corpus, default for career)
#   CORPUS=DIR   build DIR/site and DIR/hugo, made by bench/corpus.sh, rather
#                than a generated site; N is then the corpus's page count
#   RUNS=n       rounds (default 5; 1 above 20,000 pages)
#   HUGO=PATH    the Hugo binary (default: hugo on PATH); HUGO=0 leaves Hugo
#                out (default: left out above 50,000 pages). Issue 23 wants
#                HUGO=/tmp/hugo152/hugo (0.152.2) and HUGO2=/usr/bin/hugo
#   HUGO2=PATH   a second Hugo, timed in the same rounds, its own column
#   SHM=1        put everything (sites, outputs, caches) on /dev/shm: a
#                build without the disk, CPU and memory alone
#   STRACE=1     also count the system calls of one more cold build of
#                careersite and of each Hugo (strace -c -f, untimed), per
#                output file
#   KEEP=1       keep the temporary folder and print its name
#   CARDS=0|1    build careersite without (0) or with (1) social cards.
#                Hugo's twin draws none, so 0 is the like-for-like figure;
#                default 0 with the minimal theme (whose pages show no
#                card), 1 with the default theme, as a user gets them
#
# Run as root on a fresh Debian machine, it installs what is missing
# (hugo, time, strace). Run it from anywhere in the repository.
set -euo pipefail

PROFILE=${PROFILE:-career}
CORPUS=${CORPUS:-}
if [[ -n $CORPUS ]]; then
	CORPUS=$(cd "$CORPUS" && pwd)
	[[ -f $CORPUS/site/site.yaml && -d $CORPUS/hugo ]] ||
		{ echo "compare.sh: CORPUS=$CORPUS holds no site/ and hugo/ (make them with bench/corpus.sh)" >&2; exit 2; }
	PROFILE=corpus
	N=$(find "$CORPUS/site/content" -name '*.md' ! -name '_index.md' | wc -l)
else
	N=${1:-10000}
fi
if ! [[ $N =~ ^[0-9]+$ ]] || ((N < 1)); then
	echo "usage: bench/compare.sh [PAGES]" >&2
	exit 2
fi
case $PROFILE in
career) THEME=${THEME:-default} ;;
docs | corpus) THEME=${THEME:-minimal} ;;
*) echo "compare.sh: PROFILE=$PROFILE: want career or docs" >&2; exit 2 ;;
esac
case $THEME in
default) CARDS=${CARDS:-1} ;;
minimal) CARDS=${CARDS:-0} ;;
*) echo "compare.sh: THEME=$THEME: want default or minimal" >&2; exit 2 ;;
esac
# The floor target of issue 23: 2× on documentation, 1.5× on code-heavy pages.
floor_target=$([[ $PROFILE == career ]] && echo 1.5 || echo 2)
RUNS=${RUNS:-$((N > 20000 ? 1 : 5))}
HUGO=${HUGO:-$((N > 50000 ? 0 : 1))}
[[ $HUGO == 1 ]] && HUGO=hugo
HUGO2=${HUGO2:-}
SHM=${SHM:-0}
STRACE=${STRACE:-0}
cd "$(dirname "$0")/.."

have() { command -v "$1" >/dev/null 2>&1; }

install_missing() {
	local missing=()
	[[ $HUGO == hugo ]] && ! have hugo && missing+=(hugo)
	[[ -x /usr/bin/time ]] || missing+=(time)
	((STRACE)) && ! have strace && missing+=(strace)
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
# hugos: the Hugo binaries to time, by their names in the results (hugo, hugo2).
hugos=()
for h in HUGO HUGO2; do
	bin=${!h}
	[[ -z $bin || $bin == 0 ]] && continue
	have "$bin" || { echo "compare.sh: $h=$bin not found (apt-get install hugo; HUGO=0 leaves Hugo out)" >&2; exit 1; }
	hugos+=("$(echo "$h" | tr A-Z a-z)")
done
hugo_bin() { if [[ $1 == hugo ]]; then echo "$HUGO"; else echo "$HUGO2"; fi; }
hugo_version() { "$(hugo_bin "$1")" version | cut -d' ' -f2 | sed 's/+extended//'; }
if ((STRACE)) && ! have strace; then
	echo "compare.sh: STRACE=1 needs strace: apt-get install strace" >&2
	exit 1
fi
if ((SHM)); then
	TMPDIR=/dev/shm
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/careersite-compare.XXXXXX")
cleanup() { if [[ ${KEEP:-0} != 0 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

echo "== machine"
echo "date:    $(date -u +%Y-%m-%d)"
echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory:  $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "go:      $(go version | cut -d' ' -f3-)"
for h in "${hugos[@]}"; do printf "%-9s%s (%s)\n" "$h:" "$(hugo_version "$h")" "$(hugo_bin "$h")"; done
echo "files:   $tmp ($(df -T "$tmp" | awk 'NR == 2 {print $2}'))"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, before the runs)"
echo "runs:    $RUNS rounds of one build of each, timed by /usr/bin/time"

go build -o "$tmp/careersite" ./cmd/careersite
go build -o "$tmp/floor" ./bench/floor
if [[ -n $CORPUS ]]; then
	echo "== copying the corpus $CORPUS: $N pages"
	cp -r "$CORPUS/site" "$tmp/site"
	cp -r "$CORPUS/hugo" "$tmp/hugo"
	rm -rf "$tmp/site/.careersite" "$tmp/site/public" "$tmp/hugo/resources" "$tmp/hugo/public"
	if [[ $THEME == default ]]; then
		rm -rf "$tmp/site/layouts"
		echo "compare.sh: THEME=default on a corpus: careersite's embedded theme against the corpus's minimal Hugo layouts" >&2
	fi
else
	echo "== generating $N pages: profile $PROFILE, theme $THEME"
	hugo_dir=()
	((${#hugos[@]})) && hugo_dir=(-hugo "$tmp/hugo")
	go run ./bench/gen -n "$N" -profile "$PROFILE" -theme "$THEME" -out "$tmp/site" "${hugo_dir[@]}"
fi
if [[ $CARDS == 0 ]]; then
	printf 'social_cards:\n  enabled: false\n' >>"$tmp/site/site.yaml"
fi
echo "cards:   social cards $([[ $CARDS == 0 ]] && echo off || echo on)"

cs_build=("$tmp/careersite" build --source "$tmp/site" --dest "$tmp/out-cs" --quiet)
# aside PATH... moves each PATH that exists into the trash (see above), or
# on /dev/shm deletes it.
mkdir "$tmp/trash"
if ((SHM)); then
	printf '#!/bin/sh\nrm -rf "$@"\n' >"$tmp/aside"
else
	cat >"$tmp/aside" <<EOF
#!/bin/sh
for p; do if [ -e "\$p" ]; then mv "\$p" "$tmp/trash/\$(date +%s%N)"; fi; done
sync
EOF
fi
chmod +x "$tmp/aside"
cs_cold="'$tmp/aside' '$tmp/out-cs' '$tmp/site/.careersite'"
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
page=$(find "$tmp/site/content" -name '*.md' ! -name '_index.md' | sort | sed -n 1p)
edit="echo 'One more sentence, edited at '\$(date +%s%N)'.' >> '$page'; sync"

# round TIMED: one build of each kind, in turn — careersite from nothing,
# each Hugo from nothing, the floor, and careersite warm: nothing changed,
# then one page changed (once untimed, so that the timed one finds the
# output before last kept aside, as every build after the first does).
# Builds of one round ran under the same conditions, so the ratios are
# taken round by round: on a shared virtual machine the speed of every
# tool drifts by a fifth and more within minutes, which would move a ratio
# of two tools timed ten minutes apart. An untimed round (TIMED 0) fills
# the page cache with the input first.
round() {
	local suffix="" h
	(($1)) || suffix=.untimed
	build careersite$suffix "$cs_cold" "${cs_build[@]}"
	for h in "${hugos[@]}"; do
		build "$h$suffix" "$hugo_cold" "$(hugo_bin "$h")" --source "$tmp/hugo" --destination "$tmp/out-hugo" --quiet
	done
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
for name in careersite "${hugos[@]}" floor warm warm1; do
	[[ -s $tmp/$name.runs ]] || continue
	wall=$(awk '{print $1}' "$tmp/$name.runs" | median)
	cpu=$(awk '{print $2 + $3}' "$tmp/$name.runs" | median)
	sys=$(awk '{print $3}' "$tmp/$name.runs" | median)
	rss=$({ cat "$tmp/$name.runs"; cat "$tmp/$name.untimed.runs" 2>/dev/null || true; } | awk '{print $4}' | sort -n | tail -1)
	echo "$wall $cpu $rss $sys" >"$tmp/$name.result"
done
if ((warm)); then
	# The same site from nothing, without the cache, must give the same files.
	"$tmp/careersite" build --source "$tmp/site" --dest "$tmp/out-check" --quiet --no-cache 2>"$tmp/check.err" ||
		{ cat "$tmp/check.err" >&2; echo "compare.sh: the build without the cache failed" >&2; exit 1; }
	if diff -r -q "$tmp/out-cs" "$tmp/out-check" >/dev/null; then same=yes; else same=NO; fi
	rm -rf "$tmp/out-check"
fi

# counted NAME PREPARE OUT CMD... runs PREPARE, then CMD under strace -c -f
# into $tmp/NAME.strace, and writes "files calls open mkdir stat write
# close" to $tmp/NAME.calls: the regular files in the output folder OUT,
# all system calls, and the calls of each of those families.
counted() {
	local name=$1 prepare=$2 out=$3
	shift 3
	bash -c "$prepare"
	strace -f -c -o "$tmp/$name.strace" "$@" >/dev/null 2>>"$tmp/$name.err" ||
		{ cat "$tmp/$name.err" >&2; echo "compare.sh: $name under strace failed" >&2; exit 1; }
	local files
	files=$(find "$out" -type f | wc -l)
	# strace -c lines: % time, seconds, usecs/call, calls, [errors,] syscall.
	awk -v files="$files" '
		$NF == "total" {total = $4; next}
		$4 ~ /^[0-9]+$/ {
			s = $NF
			if (s ~ /^open/) open += $4
			else if (s ~ /^mkdir/) mkdir += $4
			else if (s ~ /stat/) stat += $4
			else if (s ~ /^(write|pwrite)/) write += $4
			else if (s == "close") closes += $4
		}
		END {print files, total, open + 0, mkdir + 0, stat + 0, write + 0, closes + 0}' "$tmp/$name.strace" >"$tmp/$name.calls"
}
if ((STRACE)); then
	echo "== system calls: one more cold build of each under strace -c -f (untimed)"
	counted careersite "$cs_cold" "$tmp/out-cs" "${cs_build[@]}"
	for h in "${hugos[@]}"; do
		counted "$h" "$hugo_cold" "$tmp/out-hugo" "$(hugo_bin "$h")" --source "$tmp/hugo" --destination "$tmp/out-hugo" --quiet
	done
fi

label() { # NAME: the row label of a build
	case $1 in
	careersite) echo "careersite, cold" ;;
	hugo | hugo2) echo "hugo $(hugo_version "$1"), cold" ;;
	floor) echo "floor (goldmark + chroma, no templates)" ;;
	warm) echo "careersite, warm, nothing changed" ;;
	warm1) echo "careersite, warm, one page changed" ;;
	esac
}
echo "== results: $N pages ($PROFILE, theme $THEME), medians of $RUNS rounds (ratios: the median of each round's)"
row() { # NAME
	read -r wall cpu rss sys <"$tmp/$1.result"
	awk -v l="$(label "$1")" -v w="$wall" -v c="$cpu" -v s="$sys" -v r="$rss" -v n="$N" \
		'BEGIN {printf "%-40s %8.2f s %8.2f s %8.2f s %8.0f MiB %8.1f µs\n", l, w, c, s, r / 1024, w / n * 1e6}'
}
ratio() { # FIELD A B: the median over the rounds of A's field (1 wall, 2 CPU) over B's, and their range
	local field=$1 rounds
	rounds=$(paste -d' ' "$tmp/$2.runs" "$tmp/$3.runs" |
		awk -v f="$field" '{ if (f == 2) print ($2 + $3) / ($6 + $7); else print $f / $(f + 4) }' | sort -n)
	echo "$rounds" | median | awk -v lo="$(echo "$rounds" | head -1)" -v hi="$(echo "$rounds" | tail -1)" \
		'{printf "%6.3f (%.3f–%.3f)", $1, lo, hi}'
}
inverse() { ratio "$1" "$3" "$2"; } # FIELD A B: B's over A's
peak() { # A B: A's largest peak RSS over B's
	awk -v a="$(awk '{print $3}' "$tmp/$1.result")" -v b="$(awk '{print $3}' "$tmp/$2.result")" 'BEGIN {printf "%6.3f", a / b}'
}
perfile() { # A B: A's system calls per output file over B's
	awk -v a="$(cat "$tmp/$1.calls")" -v b="$(cat "$tmp/$2.calls")" \
		'BEGIN {split(a, x, " "); split(b, y, " "); printf "%6.3f", (x[2] / x[1]) / (y[2] / y[1])}'
}
printf "%-40s %10s %10s %10s %12s %11s\n" "" "wall" "CPU" "of it sys" "peak RSS" "wall/page"
for name in careersite "${hugos[@]}" floor warm warm1; do
	if [[ -s $tmp/$name.result ]]; then row "$name"; fi
done

# against TEXT FUNC ARGS...: one line of the targets, FUNC ARGS... HUGO
# against each Hugo, in its column.
against() {
	local text=$1 h
	shift
	printf "%-56s" "$text"
	for h in "${hugos[@]}"; do printf " %-26s" "$("$@" "$h")"; done
	echo
}
echo
echo "== targets of issue 23"
if ((${#hugos[@]})); then
	printf "%-56s" "against"
	for h in "${hugos[@]}"; do printf " %-26s" "hugo $(hugo_version "$h")"; done
	echo
	against "Hugo wall / careersite wall (target ≥ 3)" inverse 1 careersite
	against "Hugo CPU / careersite CPU (target ≥ 3)" inverse 2 careersite
	against "careersite peak RSS / Hugo's (target ≤ 0.25)" peak careersite
	if ((STRACE)); then
		against "system calls per file, careersite / Hugo (target ≤ 1)" perfile careersite
	fi
fi
printf "%-56s %s\n" "careersite wall / floor wall (target ≤ $floor_target)" "$(ratio 1 careersite floor)"
printf "%-56s %s\n" "careersite CPU / floor CPU (target ≤ $floor_target)" "$(ratio 2 careersite floor)"
if ((warm)); then
	printf "%-56s %s\n" "warm, nothing changed / cold (target ≤ 0.10)" "$(ratio 1 warm careersite)"
	printf "%-56s %s\n" "warm, one page changed / cold (target ≤ 0.15)" "$(ratio 1 warm1 careersite)"
	echo "warm one-page output identical to a full build: $same"
fi
if ((STRACE)); then
	echo
	echo "== system calls of one cold build (strace -c -f; per output file in brackets)"
	printf "%-24s %7s %18s %18s %18s %18s %18s %18s\n" "" files calls "open*" "mkdir*" "*stat*" "write*" close
	for name in careersite "${hugos[@]}"; do
		awk -v l="$(label "$name" | sed 's/, cold//')" '{
			printf "%-24s %7d", l, $1
			for (i = 2; i <= 7; i++) printf " %9d (%6.1f)", $i, $i / $1
			printf "\n"}' "$tmp/$name.calls"
	done
fi

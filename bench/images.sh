#!/usr/bin/env bash
# images.sh [N] — careersite's image processing against Hugo's on N
# generated photographs (default 200), in one run (issue 22).
#
# bench/imagegen draws N deterministic 3000×2000 photographs (gradients,
# value noise at every scale, buildings with windows, grain; JPEG quality
# 90) and writes two sites with the same content/: N page bundles, each a
# page showing its photograph as a Markdown image. careersite's default
# render hook makes WebP and JPEG files at images.widths (480, 800, 1200,
# 1600) at quality 75; the Hugo twin's render hook makes the same eight
# files with .Resize "Nx webp q75" and .Resize "Nx q75", Catmull-Rom as
# careersite (bench/internal/photos). Social cards are off: Hugo draws
# none. careersite also publishes each photograph itself re-encoded at its
# own size (no camera or GPS metadata published); Hugo copies it.
#
# A round is, for each side in turn: a cold build (no output, no cache:
# careersite's .careersite/ and Hugo's resources/ moved aside, then sync),
# then a warm build (output and cache present, nothing changed). A warm
# build must process nothing: after it, the script counts the files of
# the image cache written since it started (careersite:
# .careersite/cache/image, Hugo: resources/_gen/images) and fails if
# there is one. It prints the median wall time, CPU time (user + system)
# and the largest peak RSS of each, and the ratios, each the median of the
# rounds' own ratios (see compare.sh for why).
#
# Peak memory must follow the cores, not the images: compare the RSS of
# `bench/images.sh 50` with that of `bench/images.sh 200`.
#
# Environment:
#   RUNS=n       rounds (default 3), after no untimed one: the photographs
#                are written just before, so the page cache holds them
#   HUGO=PATH    the Hugo binary (default: hugo on PATH); HUGO=0 leaves Hugo out
#   HUGO2=PATH   a second Hugo (e.g. 0.152.2), a column of its own
#   KEEP=1       keep the temporary folder and print its name
set -euo pipefail

N=${1:-200}
if ! [[ $N =~ ^[0-9]+$ ]] || ((N < 1)); then
	echo "usage: bench/images.sh [PHOTOS]" >&2
	exit 2
fi
RUNS=${RUNS:-3}
HUGO=${HUGO:-$(command -v hugo || echo 0)}
HUGO2=${HUGO2:-}
cd "$(dirname "$0")/.."
[[ -x /usr/bin/time ]] || { echo "images.sh: needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 1; }
for h in "$HUGO" "$HUGO2"; do
	if [[ -n $h && $h != 0 && ! -x $h ]]; then
		echo "images.sh: $h is not an executable Hugo" >&2
		exit 1
	fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/careersite-images.XXXXXX")
cleanup() { if [[ ${KEEP:-0} != 0 ]]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

echo "== machine"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "go:      $(go version | cut -d' ' -f3-)"
[[ $HUGO != 0 ]] && echo "hugo:    $("$HUGO" version | cut -d' ' -f2) ($HUGO)"
[[ -n $HUGO2 ]] && echo "hugo2:   $("$HUGO2" version | cut -d' ' -f2) ($HUGO2)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min, before the runs)"

echo "== generating $N photographs (3000×2000)"
go build -o "$tmp/careersite" ./cmd/careersite
sides=(careersite)
hugo_dirs=()
if [[ $HUGO != 0 ]]; then
	hugo_dirs=(-hugo "$tmp/hugo")
	sides+=(hugo)
fi
go run ./bench/imagegen -n "$N" -out "$tmp/site" "${hugo_dirs[@]}"
if [[ -n $HUGO2 && $HUGO != 0 ]]; then
	cp -al "$tmp/hugo" "$tmp/hugo2" # hard links: the same photographs
	sides+=(hugo2)
fi
# gen2brain/webp loads libwebp.so and libwebpdemux.so (Debian's libwebp-dev)
# when it finds both, else runs its own WebAssembly build (RESULTS.md,
# issue 22); LD_LIBRARY_PATH, which it also honours, is not looked at here.
if ldconfig -p | grep -q 'libwebp\.so ' && ldconfig -p | grep -q 'libwebpdemux\.so '; then
	echo "webp:    careersite encodes with the system's libwebp.so"
else
	echo "webp:    careersite encodes with libwebp compiled to WebAssembly (no libwebp.so)"
fi
du -sh "$tmp/site/content" | awk '{print "source:  " $1 " of JPEG"}'

# side NAME: the build command, the folders a cold build moves aside and
# the image cache a warm one must not write to.
cmd() {
	case $1 in
	careersite) echo "'$tmp/careersite' build --source '$tmp/site' --dest '$tmp/out-careersite' --quiet" ;;
	hugo) echo "'$HUGO' --source '$tmp/hugo' --destination '$tmp/out-hugo' --quiet" ;;
	hugo2) echo "'$HUGO2' --source '$tmp/hugo2' --destination '$tmp/out-hugo2' --quiet" ;;
	esac
}
cold_dirs() {
	case $1 in
	careersite) echo "$tmp/out-careersite $tmp/site/.careersite" ;;
	hugo | hugo2) echo "$tmp/out-$1 $tmp/$1/resources" ;;
	esac
}
image_cache() {
	case $1 in
	careersite) echo "$tmp/site/.careersite/cache/image" ;;
	hugo | hugo2) echo "$tmp/$1/resources/_gen/images" ;;
	esac
}

# aside PATH...: moved into a trash folder, removed at the end (compare.sh
# says why: deleting thousands of files slows the next build's creates).
mkdir "$tmp/trash"
aside() {
	local p
	for p; do [[ -e $p ]] && mv "$p" "$tmp/trash/$(date +%s%N)"; done
	sync
}

# timed NAME CMD: CMD under /usr/bin/time, "wall user sys rss_kib" appended
# to $tmp/NAME.runs.
timed() {
	/usr/bin/time -a -o "$tmp/$1.runs" -f '%e %U %S %M' bash -c "$2" >/dev/null 2>>"$tmp/$1.err" ||
		{ cat "$tmp/$1.err" >&2; echo "images.sh: $1 failed" >&2; exit 1; }
}

echo "== $RUNS rounds: each side cold (no output, no cache), then warm (nothing changed)"
for ((r = 1; r <= RUNS; r++)); do
	for s in "${sides[@]}"; do
		# shellcheck disable=SC2046
		aside $(cold_dirs "$s")
		timed "$s" "$(cmd "$s")"
		touch "$tmp/stamp"
		sleep 1 # file times have a resolution; nothing the warm build writes may share the stamp's second
		sync
		timed "$s.warm" "$(cmd "$s")"
		written=$(find "$(image_cache "$s")" -type f -newer "$tmp/stamp" | wc -l)
		total=$(find "$(image_cache "$s")" -type f | wc -l)
		echo "round $r $s: warm build wrote $written of the $total files in its image cache"
		if ((written > 0)); then
			echo "images.sh: the warm build of $s processed images" >&2
			exit 1
		fi
	done
done

for s in "${sides[@]}"; do
	printf '%s: %s WebP, %s JPEG files published\n' "$s" \
		"$(find "$tmp/out-$s" -name '*.webp' | wc -l)" "$(find "$tmp/out-$s" -name '*.jpg' | wc -l)"
done

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
label() {
	case $1 in
	careersite*) echo "careersite" ;;
	hugo2*) echo "hugo $("$HUGO2" version | cut -d' ' -f2)" ;;
	hugo*) echo "hugo $("$HUGO" version | cut -d' ' -f2)" ;;
	esac
}
row() { # NAME TEXT
	local wall cpu rss
	wall=$(awk '{print $1}' "$tmp/$1.runs" | median)
	cpu=$(awk '{print $2 + $3}' "$tmp/$1.runs" | median)
	rss=$(awk '{print $4}' "$tmp/$1.runs" | sort -n | tail -1)
	awk -v l="$2" -v w="$wall" -v c="$cpu" -v r="$rss" -v n="$N" \
		'BEGIN {printf "%-36s %9.2f s %9.2f s %9.0f MiB %9.1f ms\n", l, w, c, r / 1024, c / n * 1000}'
}
ratio() { # TEXT A B FIELD(1 wall, 2 CPU, 4 RSS): median over the rounds of A's over B's
	local rounds
	rounds=$(paste -d' ' "$tmp/$2.runs" "$tmp/$3.runs" |
		awk -v f="$4" '{ if (f == 2) print ($2 + $3) / ($6 + $7); else print $f / $(f + 4) }' | sort -n)
	echo "$rounds" | median | awk -v t="$1" -v lo="$(echo "$rounds" | head -1)" -v hi="$(echo "$rounds" | tail -1)" \
		'{printf "%-52s %6.3f   (rounds %.3f–%.3f)\n", t, $1, lo, hi}'
}

echo "== results: $N photographs, medians of $RUNS rounds (ratios: the median of each round's)"
printf "%-36s %11s %11s %13s %12s\n" "" "wall" "CPU" "peak RSS" "CPU/photo"
for s in "${sides[@]}"; do
	row "$s" "$(label "$s"), cold"
	row "$s.warm" "$(label "$s"), warm"
done
echo
for h in hugo hugo2; do
	[[ " ${sides[*]} " == *" $h "* ]] || continue
	ratio "$(label $h) wall / careersite wall, cold (target ≥ 1)" "$h" careersite 1
	ratio "$(label $h) CPU / careersite CPU, cold" "$h" careersite 2
	ratio "careersite peak RSS / $(label $h)'s, cold" careersite "$h" 4
	ratio "$(label $h) wall / careersite wall, warm" "$h.warm" careersite.warm 1
done
echo "warm builds: no image processed on any side (checked every round)"

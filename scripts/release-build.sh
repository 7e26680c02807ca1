#!/usr/bin/env bash
# Builds the release binaries of careersite into OUTDIR, with their SHA-256
# checksums in OUTDIR/SHA256SUMS:
#
#   scripts/release-build.sh VERSION OUTDIR [GOOS/GOARCH ...]
#
# VERSION (v1.2.0) names the files: careersite-VERSION-GOOS-GOARCH, with
# .exe for Windows. Without targets it builds all six that a release
# carries. .github/workflows/release.yml runs it on a version tag; .ci/run
# runs it twice for one target and compares the bytes.
#
# The binaries are reproducible: the same commit built by this script gives
# the same bytes on any machine. The Go toolchain is pinned (the README's
# Go version policy); -trimpath drops the paths of the machine; an empty
# -buildid drops the ID that would otherwise differ between toolchain
# installs; CGO_ENABLED=0 takes no C compiler or C library from the
# machine. The Go command stamps the VCS revision, its time and whether the
# checkout was clean, and the module version from the tag, into the binary
# (`careersite version` prints them), so a build from a git checkout is
# required (-buildvcs=true fails without one).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 VERSION OUTDIR [GOOS/GOARCH ...]" >&2
  exit 2
fi
version=$1
out=$2
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64)
fi

cd "$(dirname "$0")/.."
export GOTOOLCHAIN=go1.27.3 CGO_ENABLED=0
mkdir -p "$out"
files=()
for target in "${targets[@]}"; do
  goos=${target%/*}
  goarch=${target#*/}
  name="careersite-$version-$goos-$goarch"
  [ "$goos" = windows ] && name="$name.exe"
  GOOS=$goos GOARCH=$goarch go build -buildvcs=true -trimpath -ldflags=-buildid= \
    -o "$out/$name" ./cmd/careersite
  files+=("$name")
done
(cd "$out" && sha256sum "${files[@]}" > SHA256SUMS)
cat "$out/SHA256SUMS"

// Package version names a build of careersite in one line, the line that
// `careersite version` prints, that heads `careersite --help`, and that the
// build cache mixes into its keys (internal/cache's Version):
//
//	careersite VERSION revision=REV time=TIME modified=BOOL go=GO platform=OS/ARCH theme=DIGEST
//
// VERSION is the main module's version as the Go command recorded it
// (v1.2.0 for a release or `go install …@v1.2.0`, a pseudo-version such as
// v0.0.0-20261207035000-86a0aa2b1c3d+dirty for a build from a checkout),
// else "(devel)". REV and TIME are the VCS revision and its commit time in
// RFC 3339, and BOOL says whether the checkout had local changes, as the Go
// command stamps them into a build from a checkout; each is "unknown" when
// the build recorded none (go build -buildvcs=false, a test binary). GO is
// the Go release that compiled the binary, OS/ARCH its target. DIGEST is
// the first 16 hexadecimal digits of the SHA-256 of the theme: every file's
// path and contents, in lexical order of path.
//
// The first field is always "careersite" and the second the version; the
// others are key=value pairs in the order above, separated by one space,
// and no value holds a space, so a script splits the line on spaces and
// each pair at its first "=". Fields may be added at the end, never
// removed or reordered.
package version

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"io/fs"
	"runtime"
	"runtime/debug"
	"strings"
)

// unknown stands for a field the build did not record.
const unknown = "unknown"

// Info is what names a build of careersite.
type Info struct {
	Version  string // the main module's version, or "(devel)"
	Revision string // VCS revision, or "unknown"
	Time     string // the revision's commit time (RFC 3339), or "unknown"
	Modified string // "true" when the checkout had local changes, "false", or "unknown"
	Go       string // the Go release that compiled the binary
	Platform string // GOOS/GOARCH
	Theme    string // the theme's digest (Digest)
}

// Read returns the Info of the running binary with the given theme.
func Read(theme fs.FS) (Info, error) {
	info, _ := debug.ReadBuildInfo() // nil without build information
	return FromBuildInfo(info, theme)
}

// FromBuildInfo returns the Info of a binary whose build information is
// info (nil when it has none) and whose theme is theme.
func FromBuildInfo(info *debug.BuildInfo, theme fs.FS) (Info, error) {
	digest, err := Digest(theme)
	if err != nil {
		return Info{}, err
	}
	v := Info{
		Version:  "(devel)",
		Revision: unknown,
		Time:     unknown,
		Modified: unknown,
		Go:       runtime.Version(),
		Platform: runtime.GOOS + "/" + runtime.GOARCH,
		Theme:    digest,
	}
	if info == nil {
		return v, nil
	}
	if info.Main.Version != "" {
		v.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value
		}
	}
	return v, nil
}

// String is the one line that names the build (see the package comment).
func (v Info) String() string {
	return fmt.Sprintf("careersite %s revision=%s time=%s modified=%s go=%s platform=%s theme=%s",
		field(v.Version), field(v.Revision), field(v.Time), field(v.Modified), field(v.Go), field(v.Platform), field(v.Theme))
}

// field keeps a value from splitting the line: a space would make a
// second field, and an empty value would read as a missing one.
func field(s string) string {
	if s == "" {
		return unknown
	}
	return strings.ReplaceAll(s, " ", "_")
}

// Digest returns the first 16 hexadecimal digits of the SHA-256 of theme:
// of every regular file's path and contents, each length-prefixed, in the
// lexical order of fs.WalkDir. A nil theme is "none".
func Digest(theme fs.FS) (string, error) {
	if theme == nil {
		return "none", nil
	}
	h := sha256.New()
	err := fs.WalkDir(theme, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		for _, part := range [][]byte{[]byte(p), data} {
			h.Write(binary.BigEndian.AppendUint64(nil, uint64(len(part))))
			h.Write(part)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("version: theme: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

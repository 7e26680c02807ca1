package version

import (
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"testing/fstest"
)

var theme = fstest.MapFS{
	"layouts/_default/single.html": {Data: []byte("{{ .Title }}")},
	"assets/css/site.css":          {Data: []byte("body{}")},
}

func TestFromBuildInfo(t *testing.T) {
	digest, err := Digest(theme)
	if err != nil {
		t.Fatal(err)
	}
	platform := runtime.GOOS + "/" + runtime.GOARCH
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build information", nil,
			"careersite (devel) revision=unknown time=unknown modified=unknown go=" + runtime.Version() + " platform=" + platform + " theme=" + digest},
		{"test binary", &debug.BuildInfo{Main: debug.Module{Path: "github.com/careersite/careersite"}},
			"careersite (devel) revision=unknown time=unknown modified=unknown go=" + runtime.Version() + " platform=" + platform + " theme=" + digest},
		{"release", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}},
			"careersite v1.2.0 revision=unknown time=unknown modified=unknown go=" + runtime.Version() + " platform=" + platform + " theme=" + digest},
		{"checkout with changes", &debug.BuildInfo{
			Main: debug.Module{Version: "v0.0.0-20261207035000-86a0aa2b1c3d+dirty"},
			Settings: []debug.BuildSetting{
				{Key: "-trimpath", Value: "true"},
				{Key: "vcs", Value: "git"},
				{Key: "vcs.revision", Value: "86a0aa2b1c3d4e5f60718293a4b5c6d7e8f90a1b"},
				{Key: "vcs.time", Value: "2026-12-07T03:50:00Z"},
				{Key: "vcs.modified", Value: "true"},
			}},
			"careersite v0.0.0-20261207035000-86a0aa2b1c3d+dirty revision=86a0aa2b1c3d4e5f60718293a4b5c6d7e8f90a1b time=2026-12-07T03:50:00Z modified=true go=" + runtime.Version() + " platform=" + platform + " theme=" + digest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, err := FromBuildInfo(tc.info, theme)
			if err != nil {
				t.Fatal(err)
			}
			if got := v.String(); got != tc.want {
				t.Errorf("FromBuildInfo(...).String() =\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestLineSplits checks the promise to scripts: splitting on spaces gives
// "careersite", the version, then key=value pairs in order, even when a
// value would hold a space or be empty.
func TestLineSplits(t *testing.T) {
	v := Info{Version: "v1.0.0", Revision: "", Time: "a b", Modified: "false", Go: "go1.27.3", Platform: "linux/amd64", Theme: "0123456789abcdef"}
	fields := strings.Split(v.String(), " ")
	if len(fields) != 8 || fields[0] != "careersite" || fields[1] != "v1.0.0" {
		t.Fatalf("String() = %q, want careersite, the version and 6 pairs", v.String())
	}
	var keys []string
	for _, f := range fields[2:] {
		k, val, ok := strings.Cut(f, "=")
		if !ok || val == "" {
			t.Errorf("field %q is not key=value", f)
		}
		keys = append(keys, k)
	}
	if got, want := strings.Join(keys, ","), "revision,time,modified,go,platform,theme"; got != want {
		t.Errorf("keys = %s, want %s", got, want)
	}
}

func TestDigest(t *testing.T) {
	base, err := Digest(theme)
	if err != nil {
		t.Fatal(err)
	}
	if len(base) != 16 {
		t.Errorf("Digest = %q, want 16 hexadecimal digits", base)
	}
	changed := fstest.MapFS{}
	for p, f := range theme {
		changed[p] = f
	}
	changed["assets/css/site.css"] = &fstest.MapFile{Data: []byte("body{color:red}")}
	moved := fstest.MapFS{
		"layouts/_default/list.html": theme["layouts/_default/single.html"],
		"assets/css/site.css":        theme["assets/css/site.css"],
	}
	for name, fsys := range map[string]fstest.MapFS{"a file's contents changed": changed, "a file moved": moved} {
		d, err := Digest(fsys)
		if err != nil {
			t.Fatal(err)
		}
		if d == base {
			t.Errorf("%s: Digest is still %s", name, d)
		}
	}
	again, _ := Digest(theme)
	if again != base {
		t.Errorf("Digest of the same theme: %s then %s", base, again)
	}
}

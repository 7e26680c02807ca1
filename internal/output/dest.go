package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CheckDest reports why dest must not be the output folder of the site
// whose folder is siteRoot, or returns nil. A build replaces its output
// folder as a whole (Dir.Commit swaps the new output in and removes the
// old one, keeping only the paths site.yaml keeps), so a mistyped --dest
// must be refused before anything is written or deleted.
// Refused, after both paths are made absolute and their symbolic links
// resolved:
//
//   - the root of a file system ("/", "C:\");
//   - the site's folder itself, or any folder that contains it;
//   - a folder inside the site's content/, layouts/ or assets/, or one of
//     those folders itself: the build's own sources;
//   - the user's home folder, or a folder that contains it;
//   - any folder holding a site.yaml file or a content/ folder with
//     Markdown in it (another site, or a site given by the wrong --source);
//   - an existing path that is not a folder.
//
// A dest that does not exist yet is checked by where it would be.
func CheckDest(dest, siteRoot string) error {
	d, err := realPath(dest)
	if err != nil {
		return err
	}
	site, err := realPath(siteRoot)
	if err != nil {
		return err
	}
	if reason := destProblem(d, site); reason != "" {
		return &DestError{Dest: dest, Reason: reason}
	}
	return nil
}

// DestError is an output folder that CheckDest refuses.
type DestError struct {
	Dest   string // as given
	Reason string // "it is the site's own folder"
}

func (e *DestError) Error() string {
	return fmt.Sprintf("refusing to build into %s: %s; a build replaces its output folder and everything in it, so choose a folder of its own, such as public/ in the site", e.Dest, e.Reason)
}

// destProblem applies CheckDest's rules to absolute, resolved paths.
func destProblem(dest, site string) string {
	if filepath.Dir(dest) == dest {
		return "it is the root of the file system"
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := realPath(home); err == nil && (h == dest || within(h, dest)) {
			return "it is, or contains, your home folder"
		}
	}
	switch {
	case dest == site:
		return "it is the site's own folder"
	case within(site, dest):
		return "it contains the site's folder"
	}
	for _, src := range []string{"content", "layouts", "assets"} {
		if s := filepath.Join(site, src); dest == s || within(dest, s) {
			return "it is inside the site's " + src + "/ folder, which the build reads"
		}
	}
	if _, err := os.Lstat(filepath.Join(dest, "site.yaml")); err == nil {
		return "it holds a site.yaml, so it is a site's folder"
	}
	if hasMarkdown(filepath.Join(dest, "content")) {
		return "it holds a content/ folder of Markdown pages, so it is a site's folder"
	}
	if info, err := os.Lstat(dest); err == nil && !info.IsDir() {
		return "it is not a folder"
	}
	return ""
}

// hasMarkdown reports whether the folder dir holds a *.md file at any
// depth. It stops at the first. (A built site may have a content/ folder
// of its own, for a page at /content/, but never Markdown in it.)
func hasMarkdown(dir string) bool {
	found := false
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".md") {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}

// within reports whether path p is strictly inside the folder dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath returns p absolute and clean, with the symbolic links of its
// longest existing prefix resolved, so that two names of one folder
// compare equal. The part that does not exist yet is kept as written.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	rest := ""
	for cur := abs; ; {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		parent := filepath.Dir(cur)
		if !errors.Is(err, fs.ErrNotExist) || parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

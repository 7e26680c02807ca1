package content

import (
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// Symbolic links. os.DirFS follows a link wherever it leads, so a link in
// content/ could publish any file the build can read ("content/x.md ->
// /etc/passwd", or a key in the author's home). The walk therefore follows
// every link it meets itself, through fs.ReadLinkFS, and refuses one that
// leads outside the site's fs.FS (an absolute target, or ".." above the
// root, at any step of the chain) or takes more than maxLinks steps (a
// loop): the file is left out, with a warning ([Tree.LinkWarnings]). A link
// that stays inside the site is read as the file it leads to. A link to a
// folder is never walked into, so a loop of folders cannot hang the walk.
// A file system without fs.ReadLinkFS (fstest.MapFS) has no links to check.

// maxLinks is how many links one path may pass through, as Linux's
// MAXSYMLINKS: more is taken to be a loop.
const maxLinks = 40

// linkProblem follows the symbolic link name in fsys and says why it is
// refused, or returns "" when it leads to a place inside fsys.
func linkProblem(fsys fs.FS, name string) string {
	rl, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return ""
	}
	target, err := rl.ReadLink(name)
	if err != nil {
		return "cannot read the symbolic link: " + unwrapPath(err).Error()
	}
	if msg := resolve(rl, path.Dir(name), target); msg != "" {
		return "symbolic link to " + strconv.Quote(target) + " " + msg + "; left out"
	}
	return ""
}

// resolve follows target, a link found in the folder dir, step by step,
// and says why it does not lead to a place inside fsys; "" when it does.
// Every component is looked at with Lstat, so a link in the middle of the
// chain is followed too.
func resolve(fsys fs.ReadLinkFS, dir, target string) string {
	cur := dir // the folder reached so far, "." at the root
	todo := strings.Split(target, "/")
	if path.IsAbs(target) || strings.Contains(target, `\`) {
		return "leads outside the site"
	}
	for hops := 1; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if cur == "." {
				return "leads outside the site"
			}
			cur = path.Dir(cur)
			continue
		}
		next := path.Join(cur, c)
		info, err := fsys.Lstat(next)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			cur = next // a missing file is reported when it is read
			continue
		}
		if hops++; hops > maxLinks {
			return "goes round in a loop"
		}
		t, err := fsys.ReadLink(next)
		if err != nil {
			return "cannot be followed: " + unwrapPath(err).Error()
		}
		if path.IsAbs(t) || strings.Contains(t, `\`) {
			return "leads outside the site (through " + next + ")"
		}
		todo = append(strings.Split(t, "/"), todo...)
	}
	return ""
}

// unwrapPath drops the *fs.PathError around err: the path is in the message already.
func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

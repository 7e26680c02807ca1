package watch

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// stamp is what polling compares to tell that a file changed.
type stamp struct {
	size int64
	mod  int64 // modification time, Unix nanoseconds
	mode fs.FileMode
}

func stampOf(info fs.FileInfo) stamp {
	return stamp{size: info.Size(), mod: info.ModTime().UnixNano(), mode: info.Mode()}
}

// scan brings everything known in line with the disk, as sync does for each
// watched entry. quietly records the tree without marking anything.
func (w *Watcher) scan(quietly bool) {
	var limit error
	w.scanInto(&limit, quietly)
	if limit != nil {
		w.startPolling(limit, false)
	}
}

func (w *Watcher) scanInto(limit *error, quietly bool) {
	for _, p := range slices.Sorted(maps.Keys(w.top)) {
		w.syncInto(limit, p, false, quietly)
	}
}

// syncInto brings what is known about rel, and everything below it, in
// line with the disk: new and changed files are marked, vanished files are
// marked and forgotten, new directories are watched and vanished ones
// unwatched. force marks rel itself even when its stamp is unchanged;
// quietly records without marking. A watch refused by a system limit is
// stored in *limit and no more watches are tried.
func (w *Watcher) syncInto(limit *error, rel string, force, quietly bool) {
	seen := map[string]bool{}
	if info, err := os.Lstat(w.abs(rel)); err == nil && w.watched(rel, info.IsDir()) {
		if info.IsDir() {
			w.walk(limit, rel, seen, quietly)
		} else {
			w.file(rel, seen, force, quietly)
		}
	}
	w.forget(rel, seen, quietly)
}

// walk visits the directory rel and everything below it.
func (w *Watcher) walk(limit *error, rel string, seen map[string]bool, quietly bool) {
	filepath.WalkDir(w.abs(rel), func(abs string, d fs.DirEntry, err error) error {
		r, ok := w.rel(abs)
		switch {
		case !ok:
			return nil
		case err != nil:
			if d != nil && d.IsDir() && r != rel {
				return fs.SkipDir
			}
			return nil
		case r != rel && !w.watched(r, d.IsDir()):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			seen[r] = true
			w.dir(limit, r)
			return nil
		}
		w.file(r, seen, false, quietly)
		return nil
	})
}

// dir records the directory rel and watches it when it is new.
func (w *Watcher) dir(limit *error, rel string) {
	if w.dirs[rel] {
		return
	}
	w.dirs[rel] = true
	if w.fsw == nil || *limit != nil {
		return
	}
	if err := w.addWatch(w.abs(rel)); err != nil {
		if isLimit(err) {
			*limit = err
			return
		}
		w.opts.Logf("%v", err) // it vanished, or may not be read: nothing to watch
	}
}

// file records the file rel (following a symbolic link, as a build does).
func (w *Watcher) file(rel string, seen map[string]bool, force, quietly bool) {
	info, err := os.Stat(w.abs(rel))
	if err != nil || !info.Mode().IsRegular() {
		return
	}
	seen[rel] = true
	old, known := w.files[rel]
	switch {
	case quietly:
		w.files[rel] = stampOf(info)
	case force || !known || old != stampOf(info):
		w.mark(rel, info)
	}
}

// forget drops what was known at or below rel and was not seen now.
func (w *Watcher) forget(rel string, seen map[string]bool, quietly bool) {
	if !w.dirs[rel] {
		if _, ok := w.files[rel]; ok && !seen[rel] {
			w.gone(rel, quietly)
		}
		return
	}
	for f := range w.files {
		if under(f, rel) && !seen[f] {
			w.gone(f, quietly)
		}
	}
	for d := range w.dirs {
		if under(d, rel) && !seen[d] {
			delete(w.dirs, d)
			if w.fsw != nil {
				w.fsw.Remove(w.abs(d)) // fsnotify may have dropped it already
			}
		}
	}
}

func (w *Watcher) gone(rel string, quietly bool) {
	if quietly {
		delete(w.files, rel)
		return
	}
	w.mark(rel, nil)
}

// watched reports whether rel, a directory when isDir, is watched: it lies
// in one of Options.Paths, no part of it is hidden or temporary, and it is
// not in an ignored directory.
func (w *Watcher) watched(rel string, isDir bool) bool {
	first, _, _ := strings.Cut(rel, "/")
	if !w.top[first] {
		return false
	}
	for _, dir := range w.ignore {
		if under(rel, dir) {
			return false
		}
	}
	parts := strings.Split(rel, "/")
	for i, name := range parts {
		if ignored(name, isDir || i < len(parts)-1) {
			return false
		}
	}
	return true
}

// rel turns an absolute path below Root into a watched name.
func (w *Watcher) rel(abs string) (string, bool) {
	r, err := filepath.Rel(w.root, abs)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (w *Watcher) abs(rel string) string {
	return filepath.Join(w.root, filepath.FromSlash(rel))
}

// under reports whether the slash path p is dir or lies below it.
func under(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+"/")
}

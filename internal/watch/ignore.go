package watch

import (
	"strconv"
	"strings"
)

// ignored reports whether a file or directory with this base name is never
// watched nor reported: hidden names and the temporary files that editors and
// operating systems leave beside the files they save.
func ignored(name string, isDir bool) bool {
	switch {
	case strings.HasPrefix(name, "."):
		// Hidden: .DS_Store, .git, Emacs lock files (.#x.md), vim's swap
		// files for x.md (.x.md.swp). content.Load skips these too, and the
		// preview server never serves them.
		return true
	case isDir:
		return false
	case strings.HasSuffix(name, "~"):
		return true // backups: vim, Emacs, gedit
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true // Emacs auto-save
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true // JetBrains "safe write"
	}
	switch ext(name) {
	case ".swp", ".swx", ".swo", ".tmp":
		return true
	}
	return vimProbe(name)
}

// vimProbe reports whether name is the file vim creates to test whether it
// may write in a directory: "4913", or, when that exists, 4913+123, +246, …
// (see vim's fileio.c).
func vimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && name[0] != '0' && n >= 4913 && (n-4913)%123 == 0
}

func ext(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return name[i:]
	}
	return ""
}

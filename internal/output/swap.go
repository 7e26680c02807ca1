package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// oldSuffix ends the name of the old output renamed aside by the swap of a
// file system without an exchange: ".public.tmp-123.old". Only that rename
// makes such a name, so a folder with it is always a whole output.
const oldSuffix = ".old"

// split returns the parent folder of the clean path dest and its last
// element.
func split(dest string) (parent, base string) {
	parent, base = filepath.Split(dest)
	if parent == "" {
		parent = "."
	}
	return parent, base
}

// tempPrefix begins the name of every temporary folder of the destination
// base: ".public.tmp-".
func tempPrefix(base string) string { return "." + base + ".tmp-" }

// swap puts the temporary directory in place of the destination and
// returns the path that now holds the old output, for the caller to
// remove ("" or a missing path when there was none).
func (d *Dir) swap() (string, error) {
	if _, err := os.Lstat(d.dest); errors.Is(err, fs.ErrNotExist) {
		return "", os.Rename(d.tmp, d.dest)
	}
	err := d.exchange(d.tmp, d.dest)
	if err == nil {
		return d.tmp, nil
	}
	if !errors.Is(err, errors.ErrUnsupported) {
		return "", err
	}
	return renameAside(d.tmp, d.dest)
}

// renameAside is swap in three renames, for file systems that cannot
// exchange: the destination goes aside to tmp+".old", tmp into its place,
// and the old output to tmp, so that the ".old" name never holds a
// partly removed folder. Only between the first two renames is the
// destination missing; NewDir (tidy) repairs a kill there.
func renameAside(tmp, dest string) (string, error) {
	old := tmp + oldSuffix
	if err := os.Rename(dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dest); err != nil {
		return "", errors.Join(err, os.Rename(old, dest))
	}
	if err := os.Rename(old, tmp); err != nil {
		return old, nil // committed all the same; remove it where it is
	}
	return tmp, nil
}

// Tidy cleans up beside dest after killed builds, as NewDir does, for a
// build that has nothing to write: it waits for any other build of dest's
// parent folder, renames a whole old output back to dest if dest is
// missing, and removes every temporary folder of dest. Where the parent
// folder cannot be locked it does nothing.
func Tidy(dest string) error {
	parent, base := split(filepath.Clean(dest))
	lock := lockFolder(parent)
	if lock == nil {
		return nil
	}
	defer lock.Close()
	return tidy(parent, base)
}

// tidy is Tidy with the lock held: every temporary folder of base in
// parent belongs to a build that was killed. If base itself is missing and
// one of them is a whole old output (a kill between the renames of
// renameAside), it is renamed back first; the rest are removed.
func tidy(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	var stale []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), tempPrefix(base)) {
			stale = append(stale, e.Name())
		}
	}
	dest := filepath.Join(parent, base)
	if _, err := os.Lstat(dest); errors.Is(err, fs.ErrNotExist) {
		i := slices.IndexFunc(stale, func(name string) bool { return strings.HasSuffix(name, oldSuffix) })
		if i >= 0 {
			if err := os.Rename(filepath.Join(parent, stale[i]), dest); err != nil {
				return fmt.Errorf("output: restoring the output a killed build left aside: %w", err)
			}
			stale = slices.Delete(stale, i, i+1)
		}
	}
	for _, name := range stale {
		if err := os.RemoveAll(filepath.Join(parent, name)); err != nil {
			return fmt.Errorf("output: removing a folder a killed build left: %w", err)
		}
	}
	return nil
}

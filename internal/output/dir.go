// Package output owns where the bytes of a build go.
//
// A Dir is an all-or-nothing output directory. NewDir creates a temporary
// directory beside the destination (".public.tmp-*" for "public"); WriteFile
// writes into it, never outside it: every write goes through an os.Root opened
// on the temporary directory, or on Linux through openat2(2) resolving the
// name beneath it (writer_linux.go), so no name can escape it. Commit swaps the
// temporary directory in place of the destination and removes the old one
// (or keeps it as the recycled output, below); Abort removes the temporary directory
// and leaves the destination exactly as it was. Until Commit succeeds the destination is not touched at all.
//
// Names given to WriteFile are slash-separated paths relative to the output
// root ("jobs/back-end-developer/index.html"), as produced by fs.ValidPath.
//
// Reuse publishes a file of the destination again without its bytes being
// written: the file is hard-linked into the temporary directory (copied
// where the file system has no hard links), if it is still the regular file
// the last build stamped, with the same size and modification time. Every
// file a Dir publishes gets a Stamp, so that the next build can tell
// whether anything touched it since.
//
// # Recycling the old output
//
// With Recycle, Commit does not remove the old output but moves it to the
// recycle path, and the next NewDir starts from that folder instead of an
// empty one (renaming it to its temporary name, so that a killed build
// leaves it to be removed like any other temporary folder). A build after
// a small change then touches only what changed since the build before
// last, instead of making a folder for every page, a hard link for every
// file, and removing as many from the old output. The result is the same
// as from an empty folder: a file of the recycled output is never written into (it
// may be a hard link to the destination's), but removed and made anew;
// Reuse keeps the recycled output's file only when it is the destination's file
// itself (os.SameFile); and before the kept paths are carried, Commit
// removes every file and folder of the recycled output that the build did not
// publish or make. Abort leaves what was written as the recycled output. A recycled output
// that is not a real folder is never taken.
//
// What the recycled output holds is known without reading each of its
// folders: Commit writes a listing of the new output beside the recycle
// path, from what the build published and made, and the listing moves with
// the output (listing.go). The Dir that takes it reads from the disk only
// the root, the folders near kept paths and those that anything changed
// after the listing was written, as their change times tell.
//
// # Kept paths
//
// Keep names paths relative to the output root that other tools put into
// the destination ("CNAME", ".nojekyll", the ".git" of a gh-pages worktree)
// and that every Commit carries into the new output (keep.go): before the
// swap, each one the old destination has is hard-linked into the temporary
// directory, a folder recursively with its symbolic links made again as
// links, a file copied where it cannot be linked. Nothing is moved out of
// the old destination, which stays whole until the swap. What the build
// wrote wins: a kept file that the build also wrote is the build's, and a
// kept folder is merged with what the build wrote into it, the build's
// file winning where both have one. A kept path whose folders in the old
// destination are not all real folders (".well-known/x" where
// ".well-known" is a symbolic link) is not carried. Kept files get no
// Stamp: they are not the build's.
//
// # Crash safety
//
// A build may be killed at any moment (SIGKILL, a CI job cancelled); the
// destination is then the whole old output or the whole new one, never
// missing and never mixed, and the next build cleans up:
//
//   - On Linux, Commit exchanges the temporary directory and the
//     destination in one renameat2(2) with RENAME_EXCHANGE; the temporary
//     path then holds the old output, which is removed.
//   - Where the system or the file system has no exchange, Commit renames
//     the destination aside to ".public.tmp-*.old", the temporary directory
//     into place, and the old output back to the temporary name, where it
//     is removed. A kill between the first two renames leaves no
//     destination but a whole ".old" folder (nothing else ever has that
//     name), which the next NewDir renames back first.
//   - NewDir takes an exclusive flock on the destination's parent folder
//     (the folder itself, opened read-only, so no lock file is left
//     behind), waiting for any other build of that folder, and holds it
//     until Commit or Abort. Holding it, NewDir knows every
//     ".public.tmp-*" beside the destination is left over from a killed
//     build, and removes it. Tidy does the same for a build that has
//     nothing to write. Where the folder cannot be locked (a network file
//     system whose flock needs a file open for writing, a system other
//     than Unix) nothing is locked, and nothing is removed either, since
//     it may belong to a build running now.
//
// Nothing is synced to disk: a power cut is not a kill, and may leave the
// destination's newest files empty on some file systems.
//
// A Memory (memory.go) is the in-memory counterpart for the preview server;
// its Reuse carries a file of the previous Tree over to the next.
//
// A Minifier (assets.go) makes CSS, JavaScript and HTML smaller with
// github.com/tdewolff/minify, and Fingerprint names a file after its bytes
// ("css/site.css" → "css/site.3f2a9c1e.css", 8 hex digits of SHA-256) so
// that hosts can let browsers cache it for ever.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// Dir is an output directory that is written in full before it replaces the
// destination. It is safe for concurrent WriteFile calls.
type Dir struct {
	dest string
	tmp  string
	root *os.Root
	w    writer   // the files and folders written, beneath root
	lock *os.File // the parent folder, flocked; nil where it cannot be locked
	keep []string // the kept paths (Keep)
	// recyclePath is where the old output waits for the next Dir (Recycle);
	// fromSpare says this one started from it.
	recyclePath  string
	fromRecycled bool
	// recycled is what the recycled output held when this Dir took it, every file and
	// folder by name (true for a real folder), in the order of a walk,
	// parents first; recycledHas finds them. Knowing them, a Dir makes no
	// system call for a folder the recycled output has, removes nothing where the
	// recycled output has nothing, and prunes without a second walk.
	recycled    []recycledEntry
	recycledHas map[string]bool
	// recycledIDs are the device and inode of the files of the recycled
	// output in the folders its listing vouched for (listing.go): a
	// name there is still the file the listing names.
	recycledIDs map[string]fileID

	// exchange swaps two folders in one step (swap_linux.go); tests
	// replace it to take the way of the file systems that cannot.
	exchange func(a, b string) error

	mu     sync.Mutex
	stamps map[string]Stamp  // every file published, by name
	ids    map[string]fileID // the device and inode of every file published, where known (for the listing)
	dirs   sync.Map          // the folders made, by name
}

// An Option changes how NewDir makes a Dir.
type Option func(*Dir)

// A Stamp tells whether a published file was changed since: its size and
// modification time.
type Stamp struct {
	Size    int64
	ModTime int64 // Unix nanoseconds
}

func stampOf(info fs.FileInfo) Stamp {
	return Stamp{Size: info.Size(), ModTime: info.ModTime().UnixNano()}
}

// NewDir prepares a temporary directory beside dest, after waiting for any
// other build of dest's parent folder and cleaning up after killed ones
// (see the package comment). The parent of dest must exist; dest itself
// need not.
func NewDir(dest string, opts ...Option) (*Dir, error) {
	d := &Dir{dest: filepath.Clean(dest), exchange: exchange, stamps: map[string]Stamp{}, ids: map[string]fileID{}}
	for _, o := range opts {
		o(d)
	}
	parent, base := split(d.dest)
	d.lock = lockFolder(parent)
	if d.lock != nil {
		if err := tidy(parent, base); err != nil {
			d.unlock()
			return nil, err
		}
	}
	tmp, err := os.MkdirTemp(parent, tempPrefix(base))
	if err != nil {
		d.unlock()
		return nil, fmt.Errorf("output: %w", err)
	}
	var known *listing
	if d.recyclePath != "" {
		known = d.takeListing()
	}
	d.fromRecycled = d.takeRecycled(tmp)
	if d.fromRecycled {
		if _, err := d.listRecycled(tmp, known); err != nil {
			os.RemoveAll(tmp)
			d.unlock()
			return nil, fmt.Errorf("output: %w", err)
		}
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		d.unlock()
		return nil, fmt.Errorf("output: %w", err)
	}
	d.tmp, d.root, d.w = tmp, root, newWriter(tmp, root)
	return d, nil
}

// WriteFile writes data to name inside the output, creating directories as
// needed.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := d.prepare(name); err != nil {
		return err
	}
	s, id, err := d.write(name, data)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	d.stamp(name, s, id)
	return nil
}

// write writes data to the new file name and returns its Stamp, device
// and inode.
func (d *Dir) write(name string, data []byte) (Stamp, fileID, error) {
	if _, there := d.recycledHas[name]; there {
		if err := d.clear(name); err != nil {
			return Stamp{}, fileID{}, err
		}
	}
	return d.w.create(name, data)
}

// prepare checks name and makes its directory.
func (d *Dir) prepare(name string) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("output: invalid file name %q", name)
	}
	if dir := path.Dir(name); dir != "." {
		if err := d.mkdir(dir); err != nil {
			return fmt.Errorf("output: %w", err)
		}
	}
	return nil
}

// mkdir makes dir and its parents, remembering what it made: a site has a
// folder per page, and Root.MkdirAll opens every parent each time.
func (d *Dir) mkdir(dir string) error {
	if _, done := d.dirs.Load(dir); done || dir == "." {
		return nil
	}
	if err := d.mkdir(path.Dir(dir)); err != nil {
		return err
	}
	if !d.recycledHas[dir] {
		err := d.w.mkdir(dir)
		if errors.Is(err, fs.ErrExist) {
			err = nil
			if d.fromRecycled {
				err = d.realFolder(dir)
			}
		}
		if err != nil {
			return err
		}
	}
	d.dirs.Store(dir, true)
	return nil
}

// Reuse publishes the destination's file name again, as it is, and reports
// true; or reports false, publishing nothing, when the destination has no
// such regular file or it does not match want (it was changed since the
// build that stamped it).
func (d *Dir) Reuse(name string, want Stamp) (bool, error) {
	if err := d.prepare(name); err != nil {
		return false, err
	}
	src := filepath.Join(d.dest, filepath.FromSlash(name))
	info, err := os.Lstat(src)
	if err != nil || !info.Mode().IsRegular() || stampOf(info) != want {
		return false, nil
	}
	dst := filepath.Join(d.tmp, filepath.FromSlash(name))
	id, _ := fileIDOf(info)
	if _, there := d.recycledHas[name]; there {
		if d.recycledHolds(name, dst, info) {
			d.stamp(name, want, id) // the recycled output has it already
			return true, nil
		}
		if err := d.clear(name); err != nil {
			return false, fmt.Errorf("output: %w", err)
		}
	}
	if err := os.Link(src, dst); err != nil {
		// No hard links here (or across these two folders): copy.
		data, err := os.ReadFile(src)
		if err != nil {
			return false, nil
		}
		return true, d.WriteFile(name, data)
	}
	d.stamp(name, want, id)
	return true, nil
}

// Update reports false: a Dir cannot change the destination in place, as
// that would break the all-or-nothing rule; every build gives it every
// file, written or reused.
func (d *Dir) Update() bool { return false }

// Remove is an error: a Dir holds only what a build gave it, so there is
// nothing to remove (see Update).
func (d *Dir) Remove(name string) error {
	return fmt.Errorf("output: Remove(%q) from a Dir, which is given every file", name)
}

func (d *Dir) stamp(name string, s Stamp, id fileID) {
	d.mu.Lock()
	d.stamps[name] = s
	if id != (fileID{}) {
		d.ids[name] = id
	}
	d.mu.Unlock()
}

// Stamps returns the Stamp of every file published so far, by name. After
// Commit they are the stamps of the destination's files, kept paths aside.
func (d *Dir) Stamps() map[string]Stamp {
	d.mu.Lock()
	defer d.mu.Unlock()
	return maps.Clone(d.stamps)
}

// Commit replaces the destination with everything written so far and the
// kept paths of the old destination. At every moment, even if the process
// is killed, the destination path holds either the complete old output or
// the complete new one (see the package comment for how, and for the one
// exception of file systems without an exchange).
func (d *Dir) Commit() error {
	defer d.unlock()
	if d.fromRecycled {
		if err := d.prune(); err != nil {
			return d.fail(err)
		}
	}
	if err := d.carry(); err != nil {
		return d.fail(err)
	}
	if err := d.w.close(); err != nil {
		return d.fail(err)
	}
	if err := d.root.Close(); err != nil {
		return d.fail(err)
	}
	if err := os.Chmod(d.tmp, 0o755); err != nil { // MkdirTemp makes it 0700
		return d.fail(err)
	}
	root, listed := d.rootID()
	old, err := d.swap()
	if err != nil {
		return d.fail(err)
	}
	moved, err := d.putRecycled(old)
	if err != nil {
		return fmt.Errorf("output: removing the previous output: %w", err)
	}
	if d.recyclePath != "" {
		if moved {
			d.moveListing()
		}
		d.saveListing(root, listed)
	}
	return nil
}

// rootID returns the device and inode of the temporary directory, which
// the swap makes the destination, and whether they are known.
func (d *Dir) rootID() (fileID, bool) {
	info, err := os.Lstat(d.tmp)
	if err != nil {
		return fileID{}, false
	}
	return fileIDOf(info)
}

// Abort discards everything written and leaves the destination untouched.
func (d *Dir) Abort() error {
	defer d.unlock()
	d.w.close()
	d.root.Close()
	if _, err := d.putRecycled(d.tmp); err != nil {
		return fmt.Errorf("output: %w", err)
	}
	return nil
}

func (d *Dir) fail(err error) error {
	d.w.close()
	d.root.Close()
	os.RemoveAll(d.tmp)
	return fmt.Errorf("output: %w", err)
}

// unlock lets the next build of the parent folder go on.
func (d *Dir) unlock() {
	if d.lock != nil {
		d.lock.Close() // closing the last descriptor releases the flock
		d.lock = nil
	}
}

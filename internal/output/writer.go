package output

import (
	"io/fs"
	"os"
)

// A writer makes the folders and files of a Dir's temporary directory,
// never anything outside it. newWriter (writer_linux.go, writer_other.go)
// chooses one once, when the Dir is made.
type writer interface {
	// mkdir makes the folder dir, whose parent exists; it returns an
	// error matching fs.ErrExist when something has the name already.
	mkdir(dir string) error
	// create writes data to the new file name, in a folder that exists,
	// and returns its Stamp and, where the system has them, its device
	// and inode (a zero fileID where not).
	create(name string, data []byte) (Stamp, fileID, error)
	close() error
}

// rootWriter writes through an os.Root, which opens every folder of a
// name on its way, one system call each, and so can be led out of the
// root by no name or symbolic link. It is the portable writer.
type rootWriter struct{ root *os.Root }

func (w rootWriter) mkdir(dir string) error { return w.root.Mkdir(dir, 0o755) }

func (w rootWriter) create(name string, data []byte) (Stamp, fileID, error) {
	f, err := w.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return Stamp{}, fileID{}, err
	}
	_, err = f.Write(data)
	var info fs.FileInfo
	if err == nil {
		// What the open file says of itself: a Stat by name would look
		// the path up again.
		info, err = f.Stat()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Stamp{}, fileID{}, err
	}
	id, _ := fileIDOf(info)
	return stampOf(info), id, nil
}

func (w rootWriter) close() error { return nil } // the Dir closes its root

package site

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/testsite"
)

// fullDisk is a Target on a disk with no space left: every file fails as
// output.Dir's would.
type fullDisk struct{ output.Discard }

func (fullDisk) WriteFile(name string, _ []byte) error {
	return fmt.Errorf("output: %w", &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC})
}

// TestFullDiskOneLine: the files that fail with one error of the system
// are one problem, naming the first file and how many more, not one line
// per file.
func TestFullDiskOneLine(t *testing.T) {
	src := t.TempDir()
	if err := testsite.Write(src, 30, 1); err != nil {
		t.Fatal(err)
	}
	_, err := BuildTo(t.Context(), Options{Source: src, Now: testNow, Theme: careersite.Theme()}, fullDisk{})
	if err == nil {
		t.Fatal("the build succeeded on a full disk")
	}
	if n := diag.Count(err); n != 1 {
		t.Fatalf("%d errors, want 1:\n%v", n, err)
	}
	msg := err.Error()
	if !strings.Contains(msg, "no space left on device") || !strings.Contains(msg, "more files with the same error)") {
		t.Errorf("error = %q, want the first file's error and how many more", msg)
	}
}

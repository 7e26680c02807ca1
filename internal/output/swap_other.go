//go:build !linux

package output

import (
	"errors"
	"fmt"
)

// exchange would swap the folders a and b in one step; only Linux has that
// here (renameat2), so Commit takes the three renames of renameAside.
func exchange(a, b string) error {
	return fmt.Errorf("exchanging %s and %s: %w", a, b, errors.ErrUnsupported)
}

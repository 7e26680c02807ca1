package filestamp

import (
	"io/fs"
	"syscall"
	"testing"
	"time"
)

// statInfo is a FileInfo whose Sys is a stat of a device and change time.
type statInfo struct {
	fs.FileInfo
	st syscall.Stat_t
}

func (s statInfo) Sys() any { return &s.st }

func changedAt(dev uint64, ctime int64) statInfo {
	var s statInfo
	s.st.Dev = dev
	s.st.Ctim = syscall.NsecToTimespec(ctime)
	return s
}

// TestChangedBefore: a file is trusted by a probe only when it changed
// strictly before the probe was written, on the same file system.
func TestChangedBefore(t *testing.T) {
	at := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC).UnixNano()
	for _, tc := range []struct {
		name        string
		file, probe statInfo
		want        bool
	}{
		{"before, same device", changedAt(1, at-1), changedAt(1, at), true},
		{"in the same tick", changedAt(1, at), changedAt(1, at), false},
		{"after", changedAt(1, at+1), changedAt(1, at), false},
		{"before, another device", changedAt(2, at-1), changedAt(1, at), false},
	} {
		if got := ChangedBefore(tc.file, tc.probe); got != tc.want {
			t.Errorf("%s: ChangedBefore = %v, want %v", tc.name, got, tc.want)
		}
	}
	if ChangedBefore(changedAt(1, at-1), nil) {
		t.Error("ChangedBefore without a probe = true")
	}
}

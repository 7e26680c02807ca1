package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestBuildProfile builds a small site with --profile and reads both files
// back as pprof profiles: gzip-compressed Profile messages whose sample
// types are the CPU's and the heap's.
func TestBuildProfile(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	write(t, filepath.Join(src, "site.yaml"), "title: Profiled\n")
	write(t, filepath.Join(src, "content/a.md"), "---\ntitle: A\ndate: 2026-01-01\n---\n\nSome *prose*.\n")
	dir := filepath.Join(root, "prof", "run1") // made by the build
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{"build", "--source", src, "--dest", filepath.Join(root, "public"),
		"--no-cache", "--quiet", "--profile", dir}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("build --profile: %v\n%s", err, stderr.String())
	}
	for _, tc := range []struct {
		file        string
		sampleTypes []string
	}{
		{"cpu.pprof", []string{"samples", "count", "cpu", "nanoseconds"}},
		{"heap.pprof", []string{"alloc_objects", "count", "alloc_space", "bytes", "inuse_objects", "count", "inuse_space", "bytes"}},
	} {
		got, err := readSampleTypes(filepath.Join(dir, tc.file))
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if !slices.Equal(got, tc.sampleTypes) {
			t.Errorf("%s: sample types %q, want %q", tc.file, got, tc.sampleTypes)
		}
	}
}

// TestBuildProfileUnwritable fails the build when the profile folder
// cannot be made, rather than building without the profile asked for.
func TestBuildProfileUnwritable(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	write(t, filepath.Join(src, "site.yaml"), "title: Profiled\n")
	write(t, filepath.Join(root, "file"), "not a folder\n")
	var stdout, stderr bytes.Buffer
	err := Run(context.Background(), []string{"build", "--source", src, "--dest", filepath.Join(root, "public"),
		"--no-cache", "--quiet", "--profile", filepath.Join(root, "file", "prof")}, &stdout, &stderr)
	if err == nil {
		t.Fatal("build --profile under a file succeeded, want an error")
	}
	if _, statErr := os.Stat(filepath.Join(root, "public")); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("the build ran without its profile: public/ exists (%v)", statErr)
	}
}

// readSampleTypes decodes the pprof file name far enough to name its
// sample types (type and unit of each, in order): the Profile message of
// github.com/google/pprof's profile.proto, field 1 its ValueTypes (type
// and unit as indexes, fields 1 and 2) and field 6 its string table.
func readSampleTypes(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	msg, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	var strs []string
	var types [][2]uint64
	err = protoFields(msg, func(num int, val uint64, data []byte) error {
		switch num {
		case 6:
			strs = append(strs, string(data))
		case 1:
			var vt [2]uint64
			err := protoFields(data, func(num int, val uint64, _ []byte) error {
				if num == 1 || num == 2 {
					vt[num-1] = val
				}
				return nil
			})
			types = append(types, vt)
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []string
	for _, vt := range types {
		for _, i := range vt {
			if i >= uint64(len(strs)) {
				return nil, errors.New("sample type names a string past the table")
			}
			out = append(out, strs[i])
		}
	}
	return out, nil
}

// protoFields calls f with each field of the protobuf message msg: its
// number and, by wire type, its varint value or its bytes. Fixed-size
// fields, which profile.proto does not use, are an error.
func protoFields(msg []byte, f func(num int, val uint64, data []byte) error) error {
	for len(msg) > 0 {
		key, n := binary.Uvarint(msg)
		if n <= 0 {
			return errors.New("bad field key")
		}
		msg = msg[n:]
		var val uint64
		var data []byte
		switch key & 7 {
		case 0:
			val, n = binary.Uvarint(msg)
			if n <= 0 {
				return errors.New("bad varint")
			}
			msg = msg[n:]
		case 2:
			size, n := binary.Uvarint(msg)
			if n <= 0 || size > uint64(len(msg)-n) {
				return errors.New("bad length")
			}
			data, msg = msg[n:n+int(size)], msg[n+int(size):]
		default:
			return errors.New("unexpected wire type")
		}
		if err := f(int(key>>3), val, data); err != nil {
			return err
		}
	}
	return nil
}

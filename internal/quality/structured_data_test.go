package quality

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

// sdReport is the output of testdata/structured-data.mjs.
type sdReport struct {
	Files []struct {
		File   string   `json:"file"`
		Items  int      `json:"items"`
		Types  []string `json:"types"`
		Issues []struct {
			Severity string   `json:"severity"` // ERROR or WARNING
			Message  string   `json:"message"`
			Type     string   `json:"type"`
			Path     string   `json:"path"`
			Fields   []string `json:"fields"`
			Location string   `json:"location"` // "start,end" in UTF-16 code units
		} `json:"issues"`
	} `json:"files"`
}

// TestStructuredData validates the JSON-LD (and any microdata or RDFa) of
// every HTML page of the output. An ERROR fails the test; a WARNING (an
// optional field that Google would use) is logged.
func TestStructuredData(t *testing.T) {
	t.Parallel()
	node := program(t, "install Node.js (Debian: apt-get install nodejs)", "node")
	nodeModule(t, "@adobe/structured-data-validator/package.json")
	nodeModule(t, "@marbec/web-auto-extractor/package.json")
	dir := builtSite(t, "")

	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	report := validateStructuredData(t, node, pages)

	items := 0
	for _, f := range report.Files {
		items += f.Items
		name := outputName(dir, "file://"+filepath.ToSlash(f.File))
		for _, i := range f.Issues {
			msg := fmt.Sprintf("%s:%s: %s: %s (at %s)", name, lineOf(f.File, i.Location), i.Type, i.Message, i.Path)
			if i.Severity == "ERROR" {
				t.Error(msg)
				items++ // a block that does not parse is structured data too
			} else {
				t.Log(msg)
			}
		}
	}
	if items == 0 {
		t.Skipf("no page of the %d has JSON-LD yet (structured data is still to come)", len(pages))
	}
}

// TestStructuredDataGate checks that the gate can fail: the validator must
// report testdata/invalid-jobposting.html (a JobPosting without jobLocation
// and a JSON-LD block that does not parse).
func TestStructuredDataGate(t *testing.T) {
	t.Parallel()
	node := program(t, "install Node.js (Debian: apt-get install nodejs)", "node")
	nodeModule(t, "@adobe/structured-data-validator/package.json")
	nodeModule(t, "@marbec/web-auto-extractor/package.json")

	report := validateStructuredData(t, node, []string{filepath.Join("testdata", "invalid-jobposting.html")})
	var errs []string
	for _, f := range report.Files {
		for _, i := range f.Issues {
			if i.Severity == "ERROR" {
				errs = append(errs, i.Message)
			}
		}
	}
	for _, want := range []string{`Required attribute "jobLocation" is missing`, "Could not parse JSON-LD"} {
		if !strings.Contains(strings.Join(errs, "\n"), want) {
			t.Errorf("errors for invalid-jobposting.html = %q, want one containing %q", errs, want)
		}
	}
}

// validateStructuredData runs testdata/structured-data.mjs over files.
func validateStructuredData(t *testing.T, node string, files []string) sdReport {
	t.Helper()
	script, err := filepath.Abs(filepath.Join("testdata", "structured-data.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), node, append([]string{script}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node structured-data.mjs: %v\n%s", err, stderr.Bytes())
	}
	var report sdReport
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("reading the report of structured-data.mjs: %v\n%s%s", err, stdout.Bytes(), stderr.Bytes())
	}
	if len(report.Files) != len(files) {
		t.Fatalf("structured-data.mjs reported on %d files, want %d", len(report.Files), len(files))
	}
	return report
}

// lineOf turns the validator's "start,end" location, counted in UTF-16 code
// units as JavaScript strings are, into the line of file it starts on; "?"
// when it cannot.
func lineOf(file, location string) string {
	start, _, _ := strings.Cut(location, ",")
	offset, err := strconv.Atoi(start)
	if err != nil {
		return "?"
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "?"
	}
	line, units := 1, 0
	for _, r := range string(data) {
		if units >= offset {
			break
		}
		if r == '\n' {
			line++
		}
		units += utf16.RuneLen(r)
	}
	return strconv.Itoa(line)
}

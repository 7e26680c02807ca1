package quality

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// vnuReport is the Nu Html Checker's --format json output.
type vnuReport struct {
	Messages []struct {
		Type        string `json:"type"`    // error, info or non-document-error
		SubType     string `json:"subType"` // fatal, warning, …
		URL         string `json:"url"`
		LastLine    int    `json:"lastLine"`
		FirstColumn int    `json:"firstColumn"`
		Message     string `json:"message"`
		Extract     string `json:"extract"`
	} `json:"messages"`
}

// TestNuHTMLChecker runs the Nu Html Checker over the whole output: every
// HTML page, and also the CSS and SVG files (--also-check-css, --also-check-svg),
// since a stylesheet error hides as well as a markup one. Feeds and other
// files are skipped (--skip-non-html); TestFeeds and TestSitemap check them.
func TestNuHTMLChecker(t *testing.T) {
	t.Parallel()
	java := program(t, "install a Java 17+ runtime (Debian: apt-get install default-jre-headless)", "java")
	jar := nodeModule(t, "vnu-jar/build/dist/vnu.jar")
	dir := builtSite(t, "")

	cmd := exec.CommandContext(t.Context(), java, "-jar", jar,
		"--errors-only", "--skip-non-html", "--also-check-css", "--also-check-svg",
		"--format", "json", "--stdout", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()

	// vnu exits 1 when it found errors and prints them all; any other
	// failure (no JSON, another status) is the checker itself failing.
	var ee *exec.ExitError
	if runErr != nil && !(errors.As(runErr, &ee) && ee.ExitCode() == 1) {
		t.Fatalf("vnu: %v\n%s%s", runErr, stdout.Bytes(), stderr.Bytes())
	}
	var report vnuReport
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("reading vnu's report: %v\n%s%s", err, stdout.Bytes(), stderr.Bytes())
	}
	var problems []string
	for _, m := range report.Messages {
		if m.Type == "info" {
			continue
		}
		problems = append(problems, fmt.Sprintf("%s:%d:%d: %s: %s\n\t%s",
			outputName(dir, m.URL), m.LastLine, m.FirstColumn, m.Type, m.Message,
			strings.Join(strings.Fields(m.Extract), " ")))
	}
	// vnu checks files in parallel; sort by file, keeping its order of lines.
	slices.SortStableFunc(problems, func(a, b string) int {
		fa, _, _ := strings.Cut(a, ":")
		fb, _, _ := strings.Cut(b, ":")
		return strings.Compare(fa, fb)
	})
	if runErr != nil && len(problems) == 0 {
		t.Fatalf("vnu exited 1 but reported no error:\n%s%s", stdout.Bytes(), stderr.Bytes())
	}
	if len(problems) > 0 {
		t.Errorf("the Nu Html Checker found %d errors in the output:\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// outputName turns vnu's file: URL into a path relative to the output folder.
func outputName(dir, fileURL string) string {
	u, err := url.Parse(fileURL)
	if err != nil || u.Scheme != "file" {
		return fileURL
	}
	rel, err := filepath.Rel(dir, filepath.FromSlash(u.Path))
	if err != nil {
		return u.Path
	}
	return "public/" + filepath.ToSlash(rel)
}

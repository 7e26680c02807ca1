package main

import (
	"os"
	"strings"
	"testing"
)

// TestPolicy reads a stream with each case of the policy: a standard
// library vulnerability reached with a fix (fails), one only imported
// (noted), one reached with no fix yet (noted), and one in a required
// module that no code imports (fails).
func TestPolicy(t *testing.T) {
	f, err := os.Open("testdata/findings.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vulns, err := read(f)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range vulns {
		got = append(got, v.String())
	}
	want := []string{
		"FAILS GO-2026-0001: html/template of go1.27.3 (reached: html/template.Template.Execute), fixed in go1.27.4; Escaping in html/template",
		"noted GO-2026-0002: net/http of go1.27.3 (imported, not reached), fixed in go1.27.4; Crash in net/http",
		"noted GO-2026-0003: os of go1.27.3 (reached: os.OpenInRoot), no fix yet; Path escape in os",
		"FAILS GO-2026-0004: go.yaml.in/yaml/v3@v3.0.6 (required, not imported), fixed in v3.0.7; Panic in a YAML decoder",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("read(findings.json) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBadStream(t *testing.T) {
	if _, err := read(strings.NewReader(`{"finding": {"osv": `)); err == nil {
		t.Error("read of a cut stream gave no error")
	}
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A message is one value of govulncheck's JSON stream; only the parts the
// policy reads are decoded.
type message struct {
	OSV     *osv     `json:"osv"`
	Finding *finding `json:"finding"`
}

type osv struct {
	ID      string `json:"id"`
	Summary string `json:"summary"`
}

// A finding is a vulnerability seen at one level: the module is required
// (the first frame has a module only), a vulnerable package is imported (a
// package too), or a vulnerable function is reached (a function too).
type finding struct {
	OSV          string  `json:"osv"`
	FixedVersion string  `json:"fixed_version"`
	Trace        []frame `json:"trace"`
}

type frame struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Package  string `json:"package"`
	Function string `json:"function"`
	Receiver string `json:"receiver"`
}

// stdlib is the module name govulncheck gives the standard library.
const stdlib = "stdlib"

// vuln is one vulnerability, at the deepest level any finding saw it.
type vuln struct {
	id, summary string
	module      string // a module path, or stdlib
	version     string // the version the build has
	fixed       string // the first version without it, "" when none
	pkg         string // the vulnerable package, "" at module level
	reached     string // a vulnerable function our code calls, "" when none
}

// read reads govulncheck's JSON stream and returns its vulnerabilities,
// sorted by ID.
func read(r io.Reader) ([]*vuln, error) {
	summaries := map[string]string{}
	byID := map[string]*vuln{}
	dec := json.NewDecoder(r)
	for {
		var m message
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("govulncheck's JSON: %w", err)
		}
		if m.OSV != nil {
			summaries[m.OSV.ID] = m.OSV.Summary
		}
		if m.Finding != nil && len(m.Finding.Trace) > 0 {
			add(byID, m.Finding)
		}
	}
	var out []*vuln
	for _, v := range byID {
		v.summary = summaries[v.id]
		out = append(out, v)
	}
	slices.SortFunc(out, func(a, b *vuln) int { return strings.Compare(a.id, b.id) })
	return out, nil
}

// add records finding f in byID, keeping the deepest level seen.
func add(byID map[string]*vuln, f *finding) {
	top := f.Trace[0]
	v := byID[f.OSV]
	if v == nil {
		v = &vuln{id: f.OSV, module: top.Module, version: top.Version, fixed: f.FixedVersion}
		byID[f.OSV] = v
	}
	if top.Package != "" {
		v.pkg = top.Package
	}
	if top.Function != "" && v.reached == "" {
		v.reached = symbol(top)
	}
}

// symbol names a frame's function as Go code would: pkg.Recv.Func.
func symbol(f frame) string {
	name := f.Function
	if f.Receiver != "" {
		name = strings.TrimPrefix(f.Receiver, "*") + "." + name
	}
	return f.Package + "." + name
}

// fails says whether v fails the policy (see the command's comment).
func (v *vuln) fails() bool {
	if v.module != stdlib {
		return true
	}
	return v.reached != "" && v.fixed != ""
}

// String is v's line: what, where, the fix, and the verdict.
func (v *vuln) String() string {
	where := v.module + "@" + v.version
	fixed := "no fix yet"
	if v.fixed != "" {
		fixed = "fixed in " + v.fixed
	}
	if v.module == stdlib {
		where = goVersion(v.version)
		if v.fixed != "" {
			fixed = "fixed in " + goVersion(v.fixed)
		}
	}
	if v.pkg != "" {
		where = v.pkg + " of " + where
	}
	how := "required, not imported"
	switch {
	case v.reached != "":
		how = "reached: " + v.reached
	case v.pkg != "":
		how = "imported, not reached"
	}
	verdict := "noted"
	if v.fails() {
		verdict = "FAILS"
	}
	return fmt.Sprintf("%s %s: %s (%s), %s; %s", verdict, v.id, where, how, fixed, v.summary)
}

// goVersion turns govulncheck's semantic version of the standard library
// (v1.26.10) into a Go release name (go1.26.10).
func goVersion(v string) string {
	return "go" + strings.TrimPrefix(v, "v")
}

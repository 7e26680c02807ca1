package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
)

// TestExecFuncBoundOncePerInstance: an instance binds an ExecFunc once,
// when it is made, and the function it returns reads the data of each
// execution that instance runs, in the page and in its partials.
func TestExecFuncBoundOncePerInstance(t *testing.T) {
	site := fstest.MapFS{
		"layouts/page.html":         {Data: []byte(`{{ who }}/{{ partial "who.html" "ignored" }}`)},
		"layouts/partials/who.html": {Data: []byte(`{{ who }}`)},
	}
	binds := 0
	funcs := template.FuncMap{"who": ExecFunc(func(data func() any) any {
		binds++
		return func() string { s, _ := data().(string); return s }
	})}
	r, err := New(site, nil, funcs)
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"ana", "ben", "cy"} {
		var b strings.Builder
		if err := r.Execute(&b, "layouts/page.html", who); err != nil {
			t.Fatal(err)
		}
		if want := who + "/" + who; b.String() != want {
			t.Errorf("execution with %q wrote %q, want %q", who, b.String(), want)
		}
	}
	if binds != 2 { // ExecFunc(nil) to parse with, then the one instance
		t.Errorf("the ExecFunc was called %d times for three executions in turn, want 2: once to parse, once for the instance", binds)
	}
}

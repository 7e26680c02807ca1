package shortcode

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/careersite/careersite/internal/diag"
)

// fuzzBudget is how long one fuzzed input may take: far above what any
// input needs, it catches work that grows faster than the input.
const fuzzBudget = 5 * time.Second

// FuzzParse feeds arbitrary bodies to Parse. The seeds in
// testdata/fuzz/FuzzParse hold every form of tag, code spans and blocks,
// crossed and unclosed tags, bad arguments and deep nesting. Whatever the
// input:
//
//   - Parse does not panic and returns within fuzzBudget;
//   - every problem is a *diag.Error at a line and column inside the body;
//   - every node lies inside the body, in order, and the nodes give the
//     body back: the text of each Text and the source of each tag (see
//     rebuild), unless the body holds a comment-form tag, whose Text is
//     not its source.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"plain text",
		`{{< figure src="/a.png" width=640 alt="A \"chart\"" >}}`,
		"{{% note %}}\n*inner*\n{{% /note %}}",
		"{{< a >}}{{< b >}}{{< /a >}}{{< /b >}}",
		"```\n{{< x >}}\n```\n`{{< y >}}` {{< z 1 2.5 true `raw` />}}",
		"{{</* x */>}}",
	} {
		f.Add([]byte(s), 1, false)
	}
	f.Fuzz(func(t *testing.T, body []byte, firstLine int, templates bool) {
		firstLine = max(1, min(firstLine, 1<<20))
		opts := Options{FirstLine: firstLine, MaxDepth: 8, MaxArgs: 8, MaxArgBytes: 64}
		if templates {
			opts.TakesInner = func(name string) bool { return len(name)%2 == 0 }
		}
		start := time.Now()
		nodes, err := Parse(body, opts)
		if d := time.Since(start); d > fuzzBudget {
			t.Errorf("Parse took %v", d)
		}
		lastLine := firstLine + bytes.Count(body, []byte("\n"))
		for _, e := range diag.Leaves(err) {
			var d *diag.Error
			if !errors.As(e, &d) || d.Line < firstLine || d.Line > lastLine || d.Col < 1 {
				t.Errorf("error %q (%T) is not at a place in the body (lines %d–%d)", e, e, firstLine, lastLine)
			}
		}
		end := checkNodes(t, body, nodes, 0)
		literal := bytes.Contains(body, []byte("/*"))
		if got := rebuild(body, nodes); !literal && got != string(body) {
			t.Errorf("nodes give back %q, want the body %q", got, body)
		}
		if !literal && end != len(body) {
			t.Errorf("nodes end at %d, body has %d bytes", end, len(body))
		}
	})
}

// checkNodes checks that nodes lie in order from offset at, and returns
// where the last one ends.
func checkNodes(t *testing.T, body []byte, nodes []Node, at int) int {
	for _, n := range nodes {
		p := n.Pos()
		if p.Offset < at || p.Offset > len(body) || p.Line < 1 || p.Col < 1 {
			t.Fatalf("node at %+v, want at or after offset %d in %d bytes", p, at, len(body))
		}
		switch n := n.(type) {
		case Text:
			at = p.Offset + len(n.Value)
		case *Shortcode:
			if n.Paired {
				if n.InnerStart < p.Offset || n.InnerEnd < n.InnerStart || n.End < n.InnerEnd {
					t.Fatalf("shortcode %q: offsets %d %d %d %d out of order", n.Name, p.Offset, n.InnerStart, n.InnerEnd, n.End)
				}
				checkNodes(t, body, n.Inner, n.InnerStart)
			}
			if n.End <= p.Offset || n.End > len(body) {
				t.Fatalf("shortcode %q ends at %d, starts at %d", n.Name, n.End, p.Offset)
			}
			at = n.End
		}
	}
	return at
}

// rebuild writes nodes back as source.
func rebuild(body []byte, nodes []Node) string {
	var b strings.Builder
	for _, n := range nodes {
		switch n := n.(type) {
		case Text:
			b.WriteString(n.Value)
		case *Shortcode:
			if !n.Paired {
				b.Write(body[n.Offset:n.End])
				continue
			}
			b.Write(body[n.Offset:n.InnerStart])
			b.WriteString(rebuild(body, n.Inner))
			b.Write(body[n.InnerEnd:n.End])
		}
	}
	return b.String()
}

package search

import (
	"strings"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>Hello <em>world</em></p><p>Again</p>", "Hello world Again"},
		{"<ul><li>Go</li><li>SQL</li></ul>", "Go SQL"},
		{"<em>back</em>-end", "back-end"},
		{`<a href="/x?a=1&amp;b=2">R&amp;D</a> &lt;tag&gt; caf&eacute; &#8212;`, "R&D <tag> café —"},
		{`<pre><code><span class="nx">fmt</span><span class="p">.</span><span class="nf">Println</span></code></pre>`, "fmt.Println"},
		{"one<br>two<br/>three", "one two three"},
		{"a<!-- <p>hidden</p> -->b", "ab"},
		{"<p>broken <", "broken"},
		{"a<script>var x = '<p>';</script>b<STYLE>p{}</STYLE>c", "a b c"},
	}
	for _, tt := range tests {
		if got := strings.Join(strings.Fields(Text(tt.in)), " "); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

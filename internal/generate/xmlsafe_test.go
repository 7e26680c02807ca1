package generate

import "testing"

func TestXMLSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>plain é</p>", "<p>plain é</p>"},
		{"a\x01b\x0cc\td\ne\rf", "a\ufffdb\ufffdc\td\ne\rf"},
		{"x\xc0y", "x\ufffdy"},
		{"\ufffe\uffff", "\ufffd\ufffd"},
	}
	for _, tt := range tests {
		if got := xmlSafe(tt.in); got != tt.want {
			t.Errorf("xmlSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

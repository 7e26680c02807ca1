package server

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// hostname is the host of a Host header or --allowed-hosts entry, without
// port, brackets or final dot, in lower case: "[::1]:1313" → "::1".
func hostname(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	return strings.ToLower(strings.TrimSuffix(h, "."))
}

func forbidHost(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprintf(w, "careersite serve: the Host %q is not allowed (this protects against DNS rebinding).\n"+
		"To preview under that name, start the server with --allowed-hosts %s\n",
		r.Host, hostname(r.Host))
}

// unsafePath reports whether the decoded URL path p must not be served:
// it has a segment beginning with "." (a dot-file, "." or ".."), or a
// backslash, which some systems read as a separator ("..\"), or a NUL.
func unsafePath(p string) bool {
	if strings.ContainsAny(p, "\\\x00") {
		return true
	}
	for seg := range strings.SplitSeq(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

// sameOrigin reports whether r may open the event stream: it sends no
// Origin (same-origin EventSource requests need not), or the Origin is this
// server under the Host that already passed the host check.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, r.Host)
}

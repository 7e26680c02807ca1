package server

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/careersite/careersite/internal/output"
)

// Build is what Reload needs to know about a finished build.
type Build struct {
	Err       error // nil when the build succeeded and committed the Memory's current Tree
	StyleOnly bool  // only stylesheets changed in the sources
}

// event is one Server-Sent Event.
type event struct {
	name, data string
	id         uint64 // the generation of the Tree it announces
}

// hub holds the open event streams and the state a new one starts with.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	failure string        // the last build's error text; "" when it succeeded
	told    atomic.Uint64 // the generation of the last Tree announced; written under mu
}

// clientBuffer is how many events a slow page may fall behind before its
// stream is closed; the browser then reconnects and catches up from
// "hello".
const clientBuffer = 16

// Reload tells every open page about a finished build; see the package
// comment for the events.
func (s *Server) Reload(b Build) {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	tree := s.site.Tree()
	ev, ok := decide(b, tree, s.hub.failure != "", s.hub.told.Load())
	s.hub.failure = ""
	if b.Err != nil {
		s.hub.failure = ev.data
	}
	if !ok {
		return
	}
	s.hub.told.Store(ev.id)
	for c := range s.hub.clients {
		select {
		case c <- ev:
		default:
			delete(s.hub.clients, c)
			close(c)
		}
	}
}

// decide chooses the event that follows a build; told is the generation
// announced last, which a failed build, having committed nothing, keeps.
func decide(b Build, tree *output.Tree, wasFailing bool, told uint64) (event, bool) {
	if b.Err != nil {
		return event{"error", b.Err.Error(), told}, true
	}
	gen := tree.Generation()
	if b.StyleOnly {
		if urls := changedStylesheets(tree); len(urls) > 0 {
			data, _ := json.Marshal(urls)
			return event{"css", string(data), gen}, true
		}
	}
	switch {
	case len(tree.Changed()) > 0:
		return event{"reload", "", gen}, true
	case wasFailing:
		return event{"ok", "", gen}, true
	}
	return event{}, false
}

// changedStylesheets are the URL paths of the .css files the last commit
// added or changed.
func changedStylesheets(tree *output.Tree) []string {
	var urls []string
	for _, name := range tree.Changed() {
		if strings.HasSuffix(name, ".css") && tree.FileChanged(name) {
			urls = append(urls, (&url.URL{Path: "/" + name}).EscapedPath())
		}
	}
	return urls
}

// subscribe opens a stream: its channel, and the events it starts with.
func (s *Server) subscribe() (chan event, []event) {
	c := make(chan event, clientBuffer)
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	s.hub.clients[c] = struct{}{}
	gen := s.hub.told.Load()
	first := []event{{"hello", strconv.FormatUint(gen, 10), gen}}
	if s.hub.failure != "" {
		first = append(first, event{"error", s.hub.failure, gen})
	}
	return c, first
}

func (s *Server) unsubscribe(c chan event) {
	s.hub.mu.Lock()
	defer s.hub.mu.Unlock()
	if _, ok := s.hub.clients[c]; ok {
		delete(s.hub.clients, c)
		close(c)
	}
}

// events serves the event stream until the page goes away, the server
// shuts down (the request's context ends with the server's), or the page
// falls too far behind.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "careersite serve: cross-origin event streams are not allowed", http.StatusForbidden)
		return
	}
	c, first := s.subscribe()
	defer s.unsubscribe(c)

	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	rc := http.NewResponseController(w)
	io.WriteString(w, "retry: 500\n\n") // reconnect quickly when the server restarts
	for _, ev := range first {
		writeEvent(w, ev)
	}
	for {
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-c:
			if !ok {
				return
			}
			writeEvent(w, ev)
		}
	}
}

// writeEvent writes ev in the text/event-stream format: a multi-line text
// becomes one "data:" field per line, which the browser joins with "\n".
func writeEvent(w io.Writer, ev event) {
	fmt.Fprintf(w, "id: %d\nevent: %s\n", ev.id, ev.name)
	data := strings.ReplaceAll(strings.ReplaceAll(ev.data, "\r\n", "\n"), "\r", "\n")
	for line := range strings.SplitSeq(data, "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	io.WriteString(w, "\n")
}

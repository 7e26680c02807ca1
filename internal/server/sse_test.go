package server

import (
	"bufio"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
)

// stream is an open event stream, read as a browser's EventSource would.
type stream struct {
	status int
	header http.Header
	events chan event // closed when the stream ends
}

func (ts *testServer) openEvents(t *testing.T, origin string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", "http://"+ts.addr+eventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	st := &stream{status: resp.StatusCode, header: resp.Header, events: make(chan event, 64)}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		cancel()
		close(st.events)
		return st
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(st.events)
		defer resp.Body.Close()
		readEvents(bufio.NewScanner(resp.Body), st.events)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return st
}

// readEvents parses the text/event-stream format; blocks without an event
// name (such as "retry:") are skipped.
func readEvents(sc *bufio.Scanner, out chan<- event) {
	var (
		ev   event
		data []string
	)
	for sc.Scan() {
		line := sc.Text()
		field, value, _ := strings.Cut(line, ": ")
		switch field {
		case "event":
			ev.name = value
		case "data":
			data = append(data, value)
		case "":
			if ev.name != "" {
				ev.data = strings.Join(data, "\n")
				out <- ev
			}
			ev, data = event{}, nil
		}
	}
}

func (st *stream) want(t *testing.T, name, data string) {
	t.Helper()
	select {
	case ev, ok := <-st.events:
		if !ok {
			t.Fatalf("the stream ended, want event %q", name)
		}
		if ev.name != name || ev.data != data {
			t.Fatalf("event %q %q, want %q %q", ev.name, ev.data, name, data)
		}
	case <-time.After(deadline):
		t.Fatalf("no event after %s, want %q", deadline, name)
	}
}

package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sourcegraph/jsonrpc2"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/site"
)

// served waits for Serve to return.
func (c *client) servedWithin(t *testing.T) error {
	t.Helper()
	select {
	case err := <-c.served:
		return err
	case <-time.After(time.Minute):
		t.Fatal("Serve did not return")
		return nil
	}
}

// TestUnknownMethod: a request the server does not know is answered with
// MethodNotFound, and the server goes on.
func TestUnknownMethod(t *testing.T) {
	c := newClient(t, "site")
	err := c.call("textDocument/teleport", map[string]any{}, nil)
	var re *jsonrpc2.Error
	if !errors.As(err, &re) || re.Code != jsonrpc2.CodeMethodNotFound {
		t.Fatalf("unknown method: %v, want MethodNotFound", err)
	}
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
	c.notify(protocol.MethodExit, nil)
	if err := c.servedWithin(t); err != nil {
		t.Errorf("Serve after shutdown and exit: %v, want nil", err)
	}
}

// TestExitWithoutShutdown: exit alone is ErrNoShutdown (exit status 1).
func TestExitWithoutShutdown(t *testing.T) {
	c := newClient(t, "site")
	c.notify(protocol.MethodExit, nil)
	if err := c.servedWithin(t); !errors.Is(err, ErrNoShutdown) {
		t.Errorf("Serve = %v, want ErrNoShutdown", err)
	}
}

// TestOutsideTheSite: a document outside the site folder is not checked,
// and asking about it is an error, not a crash.
func TestOutsideTheSite(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	other := "file:///elsewhere/notes.md"
	c.notify(protocol.MethodTextDocumentDidOpen, protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: other, Text: "---\nsenority: x\n---\n"}})
	c.open(job, c.file(job))
	c.waitFor(job, none) // checked after the other was opened
	err := c.call(protocol.MethodTextDocumentCompletion, protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: other}}}, nil)
	if err == nil || !strings.Contains(err.Error(), "not a file of the site") {
		t.Errorf("completion outside the site: %v", err)
	}
	for {
		select {
		case p := <-c.notes:
			if p.URI == other {
				t.Errorf("diagnostics published for %s", other)
			}
		default:
			return
		}
	}
}

// TestLargeBuffer: a 10 MB buffer is read and checked; the answer is the
// build's limit on a page's size, at the file.
func TestLargeBuffer(t *testing.T) {
	c := newClient(t, "site")
	const job = "content/jobs/dev.md"
	big := c.file(job) + strings.Repeat("Ten megabytes of prose, line after line.\n", 10<<20/41)
	c.open(job, big)
	ds := c.waitFor(job, func([]protocol.Diagnostic) bool { return true })
	t.Logf("%d diagnostics: %+v", len(ds), ds)
	if err := c.call(protocol.MethodShutdown, nil, nil); err != nil {
		t.Fatal(err)
	}
}

// TestMalformedMessage: a body that is not JSON, a header without a
// length or a length over the limit, or a client that goes away in the
// middle of a request, ends the connection: Serve returns.
func TestMalformedMessage(t *testing.T) {
	for _, msg := range []string{
		"Content-Length: 5\r\n\r\n{bad}",
		"Content-Type: x\r\n\r\n{}",
		"Content-Length: 99999999999\r\n\r\n",
		"Content-Length: -1\r\n\r\n",
		"no header at all\r\n\r\n",
		"Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",", // then the client leaves
	} {
		dir := writeSite(t, "site")
		serverSide, clientSide := net.Pipe()
		served := make(chan error, 1)
		go func() {
			served <- Serve(context.Background(), Options{Site: site.Options{Source: dir, Theme: careersite.Theme()}}, serverSide)
			serverSide.Close()
		}()
		go func() {
			clientSide.Write([]byte(msg))
			clientSide.Close()
		}()
		select {
		case err := <-served:
			if !errors.Is(err, ErrNoShutdown) {
				t.Errorf("%q: Serve = %v", msg, err)
			}
		case <-time.After(time.Minute):
			t.Fatalf("%q: Serve did not return", msg)
		}
	}
}

// FuzzReadMessage: the framing never panics, never returns a body longer
// than maxMessage, and a body it reads is written and read back the same.
func FuzzReadMessage(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 17\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"jsonrpc\":\"2.0\"}"))
	f.Add([]byte("content-length:3\n\n[1]Content-Length: 1\r\n\r\n1"))
	f.Add([]byte("Content-Length: 10\r\n\r\n{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bufio.NewReader(bytes.NewReader(data))
		for {
			body, err := readMessage(r)
			if err != nil {
				return
			}
			if len(body) > maxMessage {
				t.Fatalf("body of %d bytes", len(body))
			}
			var v any
			if json.Unmarshal(body, &v) != nil {
				continue
			}
			var buf bytes.Buffer
			if err := (codec{}).WriteObject(&buf, v); err != nil {
				t.Fatal(err)
			}
			var back any
			if err := (codec{}).ReadObject(bufio.NewReader(&buf), &back); err != nil {
				t.Fatalf("reading back %q: %v", buf.Bytes(), err)
			}
			a, _ := json.Marshal(v)
			b, _ := json.Marshal(back)
			if !bytes.Equal(a, b) {
				t.Fatalf("read back %s, want %s", b, a)
			}
		}
	})
}

package lsp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"

	"github.com/careersite/careersite/internal/overlay"
	"github.com/careersite/careersite/internal/site"
)

// Options say which site the server checks and how.
type Options struct {
	// Site is the site to check, as `check` takes it; Site.Files is set by
	// the server (its overlay), and nothing is written.
	Site site.Options
}

// ErrNoShutdown is what Serve returns when the client asked to exit, or
// went away, without asking to shut down first (exit status 1, as the
// protocol asks).
var ErrNoShutdown = errors.New("lsp: the client left without a shutdown request")

// server is one connection's state.
type server struct {
	root    string      // the site folder, absolute
	files   *overlay.FS // what the Builder reads
	theme   fs.FS       // the default theme, whose strings the site's extend (hover's salary)
	docs    *documents
	checker *checker

	pages     atomic.Pointer[sitePages] // as of the last check
	published map[string]bool           // the files with diagnostics, as last published (the checker's)

	conn     atomic.Pointer[jsonrpc2.Conn] // set by the first message
	shutdown atomic.Bool                   // a shutdown request was answered
	exit     chan struct{}                 // closed by the exit notification
	exitOnce sync.Once
}

// Serve speaks the protocol on rw until the client sends exit or rw
// closes, and checks the site opts.Site describes. It returns nil after a
// shutdown request and an exit, ErrNoShutdown when the client left without
// one, or the error that stopped the site from being checked at all.
func Serve(ctx context.Context, opts Options, rw io.ReadWriteCloser) error {
	root, err := filepath.Abs(opts.Site.Source)
	if err != nil {
		return err
	}
	files := overlay.New(root)
	opts.Site.Files = files
	b, err := site.New(opts.Site)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s := &server{root: root, files: files, theme: opts.Site.Theme, docs: newDocuments(files), exit: make(chan struct{}), published: map[string]bool{}}
	s.pages.Store(newSitePages(nil))
	s.checker = newChecker(b, s.docs, s.publish)
	handler := s.protocolHandler()
	conn := jsonrpc2.NewConn(ctx, jsonrpc2.NewBufferedStream(rw, codec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			s.conn.Store(conn)
			return s.handle(handler, req)
		}))
	var checking sync.WaitGroup
	checking.Go(func() { s.checker.run(ctx) })
	select {
	case <-conn.DisconnectNotify():
	case <-s.exit:
	case <-ctx.Done():
	}
	cancel()
	conn.Close()
	checking.Wait()
	if !s.shutdown.Load() {
		return ErrNoShutdown
	}
	return nil
}

// handle answers one message with handler, turning glsp's verdicts into
// JSON-RPC errors.
func (s *server) handle(handler *protocol.Handler, req *jsonrpc2.Request) (any, error) {
	gc := &glsp.Context{Method: req.Method, Notify: s.notify}
	if req.Params != nil {
		gc.Params = *req.Params
	}
	// The end of the session is the server's own: glsp's handler forgets
	// that it was initialized on shutdown, and would refuse the exit.
	switch {
	case req.Method == protocol.MethodExit:
		s.exitOnce.Do(func() { close(s.exit) })
		return nil, nil
	case req.Method == protocol.MethodShutdown:
		s.shutdown.Store(true)
		return nil, nil
	case s.shutdown.Load():
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down"}
	}
	r, validMethod, validParams, err := handler.Handle(gc)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid params"
		if err != nil {
			msg = err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: err.Error()}
	}
	return r, nil
}

// notify sends a notification to the client, if it is still there.
func (s *server) notify(method string, params any) {
	if conn := s.conn.Load(); conn != nil {
		conn.Notify(context.Background(), method, params)
	}
}

func (s *server) protocolHandler() *protocol.Handler {
	return &protocol.Handler{
		Initialize:  s.initialize,
		Initialized: func(*glsp.Context, *protocol.InitializedParams) error { s.checker.checkAll(); return nil },
		SetTrace:    func(*glsp.Context, *protocol.SetTraceParams) error { return nil },

		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidSave:            s.didSave,
		TextDocumentDidClose:           s.didClose,
		WorkspaceDidChangeWatchedFiles: s.didChangeWatchedFiles,

		TextDocumentCompletion: s.completion,
		TextDocumentHover:      s.hover,
		TextDocumentDefinition: s.definition,
		TextDocumentCodeAction: s.codeAction,
	}
}

func (s *server) initialize(*glsp.Context, *protocol.InitializeParams) (any, error) {
	sync := protocol.TextDocumentSyncKindIncremental
	yes := true
	version := "1"
	return protocol.InitializeResult{
		Capabilities: protocol.ServerCapabilities{
			TextDocumentSync:   protocol.TextDocumentSyncOptions{OpenClose: &yes, Change: &sync, Save: true},
			CompletionProvider: &protocol.CompletionOptions{TriggerCharacters: []string{"/", ":", "[", "#", "<", "%"}},
			HoverProvider:      true,
			DefinitionProvider: true,
			CodeActionProvider: protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
		},
		ServerInfo: &protocol.InitializeResultServerInfo{Name: "careersite", Version: &version},
	}, nil
}

func (s *server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	name, ok := s.name(p.TextDocument.URI)
	if !ok {
		return nil // outside the site: not ours to check
	}
	s.docs.open(p.TextDocument.URI, name, []byte(p.TextDocument.Text), p.TextDocument.Version)
	s.checker.changed(name)
	return nil
}

func (s *server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	name, ok := s.name(p.TextDocument.URI)
	if !ok {
		return nil
	}
	if err := s.docs.change(p.TextDocument.URI, p.TextDocument.Version, p.ContentChanges); err != nil {
		return err
	}
	s.checker.changed(name)
	return nil
}

func (s *server) didSave(_ *glsp.Context, p *protocol.DidSaveTextDocumentParams) error {
	if name, ok := s.name(p.TextDocument.URI); ok {
		s.checker.changed(name)
	}
	return nil
}

func (s *server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	name, ok := s.name(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.docs.close(p.TextDocument.URI) // the file on disk counts again
	s.checker.changed(name)
	return nil
}

// didChangeWatchedFiles hears of files the editor saw change on disk
// (another program wrote them, a branch was checked out).
func (s *server) didChangeWatchedFiles(_ *glsp.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, e := range p.Changes {
		if name, ok := s.name(e.URI); ok {
			s.checker.changed(name)
		}
	}
	return nil
}

// name returns the fs name, relative to the site folder, of a file URI,
// and false when the URI is not a file in the site folder.
func (s *server) name(uri protocol.DocumentUri) (string, bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	rel, err := filepath.Rel(s.root, filepath.FromSlash(u.Path))
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if !fs.ValidPath(rel) || rel == "." {
		return "", false
	}
	return rel, true
}

// uri returns the file URI of name, relative to the site folder.
func (s *server) uri(name string) protocol.DocumentUri {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(s.root, filepath.FromSlash(name)))}).String()
}

// text returns the text of name as the checker sees it: the open buffer,
// else the file on disk.
func (s *server) text(name string) []byte {
	b, err := s.files.ReadFile(name)
	if err != nil {
		return nil
	}
	return b
}

// document returns the name and text of an open document.
func (s *server) document(uri protocol.DocumentUri) (name string, text []byte, err error) {
	name, ok := s.name(uri)
	if !ok {
		return "", nil, fmt.Errorf("%s is not a file of the site in %s", uri, s.root)
	}
	text, ok = s.files.Buffer(name)
	if !ok {
		text = s.text(name)
	}
	return name, text, nil
}

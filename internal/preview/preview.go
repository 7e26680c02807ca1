// Package preview keeps a site's output up to date while its author edits
// it: it is the loop of `careersite serve` and `careersite watch`,
//
//	watch the sources → build once → on each batch of changes: rebuild → report
//
// Serve builds into an output.Memory served by internal/server, and reports
// each build to the server, which tells the open pages (reload, swap the
// stylesheets, or show the errors). Watch builds into the output folder, all
// or nothing, as `careersite build` does. Both print each build's outcome
// and errors, keep going after a failed build (the last good output stays,
// and the next good build replaces it), and return nil once ctx ends.
//
// The watcher starts before the first build, so that no change made during
// it is lost. Changes that arrive during a build wait in the watcher and
// become the next batch.
//
// Every batch goes through one function, builder.rebuild, which hands the
// batch's changed paths to a site.Builder kept for the whole session: it
// re-reads, re-converts and re-renders only what the changes call for (see
// internal/site).
//
// Serve publishes each rebuild in two steps (site.Options.Defer): the pages
// first, then the reload event, and the files made from every page (the
// feeds, the search index: builder.finishDeferred) only once no batch has come for
// finishDelay, so that making them does not take the CPU from the browsers
// that are reloading. Batches that come sooner are built first, and one call of
// finishDeferred follows them all.
package preview

import (
	"context"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strconv"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/server"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/watch"
)

// Options are what serve and watch share.
type Options struct {
	Site   site.Options  // what to build; Site.Dest is Watch's output folder
	Poll   time.Duration // > 0 polls the sources at this interval instead of using fsnotify
	Stdout io.Writer     // the address and each build's summary
	Stderr io.Writer     // build errors and warnings
}

// ServeOptions add the server's to Options.
type ServeOptions struct {
	Options
	Bind         string   // the address to listen on: 127.0.0.1 unless the author asks
	Port         int      // 0 picks a free port
	AllowedHosts []string // Host names allowed besides the bound one and localhost
	Open         bool     // open the site in the default browser after the first build
}

// Serve builds the site into memory, serves it on Bind:Port, and rebuilds
// it on every change until ctx ends. The site's base URL becomes the
// server's address, so that its links stay on the preview.
func Serve(ctx context.Context, opts ServeOptions) error {
	ln, err := net.Listen("tcp", net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port)))
	if err != nil {
		return fmt.Errorf("%w (is another server using the port? choose one with --port)", err)
	}
	defer ln.Close()
	addr := siteURL(opts.Bind, ln.Addr())
	opts.Site.BaseURL = addr

	out := newOutputs(opts.Stdout, opts.Stderr)
	mem := output.NewMemory()
	srv := server.New(mem, server.Options{Bind: opts.Bind, AllowedHosts: opts.AllowedHosts})

	g, ctx := errgroup.WithContext(ctx)
	w, err := startWatch(ctx, opts.Options, "", out)
	if err != nil {
		return err
	}
	fmt.Fprintf(out.stdout, "careersite: serving %s at %s (press Ctrl-C to stop)\n", sourceName(opts.Site.Source), addr)

	built := make(chan struct{})
	opts.Site.Defer = true
	b := &builder{opts: opts.Site, mem: mem, warnf: out.warnf, infof: out.infof}
	g.Go(func() error { return srv.Serve(ctx, ln) })
	g.Go(func() error {
		first := true
		return loop(ctx, w.Batches(), b, func(batch watch.Batch, res *site.Result, err error, took time.Duration) {
			srv.Reload(server.Build{Err: err, StyleOnly: styleOnly(batch)})
			out.report(batch, res, err, took, "still serving the last good build")
			if first {
				first = false
				close(built)
			}
		})
	})
	if opts.Open {
		g.Go(func() error {
			select {
			case <-built:
				openBrowser(ctx, addr, out)
			case <-ctx.Done():
			}
			return nil
		})
	}
	return g.Wait()
}

// Watch builds the site into Site.Dest (default Source/public) and rebuilds
// it on every change until ctx ends.
func Watch(ctx context.Context, opts Options) error {
	opts.Site.Dest = opts.Site.Destination()
	out := newOutputs(opts.Stdout, opts.Stderr)
	w, err := startWatch(ctx, opts, opts.Site.Dest, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(out.stdout, "careersite: watching %s, building into %s (press Ctrl-C to stop)\n",
		sourceName(opts.Site.Source), opts.Site.Dest)
	b := &builder{opts: opts.Site}
	return loop(ctx, w.Batches(), b, func(batch watch.Batch, res *site.Result, err error, took time.Duration) {
		out.report(batch, res, err, took, filepath.Base(opts.Site.Dest)+"/ left as it was")
	})
}

func startWatch(ctx context.Context, opts Options, dest string, out *outputs) (*watch.Watcher, error) {
	var ignore []string
	if dest != "" {
		abs, err := filepath.Abs(dest) // relative to the working directory, not to Source
		if err != nil {
			return nil, err
		}
		ignore = append(ignore, abs)
	}
	return watch.New(ctx, watch.Options{
		Root:         opts.Site.Source,
		Ignore:       ignore,
		ForcePoll:    opts.Poll > 0,
		PollInterval: opts.Poll,
		Logf:         out.warnf,
	})
}

// finishDelay is how long serve waits after a rebuild's reload event
// before it makes the files that depend on every page. The open pages
// reload meanwhile; making those files uses every core for a few hundred
// milliseconds on a site of 1,000 pages, and on two cores it slowed the
// reload by a fifth (BenchmarkEditToDOM in cmd/careersite).
const finishDelay = 200 * time.Millisecond

// loop builds once, then once per batch, until ctx ends or the watcher
// stops; done hears about every build that ctx did not interrupt. After a
// good build into memory, finishDeferred runs once no batch has come for a while.
func loop(ctx context.Context, batches <-chan watch.Batch, b *builder,
	done func(watch.Batch, *site.Result, error, time.Duration)) error {
	var finish <-chan time.Time // nil: nothing deferred
	build := func(batch watch.Batch) {
		start := time.Now()
		res, err := b.rebuild(ctx, batch)
		if ctx.Err() == nil {
			done(batch, res, err, time.Since(start))
		}
		if err == nil && ctx.Err() == nil && b.mem != nil {
			finish = b.finishTimer() // after the browsers heard about the pages
		}
	}
	build(watch.Batch{Rescan: true})
	for {
		select {
		case <-ctx.Done():
			return nil
		case batch, ok := <-batches:
			if !ok {
				return nil
			}
			build(batch)
		case <-finish:
			finish = nil
			b.finishDeferred(ctx)
		}
	}
}

// styleOnly reports whether a batch changed stylesheets and nothing else,
// so that open pages can swap them without reloading.
func styleOnly(b watch.Batch) bool {
	if b.Rescan || len(b.Paths) == 0 {
		return false
	}
	for _, p := range b.Paths {
		if filepath.Ext(p) != ".css" {
			return false
		}
	}
	return true
}

// siteURL is the address to print and to build the site for. A server on
// every interface (0.0.0.0, ::) is shown as localhost.
func siteURL(bind string, addr net.Addr) string {
	host := bind
	if ip := net.ParseIP(bind); bind == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	_, port, _ := net.SplitHostPort(addr.String())
	return "http://" + net.JoinHostPort(host, port) + "/"
}

func sourceName(src string) string {
	if abs, err := filepath.Abs(src); err == nil {
		return abs
	}
	return src
}

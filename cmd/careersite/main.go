// Command careersite builds static career-guide sites.
//
//	careersite build [--source DIR] [--dest DIR] [--base-url URL] [--drafts] [--future] [--expired] [--no-cache] [--quiet] [--profile DIR]
//	careersite serve [--source DIR] [--no-cache] [--port 1313] [--bind 127.0.0.1] [--allowed-hosts NAME,…] [--drafts] [--future] [--expired] [--poll INTERVAL] [--open]
//	careersite watch [--source DIR] [--no-cache] [--dest DIR] [--drafts] [--future] [--expired] [--poll INTERVAL]
//	careersite check [--source DIR] [--format text|json|github] [--drafts] [--future] [--expired]
//	careersite new job|role|certification|article SLUG [--source DIR]
//	careersite init [--language CODE] DIR
//	careersite import hugo [--section SECTION=KIND]... SRC DEST
//	careersite lsp [--source DIR] [--drafts] [--future] [--expired]
//	careersite schema [--dest DIR]
//	careersite version
//
// main only parses the command line and calls internal code; the exit status
// is 0 on success, 1 when the site has errors, 2 on bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/buildprofile"
	"github.com/careersite/careersite/internal/check"
	"github.com/careersite/careersite/internal/config"
	"github.com/careersite/careersite/internal/diag"
	"github.com/careersite/careersite/internal/lsp"
	"github.com/careersite/careersite/internal/output"
	"github.com/careersite/careersite/internal/preview"
	"github.com/careersite/careersite/internal/progress"
	"github.com/careersite/careersite/internal/scaffold"
	"github.com/careersite/careersite/internal/schema"
	"github.com/careersite/careersite/internal/site"
	"github.com/careersite/careersite/internal/version"
)

const usage = `careersite builds static career-guide sites.

Usage:
  careersite build [flags]   build the site into public/
  careersite serve [flags]   preview the site at http://127.0.0.1:1313/, live
  careersite watch [flags]   rebuild public/ on every change
  careersite check [flags]   find every error and warning, writing nothing
  careersite new KIND SLUG   start a page: job, role, certification or article
  careersite init DIR        make a new site in DIR (--language de: in German)
  careersite import hugo SRC DEST  make a careersite site of a Hugo site
  careersite lsp [flags]     the language server for editors, on stdin and stdout
  careersite schema [flags]  write the JSON Schema of each kind's front matter
  careersite version         print the line that names this build
  careersite help            show this help

Run "careersite COMMAND -h" for the flags of a command.
`

// usageError is bad usage of the command line: exit status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode prints err and maps it to the exit status.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "careersite: %s\n", ue.msg)
		return 2
	case errors.Is(err, errReported):
		return 1
	}
	fmt.Fprintln(stderr, err)
	return 1
}

// Run runs the command line args (without the program name).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &usageError{"no command given"}
	}
	switch args[0] {
	case "build":
		return runBuild(ctx, args[1:], stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "watch":
		return runWatch(ctx, args[1:], stdout, stderr)
	case "check":
		return runCheck(ctx, args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "init":
		return runInit(args[1:], stdout, stderr)
	case "import":
		return runImport(ctx, args[1:], stdout, stderr)
	case "lsp":
		return runLSP(ctx, args[1:], os.Stdin, stdout, stderr)
	case "schema":
		return runSchema(args[1:], stdout, stderr)
	case "version", "--version":
		if len(args) > 1 {
			return &usageError{fmt.Sprintf("%s takes no arguments, got %q", args[0], strings.Join(args[1:], " "))}
		}
		return printVersion(stdout)
	case "help", "-h", "--help":
		if err := printVersion(stdout); err != nil {
			return err
		}
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return &usageError{fmt.Sprintf("unknown command %q", args[0])}
}

// printVersion prints the line that names this build and its theme
// (internal/version says what each field is).
func printVersion(stdout io.Writer) error {
	v, err := version.Read(careersite.Theme())
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, v)
	return nil
}

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		opts    site.Options
		quiet   bool
		profile string
	)
	siteFlags(fl, &opts)
	destFlag(fl, &opts)
	fl.StringVar(&opts.BaseURL, "base-url", "", "the absolute URL the site is published at, replacing site.yaml's base_url")
	fl.BoolVar(&quiet, "quiet", false, "print nothing but errors")
	fl.StringVar(&profile, "profile", "", "write a CPU and a heap profile of the build into this folder (cpu.pprof, heap.pprof; bench/README.md)")
	useCache := cacheFlag(fl)
	if err := parse(fl, args); err != nil {
		return err
	}
	if err := useDest(&opts); err != nil {
		return err
	}
	opts.Theme = careersite.Theme()
	useCache(&opts)
	boundMemory()
	paceGC()
	if profile != "" {
		stop, startErr := buildprofile.Start(profile)
		if startErr != nil {
			return startErr
		}
		// The profiles cover the build and its summary, and a failure to
		// write them fails the command, even after a good build.
		defer func() { err = errors.Join(err, stop()) }()
	}

	start := time.Now()
	// A long build shows how far it has got, on a terminal only.
	bar := progress.New(stderr, !quiet && progress.IsTerminal(stderr), nil)
	opts.Progress = bar.Update
	res, err := site.Build(ctx, opts)
	bar.Done()
	if err != nil {
		return buildError(err)
	}
	printWarnings(stderr, res.Warnings) // even with --quiet, like errors
	if !quiet {
		fmt.Fprintf(stdout, "built %d pages, %d files into %s in %s\n",
			res.Pages, res.Files, opts.Dest, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// buildMemoryLimit is the soft limit of the memory of `build`: nearing it,
// the garbage collector runs more often rather than letting the heap grow
// to twice what is live. At 100,000 pages 1.1–1.3 GB is live; the peak RSS
// is the limit and what the heap grows by while the collector marks (with
// the cache, 1.75 GiB gave peaks of 1.95 and 1.98 GiB, 1.625 GiB one of
// 1.88 GiB, for a fifth more user time). A site whose live data alone is
// larger still builds, more slowly.
const buildMemoryLimit = 1664 << 20

// boundMemory sets the soft limit of the heap, unless GOMEMLIMIT in the
// environment sets one.
func boundMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(buildMemoryLimit)
	}
}

// buildError adds a count line under the errors of a failed build: one
// for every error printed.
func buildError(err error) error {
	return fmt.Errorf("%w\nbuild failed: %s, nothing written", err, diag.Counted(err))
}

// printWarnings prints a build's warnings to w, one line for each kind
// that repeats (diag.Summarize): `careersite check` lists them all.
func printWarnings(w io.Writer, warnings []*diag.Error) {
	full, lines := diag.Summarize(warnings)
	for _, e := range full {
		fmt.Fprintf(w, "warning: %s\n", e)
	}
	for _, l := range lines {
		fmt.Fprintf(w, "warning: %s\n", l)
	}
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	opts := preview.ServeOptions{Options: preview.Options{Stdout: stdout, Stderr: stderr}}
	siteFlags(fl, &opts.Site)
	fl.IntVar(&opts.Port, "port", 1313, "the port to listen on (0 picks a free one)")
	fl.StringVar(&opts.Bind, "bind", "127.0.0.1", "the address to listen on; 0.0.0.0 shows the preview to your network")
	fl.Var((*listFlag)(&opts.AllowedHosts), "allowed-hosts", "more Host `NAMES` to answer, comma-separated (others get 403)")
	fl.DurationVar(&opts.Poll, "poll", 0, "poll the files every `INTERVAL` (such as 500ms) instead of using file events, for WSL, Docker and network mounts")
	fl.BoolVar(&opts.Open, "open", false, "open the site in the default browser")
	useCache := cacheFlag(fl)
	if err := parse(fl, args); err != nil {
		return err
	}
	opts.Site.Theme = careersite.Theme()
	useCache(&opts.Site)
	return preview.Serve(ctx, opts)
}

func runWatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("watch", flag.ContinueOnError)
	fl.SetOutput(stderr)
	opts := preview.Options{Stdout: stdout, Stderr: stderr}
	siteFlags(fl, &opts.Site)
	destFlag(fl, &opts.Site)
	fl.DurationVar(&opts.Poll, "poll", 0, "poll the files every `INTERVAL` (such as 500ms) instead of using file events, for WSL, Docker and network mounts")
	useCache := cacheFlag(fl)
	if err := parse(fl, args); err != nil {
		return err
	}
	useCache(&opts.Site)
	if err := useDest(&opts.Site); err != nil {
		return err
	}
	opts.Site.Theme = careersite.Theme()
	return preview.Watch(ctx, opts)
}

// destFlag adds --dest, the output folder, to fl.
func destFlag(fl *flag.FlagSet, opts *site.Options) {
	fl.StringVar(&opts.Dest, "dest", "", "the output folder (default: `DIR`/public of --source)")
}

// useDest sets the output folder of opts (site.Options.Destination), once
// the flags are parsed, and refuses one whose replacement would destroy
// something (output.CheckDest) before anything is written: bad usage.
func useDest(opts *site.Options) error {
	opts.Dest = opts.Destination()
	if err := output.CheckDest(opts.Dest, opts.Source); err != nil {
		return &usageError{"--dest: " + err.Error()}
	}
	return nil
}

// errReported fails a command that has printed why already: exit status 1.
var errReported = errors.New("reported")

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opts site.Options
	siteFlags(fl, &opts)
	format := fl.String("format", "text", "print what the check finds as `text`, json, or github (annotations for GitHub Actions)")
	if err := parse(fl, args); err != nil {
		return err
	}
	if !slices.Contains(check.Formats, *format) {
		return &usageError{fmt.Sprintf("--format %q: want %s", *format, strings.Join(check.Formats, ", "))}
	}
	opts.Theme = careersite.Theme()
	report := check.Run(ctx, opts)
	if err := report.Write(stdout, *format, opts.Source); err != nil {
		return err
	}
	if *format != "text" {
		fmt.Fprintln(stderr, report.Summary())
	}
	if len(report.Errors) > 0 {
		return errReported
	}
	return nil
}

// runLSP serves the Language Server Protocol on stdin and stdout until
// the editor exits or closes the connection.
func runLSP(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("lsp", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opts lsp.Options
	siteFlags(fl, &opts.Site)
	// Editors start servers with --stdio; it is how this one talks anyway.
	fl.Bool("stdio", true, "talk on stdin and stdout (the only way; accepted for editors that pass it)")
	if err := parse(fl, args); err != nil {
		return err
	}
	opts.Site.Theme = careersite.Theme()
	return lsp.Serve(ctx, opts, stdio{stdin, stdout})
}

// stdio is the connection of `careersite lsp`: stdin and stdout.
type stdio struct {
	io.Reader
	io.Writer
}

// Close closes nothing: the process ends with the connection.
func (stdio) Close() error { return nil }

// runSchema writes DIR/KIND.schema.json for every kind.
func runSchema(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("schema", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dest := fl.String("dest", "schema", "the folder to write KIND.schema.json into")
	if err := parse(fl, args); err != nil {
		return err
	}
	if err := os.MkdirAll(*dest, 0o777); err != nil {
		return err
	}
	for _, kind := range config.Kinds() {
		b, err := schema.JSON(kind)
		if err != nil {
			return err
		}
		name := filepath.Join(*dest, kind+".schema.json")
		if err := os.WriteFile(name, b, 0o666); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", name)
	}
	return nil
}

func runNew(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "the site folder, holding site.yaml")
	pos, err := parseWithArgs(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 || !config.IsKind(pos[0]) {
		return &usageError{"usage: careersite new job|role|certification|article SLUG [--source DIR]"}
	}
	name, err := scaffold.New(*source, pos[0], pos[1], time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created %s\n", filepath.Join(*source, filepath.FromSlash(name)))
	return nil
}

func runInit(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("init", flag.ContinueOnError)
	fl.SetOutput(stderr)
	lang := fl.String("language", "en", "the language of the new site: "+strings.Join(scaffold.Languages(), ", "))
	pos, err := parseWithArgs(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return &usageError{"usage: careersite init [--language CODE] DIR"}
	}
	if !slices.Contains(scaffold.Languages(), *lang) {
		return &usageError{fmt.Sprintf("careersite init --language: want one of %s, not %q", strings.Join(scaffold.Languages(), ", "), *lang)}
	}
	files, err := scaffold.Init(pos[0], *lang, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created a new site in %s (%d files); preview it with: careersite serve --source %s\n", pos[0], len(files), pos[0])
	return nil
}

// parseWithArgs parses flags that may come before, between or after the
// arguments, and returns the arguments.
func parseWithArgs(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// cacheFlag adds --no-cache to fl; the func it returns sets the cache
// folder of opts, once the flags are parsed, unless --no-cache was given.
func cacheFlag(fl *flag.FlagSet) func(*site.Options) {
	noCache := fl.Bool("no-cache", false, "neither use nor fill the build cache in .careersite/cache of the site (it is safe to delete)")
	return func(opts *site.Options) {
		if !*noCache {
			opts.CacheDir = filepath.Join(opts.Source, ".careersite", "cache")
		}
	}
}

// siteFlags are the flags that say which site and which pages to build.
func siteFlags(fl *flag.FlagSet, opts *site.Options) {
	fl.StringVar(&opts.Source, "source", ".", "the site folder, holding site.yaml")
	fl.BoolVar(&opts.Drafts, "drafts", false, "include draft pages")
	fl.BoolVar(&opts.Future, "future", false, "include pages whose publish date is in the future")
	fl.BoolVar(&opts.Expired, "expired", false, "include pages whose expiry date has passed")
}

// parse parses a subcommand's flags; it takes no arguments.
func parse(fl *flag.FlagSet, args []string) error {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &usageError{err.Error()}
	}
	if fl.NArg() > 0 {
		return &usageError{fmt.Sprintf("%s takes no arguments, got %q", fl.Name(), strings.Join(fl.Args(), " "))}
	}
	return nil
}

// listFlag collects comma-separated values; the flag may be repeated.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for item := range strings.SplitSeq(v, ",") {
		if item = strings.TrimSpace(item); item != "" {
			*l = append(*l, item)
		}
	}
	return nil
}

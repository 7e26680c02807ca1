// Command gen writes a deterministic benchmark site of N pages for
// careersite, and optionally the same content as a Hugo site.
//
//	go run ./bench/gen -n 10000 -out DIR [-hugo DIR2] [-seed S] [-profile career|docs] [-theme default|minimal]
//	go run ./bench/gen -n 10000 -out DIR -shortcodes [-inline]
//
// -profile career (the default) writes career content: job descriptions,
// role guides, certification reviews and guides with code. -profile docs
// writes a documentation site: about a hundred sections of 20 to 700
// pages, prose with lists, links and inline code, few fenced blocks.
// -theme minimal gives both sites the same small templates in layouts/
// instead of careersite's embedded theme and the Hugo twin's own.
//
// -shortcodes ends every page with a figure, a salary table from a data
// file and a paired details shortcode; -inline writes the HTML those
// shortcodes give in their place, a twin site that publishes the same
// pages without shortcodes. There is no Hugo site of either.
//
// DIR (and DIR2) must not exist or be empty. The pages are described in
// bench/internal/sitegen; the same -n and -seed give the same bytes on any
// machine.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/careersite/careersite/bench/internal/sitegen"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fl.Int("n", 1000, "number of regular pages")
	out := fl.String("out", "", "the careersite site folder to write")
	hugo := fl.String("hugo", "", "also write the equivalent Hugo site to this folder")
	seed := fl.Uint64("seed", 0, "random seed (0: the default)")
	shortcodes := fl.Bool("shortcodes", false, "end every page with three shortcodes (figure, salary-table, details)")
	inline := fl.Bool("inline", false, "with -shortcodes: write the shortcodes' HTML in their place")
	profile := fl.String("profile", sitegen.Career, "the kind of site: career or docs")
	theme := fl.String("theme", sitegen.DefaultTheme, "the templates: default (careersite's embedded theme) or minimal (the same on both sides)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *out == "" || *n < 1 {
		return errors.New("want -out DIR and -n of at least 1")
	}
	if *inline && !*shortcodes {
		return errors.New("-inline is the twin of -shortcodes: give both")
	}
	if *shortcodes && *hugo != "" {
		return errors.New("-shortcodes makes no Hugo site: Hugo has no salary-table")
	}
	opts := sitegen.Options{Pages: *n, Seed: *seed, Shortcodes: *shortcodes, Inline: *inline, Profile: *profile, Theme: *theme}
	for _, dir := range []string{*out, *hugo} {
		if dir == "" {
			continue
		}
		if err := checkEmpty(dir); err != nil {
			return err
		}
	}
	st, err := sitegen.Write(*out, opts)
	if err != nil {
		return err
	}
	if *hugo != "" {
		if _, err := sitegen.WriteHugo(*hugo, opts); err != nil {
			return err
		}
	}
	kinds := make([]string, 0, len(st.Kinds))
	for k := range st.Kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintf(stdout, "%d pages (", st.Pages)
	for i, k := range kinds {
		if i > 0 {
			fmt.Fprint(stdout, ", ")
		}
		fmt.Fprintf(stdout, "%s %d", k, st.Kinds[k])
	}
	fmt.Fprintf(stdout, "), %.1f MB of Markdown, %d code blocks, %d distinct\n",
		float64(st.Bytes)/1e6, st.CodeBlocks, st.Distinct)
	return nil
}

// checkEmpty refuses to write into a folder that holds anything.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty", dir)
	}
	return nil
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/careersite/careersite"
	"github.com/careersite/careersite/internal/hugoimport"
)

const importUsage = "usage: careersite import hugo [--section SECTION=KIND]... SRC DEST"

// runImport runs `careersite import hugo SRC DEST`: the report goes to
// stdout, and to DEST/IMPORT.md.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	sections := sectionFlag{}
	fl.Var(sections, "section", "map a section to a careersite kind, `SECTION=KIND` (jobs=job); repeat for more; other sections are articles")
	pos, err := parseWithArgs(fl, args)
	if err != nil {
		return err
	}
	if len(pos) != 3 || pos[0] != "hugo" {
		return &usageError{importUsage}
	}
	report, err := hugoimport.Import(ctx, hugoimport.Options{
		Source: pos[1], Dest: pos[2], Sections: sections,
		Theme: careersite.Theme(), Now: time.Now(),
	})
	if err != nil {
		return err
	}
	report.WriteTerminal(stdout)
	return nil
}

// sectionFlag collects --section SECTION=KIND.
type sectionFlag map[string]string

func (f sectionFlag) String() string { return "" }

func (f sectionFlag) Set(v string) error {
	sec, kind, ok := strings.Cut(v, "=")
	if !ok || sec == "" || kind == "" {
		return fmt.Errorf("want SECTION=KIND, got %q", v)
	}
	f[sec] = kind
	return nil
}

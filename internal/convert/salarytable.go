package convert

// This file is .Site.SalaryTable of shortcodes: the rows come from
// internal/salarytable, from a data file or from the job and role pages
// the page lookup finds.
//
// A build makes the table of the same arguments once: its data files and
// pages do not change while its bodies are converted, and shortcodeSite
// is made anew for each build (SetData). So the rows of one data file are
// one *salarytable.Table on every page that shows them, and the theme's
// layouts/partials/salary-table-rows.html, which the theme's salary-table
// shortcode runs on it, runs once for each table and language: its output
// is kept in a render.Memo of the language (rowsMemo) and written again.

import (
	"fmt"
	"strings"
	"sync"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/render"
	"github.com/careersite/careersite/internal/salarytable"
)

// salaryTables are the tables of a build and the memos of their rows.
type salaryTables struct {
	tables sync.Map // tableArgs → *salarytable.Table
	memos  sync.Map // language code → *render.Memo
}

// tableArgs are the arguments of .Site.SalaryTable.
type tableArgs struct{ key, pages string }

// rowsPartials are the partials the theme's salary-table-rows.html runs,
// itself included. Its output is kept only when all three are the
// theme's: they read nothing but the table and call nothing but T, money
// and dateFormat, which give the same words for the same table in the
// same language. A site's own may do otherwise (call image, which
// records the image with the page it runs for), and runs every time.
var rowsPartials = []string{"layouts/partials/salary-table-rows.html", "layouts/partials/source.html", "layouts/partials/money.html"}

// rowsMemoBudget is the most output of rows a memo of a language keeps:
// a table of ten rows is about 3 KB.
const rowsMemoBudget = 4 << 20

// keepsRows reports whether the output of the rows of r's tables may be
// kept (rowsPartials).
func keepsRows(r *render.Renderer) bool {
	for _, f := range rowsPartials {
		if !r.FromTheme(f) {
			return false
		}
	}
	return true
}

// rowsMemo is the memo of the rows of the tables on pages of the
// language lang; nil when the rows are not kept.
func (cv *Converter) rowsMemo(lang string) *render.Memo {
	if !cv.shortcodes.keepRows {
		return nil
	}
	memos := &cv.site.salary.memos
	if m, ok := memos.Load(lang); ok {
		return m.(*render.Memo)
	}
	m, _ := memos.LoadOrStore(lang, render.NewMemo(rowsMemoBudget, isTable))
	return m.(*render.Memo)
}

// isTable is the memo's keep: every *salarytable.Table is one of the
// build's, made once for its arguments.
func isTable(data any) bool {
	_, ok := data.(*salarytable.Table)
	return ok
}

// SalaryTable is .Site.SalaryTable in a shortcode: the rows of the data
// file at key ("salaries.oews_2024" or "salaries/oews-2024"), or of the
// pages, URLs or content files separated by commas or spaces. Exactly
// one of the two is given; the salary-table built-in checks that first.
// The same arguments give the same table in a build; an error is made
// anew each time, for the shortcode it fails.
func (s *shortcodeSite) SalaryTable(key, pages string) (*salarytable.Table, error) {
	args := tableArgs{key, pages}
	if t, ok := s.salary.tables.Load(args); ok {
		return t.(*salarytable.Table), nil
	}
	var rows []salarytable.Row
	var err error
	if key != "" {
		rows, err = salarytable.FromData(s.Data, key)
	} else {
		rows, err = s.salaryRowsOfPages(pages)
	}
	if err != nil {
		return nil, err
	}
	t, _ := s.salary.tables.LoadOrStore(args, salarytable.Of(rows))
	return t.(*salarytable.Table), nil
}

// salaryRowsOfPages returns the rows of the job and role pages in refs.
func (s *shortcodeSite) salaryRowsOfPages(refs string) ([]salarytable.Row, error) {
	var rows []salarytable.Row
	for _, ref := range strings.FieldsFunc(refs, func(r rune) bool { return r == ',' || r == ' ' }) {
		p, err := s.GetPage(ref)
		if err != nil {
			return nil, err
		}
		var sal *career.Salary
		switch {
		case p.Job != nil:
			sal = p.Job.Salary
		case p.Role != nil:
			sal = p.Role.Salary
		}
		if sal == nil {
			return nil, fmt.Errorf("page %q has no salary: the table shows job and role pages that give one", ref)
		}
		rows = append(rows, salarytable.NewRow(p.Title, p.URL, sal))
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("pages names no page")
	}
	return rows, nil
}

package convert

// This file is .Site.SalaryTable of shortcodes: the rows come from
// internal/salarytable, from a data file or from the job and role pages
// the page lookup finds.

import (
	"fmt"
	"strings"

	"github.com/careersite/careersite/internal/career"
	"github.com/careersite/careersite/internal/salarytable"
)

// SalaryTable is .Site.SalaryTable in a shortcode: the rows of the data
// file at key ("salaries.oews_2024" or "salaries/oews-2024"), or of the
// pages, URLs or content files separated by commas or spaces. Exactly
// one of the two is given; the salary-table built-in checks that first.
func (s *shortcodeSite) SalaryTable(key, pages string) (*salarytable.Table, error) {
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
	return salarytable.Of(rows), nil
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

package sitegen

import (
	"crypto/sha256"
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/careersite/careersite/internal/imaging"
)

// This file is the rich content of Options.Shortcodes: a section at the
// end of every page with a figure, a salary table fed from a data file and
// a paired details shortcode, written either as shortcodes or as the HTML
// the theme's shortcode templates give for them (Options.Inline), so that
// the two sites publish the same pages and the difference between their
// build times is the cost of shortcodes. TestInlineTwin builds both and
// compares every output file.
//
// The section is drawn from a random source of its own (stream 3), so the
// rest of a page is the same with or without it.

// salaryGroups is how many data files the families' salaries are split
// into; a page's table shows its family's file.
const salaryGroups = 4

// groupOf returns the data file's number (1-based) of family f.
func groupOf(f int) int { return 1 + f*salaryGroups/len(families) }

// richSiteFiles adds to files (site.yaml and others) what the rich
// section needs: the data files, the figure's image, and raw HTML in
// Markdown, which the inline twin is written in. Both twins get the same
// files, so that they differ only in their pages, but for one: the
// figure's image as the image pipeline publishes it (chartOutput), which
// the twin's pages link to and which the twin, having no figure to
// publish it, gets as an asset of that name.
func (s *site) richSiteFiles(files map[string]string) map[string]string {
	files["site.yaml"] += "markdown:\n  unsafe_html: true\n"
	files["assets/"+chartAsset] = chartSVG
	if s.opts.Inline {
		files["assets/"+chartOutput()] = chartSVG
	}
	var groups [salaryGroups]strings.Builder
	for g := range groups {
		groups[g].WriteString("role,currency,period,median,p10,p90,source,source_url,as_of\n")
	}
	for i, f := range families {
		p10, p90 := salaryRange(f.median)
		fmt.Fprintf(&groups[groupOf(i)-1], "%s,USD,year,%d,%d,%d,%s,%s,%s\n",
			f.name, int(f.median), p10, p90, salarySource, salarySourceURL, salaryAsOf)
	}
	for g := range groups {
		files[fmt.Sprintf("data/salaries/group-%d.csv", g+1)] = groups[g].String()
	}
	return files
}

// salaryRange returns the 10th and 90th percentiles of a median, rounded
// to a thousand.
func salaryRange(median float64) (int, int) {
	round := func(x float64) int { return int(math.Round(x/1000)) * 1000 }
	return round(median * 0.62), round(median * 1.55)
}

const (
	salarySource    = "BLS OEWS"
	salarySourceURL = "https://www.bls.gov/oes/"
	salaryAsOf      = "2024-05-01"
	salaryAsOfText  = "May 2024"
)

// chartAsset is the figure's image, under assets/; chartWidth and
// chartHeight its size, from chartSVG's viewBox.
const (
	chartAsset              = "img/bench/pay-by-level.svg"
	chartWidth, chartHeight = 120, 60
)

// chartOutput is the site path the image pipeline publishes chartAsset at
// when the figure shows it: an SVG keeps its bytes, under a name
// fingerprinted as internal/images names it.
func chartOutput() string {
	k := imaging.KeyOf(sha256.Sum256([]byte(chartSVG)), imaging.Spec{})
	return path.Dir(chartAsset) + "/" + imaging.OutputName(chartAsset, 0, imaging.SVG, k)
}

const chartSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60" width="120" height="60">
<rect x="10" y="40" width="20" height="20" fill="#4a7"/>
<rect x="40" y="28" width="20" height="32" fill="#4a7"/>
<rect x="70" y="14" width="20" height="46" fill="#4a7"/>
<rect x="100" y="0" width="20" height="60" fill="#4a7"/>
</svg>
`

var faqs = []struct{ question, answer string }{
	{"Do I need a degree to become a %s?", "Most employers ask for one, but a **portfolio** of real work often counts for as much."},
	{"How long does it take to become a %s?", "Two to four years of practice is typical, and `%s` is usually the first skill to learn."},
	{"Is a %s a remote-friendly job?", "Often: about *half* of the postings we read allow remote work for part of the week."},
	{"What does a %s do on a typical day?", "Planning, hands-on work with `%s`, reviews with colleagues and a meeting or two."},
}

// rich writes the page's rich section, as shortcodes or inline.
func (w *writer) rich(p *plan) {
	r := w.site.rng(w.self, 3)
	f := families[p.family]
	role := strings.ToLower(f.name)
	faq := faqs[r.IntN(len(faqs))]
	question := fmt.Sprintf(faq.question, role)
	answer := faq.answer
	if strings.Contains(answer, "%s") {
		answer = fmt.Sprintf(answer, f.skills[r.IntN(len(f.skills))])
	}
	alt := fmt.Sprintf("A bar chart of %s pay rising with each level", role)
	caption := fmt.Sprintf("How %s pay grows with seniority", role)
	table := fmt.Sprintf("Pay of %ss and related occupations, %s", role, salaryAsOfText)
	group := groupOf(p.family)

	w.line("## At a glance")
	w.line("")
	if !w.site.opts.Inline {
		w.linef(`{{< figure src="/%s" alt=%q caption=%q >}}`, chartAsset, alt, caption)
		w.line("")
		w.linef(`{{< salary-table data="salaries.group_%d" caption=%q >}}`, group, table)
		w.line("")
		w.linef(`{{< details summary=%q >}}`, question)
		w.line(answer)
		w.line("{{< /details >}}")
		w.line("")
		return
	}
	w.line(inlineFigure("/"+chartOutput(), alt, caption))
	w.line("")
	w.line(inlineSalaryTable(group, table))
	w.line("")
	w.line(inlineDetails(question, inlineMarkdown(answer)))
	w.line("")
}

// inlineFigure is layouts/shortcodes/figure.html's output for the chart,
// published at src, with alt and caption. The chart is its page's first
// image, so it loads eagerly (no loading="lazy").
func inlineFigure(src, alt, caption string) string {
	return fmt.Sprintf("<figure class=\"figure\">\n<img src=\"%s\" width=\"%d\" height=\"%d\" alt=\"%s\">\n<figcaption>%s</figcaption>\n</figure>",
		escape(src), chartWidth, chartHeight, escape(alt), escape(caption))
}

// inlineDetails is layouts/shortcodes/details.html's output for a summary
// and inner HTML.
func inlineDetails(summary, inner string) string {
	return fmt.Sprintf("<details class=\"details\">\n<summary>%s</summary>\n<div class=\"details__body\">\n%s</div>\n</details>",
		escape(summary), inner)
}

// inlineSalaryTable is layouts/shortcodes/salary-table.html's output for
// the rows of data file group.
func inlineSalaryTable(group int, caption string) string {
	const note = "10th to 90th percentile"
	var b strings.Builder
	fmt.Fprintf(&b, "<div class=\"table-scroll salary-table\" role=\"region\" tabindex=\"0\" aria-label=\"%s\">\n<table>\n<caption>%s</caption>\n<thead>\n", escape(caption), escape(caption))
	fmt.Fprintf(&b, "<tr><th scope=\"col\">Role</th><th scope=\"col\">Median</th><th scope=\"col\">Range <span class=\"salary-table__note\">(%s)</span></th><th scope=\"col\">Period</th><th scope=\"col\">Source</th><th scope=\"col\">As of</th></tr>\n", note)
	b.WriteString("</thead>\n<tbody>")
	for i, f := range families {
		if groupOf(i) != group {
			continue
		}
		p10, p90 := salaryRange(f.median)
		fmt.Fprintf(&b, "\n<tr>\n<th scope=\"row\">%s</th>\n", escape(f.name))
		fmt.Fprintf(&b, "<td class=\"salary-table__num\">$%s</td>\n", thousands(int(f.median)))
		fmt.Fprintf(&b, "<td class=\"salary-table__num\">$%s–$%s</td>\n", thousands(p10), thousands(p90))
		b.WriteString("<td>per year</td>\n")
		fmt.Fprintf(&b, "<td><a href=\"%s\">%s</a></td>\n", salarySourceURL, salarySource)
		// The date partial's isoDate writes a data file's date as a time.
		fmt.Fprintf(&b, "<td><time datetime=\"%s\">%s</time></td>\n</tr>", salaryAsOf, salaryAsOfText)
	}
	b.WriteString("\n</tbody>\n</table>\n</div>")
	return b.String()
}

// inlineMarkdown is the HTML of a one-paragraph answer: **strong**,
// *emphasis* and `code`, the only markup faqs use.
func inlineMarkdown(s string) string {
	for _, m := range []struct{ delim, tag string }{{"**", "strong"}, {"*", "em"}, {"`", "code"}} {
		for strings.Count(s, m.delim) >= 2 {
			s = strings.Replace(s, m.delim, "<"+m.tag+">", 1)
			s = strings.Replace(s, m.delim, "</"+m.tag+">", 1)
		}
	}
	return "<p>" + s + "</p>\n"
}

// thousands writes n with commas: 120,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// escape is html/template's escaping of text and attribute values, for
// the texts rich writes (no quotes or ampersands in the vocabulary, but a
// change to it should not break the twin silently: TestInlineTwin).
func escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

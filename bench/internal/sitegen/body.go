package sitegen

import (
	"fmt"
	"strings"
)

// The chance, in percent, that a section of a page of each kind carries a
// code block; articles are the code-heavy pages.
var codeChance = map[string]int{"article": 45, "role": 15, "job": 8, "certification": 10}

// body writes the Markdown of a page: an introduction (the summary, with a
// <!--more--> divider on half the pages), then sections of prose with
// lists, tables, code and subsections, then footnote definitions.
func (w *writer) body(p *plan) {
	r := w.r
	w.paragraph(3, 4)
	if r.IntN(2) == 0 {
		w.line("<!--more-->")
		w.line("")
	}
	heads := map[string][]string{"job": jobHeadings, "role": roleHeadings, "certification": certHeadings, "article": guideHeadings}[p.kind]
	n := 4 + r.IntN(3)
	for _, k := range r.Perm(len(heads))[:n] {
		w.section(p, heads[k])
	}
	if w.site.opts.Shortcodes {
		w.rich(p)
	}
	for i := 1; i <= w.notes; i++ {
		w.linef("[^%d]: %s", i, w.words.fill(sentences[r.IntN(len(sentences))]))
	}
}

func (w *writer) section(p *plan, heading string) {
	r := w.r
	w.linef("## %s", w.words.fill(heading))
	w.line("")
	for range 1 + r.IntN(3) {
		w.paragraph(3, 6)
	}
	if r.IntN(100) < 35 {
		w.bullets()
	}
	if r.IntN(100) < 20 {
		w.table(p)
	}
	if r.IntN(100) < codeChance[p.kind] {
		w.codeBlock()
	}
	if r.IntN(100) < 20 {
		w.linef("### %s", subHeadings[r.IntN(len(subHeadings))])
		w.line("")
		w.paragraph(2, 4)
		if r.IntN(100) < codeChance[p.kind]/2 {
			w.codeBlock()
		}
	}
}

// paragraph writes lo to hi sentences; about a third of paragraphs link to
// another page, some carry a footnote or inline markup.
func (w *writer) paragraph(lo, hi int) {
	r := w.r
	n := lo + r.IntN(hi-lo+1)
	link := -1
	if r.IntN(3) == 0 {
		link = r.IntN(n)
	}
	for i := range n {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		if i == link {
			w.b.WriteString(w.link())
			continue
		}
		s := w.words.fill(sentences[r.IntN(len(sentences))])
		switch r.IntN(12) {
		case 0:
			s = strings.Replace(s, w.words.skill, "`"+w.words.skill+"`", 1)
		case 1:
			s = "**" + strings.TrimSuffix(s, ".") + ".**"
		case 2:
			if w.notes < 3 {
				w.notes++
				s += fmt.Sprintf("[^%d]", w.notes)
			}
		}
		w.b.WriteString(s)
	}
	w.b.WriteString("\n\n")
}

var linkSentences = []string{
	"For a worked example, see [%s](%s).",
	"We compare this with [%s](%s) elsewhere on the site.",
	"Our page [%s](%s) goes into more detail.",
	"Readers often continue with [%s](%s).",
}

// link returns a sentence linking to another generated page, to a section
// or to an external source.
func (w *writer) link() string {
	r, pages := w.r, w.site.pages
	switch x := r.IntN(10); {
	case x == 0:
		s := []string{"jobs", "roles", "certifications", "guides"}[r.IntN(4)]
		return fmt.Sprintf("The [%s list](/%s/) has every page of the kind.", s, s)
	case x == 1:
		return "The [Occupational Outlook Handbook](https://www.bls.gov/ooh/) has national figures."
	}
	j := r.IntN(len(pages))
	if j == w.self {
		j = (j + 1) % len(pages)
	}
	if j == w.self { // a site of one page
		return "There is more to say about this."
	}
	return fmt.Sprintf(linkSentences[r.IntN(len(linkSentences))], pages[j].title, pages[j].url())
}

func (w *writer) bullets() {
	r := w.r
	items := w.some(listItems, 3, 6)
	ordered := r.IntN(10) < 3
	for i, it := range items {
		if ordered {
			w.linef("%d. %s", i+1, it)
		} else {
			w.linef("- %s", it)
		}
	}
	w.line("")
}

// table writes a GFM table: pay by level, or skills and where to learn them.
func (w *writer) table(p *plan) {
	r := w.r
	if r.IntN(2) == 0 {
		base := families[p.family].median
		w.line("| Level | Typical years | Median pay (USD) | Share of postings |")
		w.line("| --- | ---: | ---: | ---: |")
		for _, l := range []int{0, 1, 2, 3} {
			lv := levels[l]
			name := lv.name
			w.linef("| %s | %d–%d | %d | %d%% |", strings.ToUpper(name[:1])+name[1:], lv.years[0], lv.years[1],
				int(base*lv.factor/1000)*1000, 5+r.IntN(40))
		}
	} else {
		w.line("| Skill | Why it matters | Where to learn it |")
		w.line("| --- | --- | --- |")
		for range 3 + r.IntN(3) {
			sk := skills[pick(r, skillCDF)]
			w.linef("| %s | %s | %s |", sk,
				[]string{"Asked for in most postings", "Separates senior candidates", "Saves hours every week", "Comes up in interviews"}[r.IntN(4)],
				[]string{"On the job", "A short course", "An open-source project", "A study group"}[r.IntN(4)])
		}
	}
	w.line("")
}

// codeBlock writes a fenced block: a shared snippet or a page's variant.
func (w *writer) codeBlock() {
	r := w.r
	total := 0
	for _, l := range languages {
		total += l.weight
	}
	x, lang := r.IntN(total), ""
	for _, l := range languages {
		if x < l.weight {
			lang = l.name
			break
		}
		x -= l.weight
	}
	code := snippet(lang, r.IntN(len(snippets[lang])), r.IntN(2) == 0, nouns[r.IntN(len(nouns))], 10+r.IntN(990))
	w.code = append(w.code, lang+"\x00"+code)
	w.linef("```%s", lang)
	w.b.WriteString(code)
	w.line("```")
	w.line("")
}

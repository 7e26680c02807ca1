package sitegen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// guides are the kinds of role guide, by plan.guide.
var guides = []string{"overview", "career-path", "comparison"}

// planPage decides page i's kind, occupation, level, title and URL.
func (s *site) planPage(i int) plan {
	r := s.rng(i, 1)
	p := plan{kind: kindOf(i), family: r.IntN(len(families)), level: r.IntN(len(levels))}
	p.section = sectionOf[p.kind]
	f := families[p.family]
	switch p.kind {
	case "job":
		p.title = strings.TrimSpace(levels[p.level].label+" "+f.name) + " job description"
	case "role":
		switch g := r.IntN(10); {
		case g < 5:
			p.title = "What does a " + strings.ToLower(f.name) + " do?"
		case g < 8:
			p.guide = 1
			p.title = "The " + strings.ToLower(f.name) + " career path"
		default:
			p.guide = 2
			p.other = (p.family + 1 + r.IntN(len(families)-1)) % len(families)
			p.title = f.name + " vs " + strings.ToLower(families[p.other].name)
		}
	case "certification":
		p.provider = r.IntN(len(providers))
		p.title = providers[p.provider].name + " " + f.name + " Certificate: review"
	default:
		sk := f.skills[r.IntN(len(f.skills))]
		p.title = fmt.Sprintf(articleTitles[r.IntN(len(articleTitles))], sk, strings.ToLower(f.name))
	}
	p.title = strings.ToUpper(p.title[:1]) + p.title[1:]
	p.slug = fmt.Sprintf("%s-%05d", slugify(p.title, 48), i)
	return p
}

var articleTitles = []string{
	"%s for %ss: a practical guide",
	"How to get better at %s as a %s",
	"Learning %s on the job: notes from %ss",
	"Interview questions about %s for a %s role",
	"Common %s mistakes and how %ss avoid them",
}

// slugify lower-cases s, keeps ASCII letters and digits, joins the rest
// with single hyphens and cuts it to at most max bytes.
func slugify(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
			if b.Len() >= max {
				break
			}
			continue
		}
		dash = true
	}
	return b.String()
}

// page returns page i's file and the (language, code) keys of its code
// blocks.
func (s *site) page(i int) (string, []string) {
	p := &s.pages[i]
	r := s.rng(i, 2)
	w := &writer{site: s, self: i, r: r, words: s.words(p, r)}
	w.line("---")
	w.common(p)
	switch p.kind {
	case "job":
		w.job(p)
	case "role":
		w.role(p)
	case "certification":
		w.certification(p)
	}
	w.line("---")
	w.line("")
	w.body(p)
	return w.b.String(), w.code
}

// words are the slot values of page i's prose.
func (s *site) words(p *plan, r *rand.Rand) words {
	f := families[p.family]
	return words{
		role:   strings.ToLower(f.name),
		skill:  f.skills[r.IntN(len(f.skills))],
		skill2: skills[pick(r, skillCDF)],
		noun:   nouns[r.IntN(len(nouns))],
		n:      2 + r.IntN(9),
		n2:     12 + r.IntN(10),
		pct:    10 + r.IntN(80),
	}
}

// writer writes one page.
type writer struct {
	site  *site
	self  int
	r     *rand.Rand
	words words
	b     strings.Builder
	code  []string // language + "\x00" + code of every block
	notes int      // footnotes used
}

func (w *writer) line(s string)                  { w.b.WriteString(s); w.b.WriteByte('\n') }
func (w *writer) linef(f string, args ...any)    { fmt.Fprintf(&w.b, f, args...); w.b.WriteByte('\n') }
func (w *writer) str(ind int, key, val string)   { w.linef("%s%s: %q", pad(ind), key, val) }
func (w *writer) raw(ind int, key string, v any) { w.linef("%s%s: %v", pad(ind), key, v) }
func (w *writer) key(ind int, key string)        { w.linef("%s%s:", pad(ind), key) }

func (w *writer) list(ind int, key string, items []string) {
	w.key(ind, key)
	for _, it := range items {
		w.linef("%s  - %q", pad(ind), it)
	}
}

func pad(n int) string { return strings.Repeat(" ", n) }

var (
	firstDay = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay  = time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
)

func day(t time.Time) string { return t.Format("2006-01-02") }

// common writes the fields every page has.
func (w *writer) common(p *plan) {
	r, f := w.r, families[p.family]
	w.str(0, "title", p.title)
	w.str(0, "description", w.description(p))
	date := firstDay.AddDate(0, 0, r.IntN(1400))
	w.raw(0, "date", day(date))
	if r.IntN(10) < 4 {
		up := date.AddDate(0, 0, 1+r.IntN(90))
		if up.After(lastDay) {
			up = lastDay
		}
		if up.After(date) {
			w.raw(0, "updated", day(up))
		}
	}
	as := []string{authors[r.IntN(len(authors))]}
	if r.IntN(3) == 0 {
		if a := authors[r.IntN(len(authors))]; a != as[0] {
			as = append(as, a)
		}
	}
	w.list(0, "authors", as)
	var ts []string
	ts = append(ts, f.tags[:1+r.IntN(len(f.tags))]...)
	for range 1 + r.IntN(3) {
		ts = append(ts, tags[pick(r, tagCDF)])
	}
	w.list(0, "tags", dedupe(ts))
	w.list(0, "skills", w.skills(p, 3+r.IntN(2), 1+r.IntN(3)))
}

// skills returns own skills of the page's occupation and popular ones.
func (w *writer) skills(p *plan, own, popular int) []string {
	f := families[p.family]
	var out []string
	for _, k := range w.r.Perm(len(f.skills))[:own] {
		out = append(out, f.skills[k])
	}
	for range popular {
		out = append(out, skills[pick(w.r, skillCDF)])
	}
	return dedupe(out)
}

func dedupe(s []string) []string {
	var out []string
	for _, x := range s {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func (w *writer) description(p *plan) string {
	f := strings.ToLower(families[p.family].name)
	switch p.kind {
	case "job":
		return "What a " + f + " does, what employers ask for and what the job pays, with sourced salary percentiles."
	case "role":
		return "A guide to the " + f + " role: the work, the skills, the pay and where it leads."
	case "certification":
		return "Our review of a " + f + " certificate: what it teaches, what it costs, how long it takes and who should take it."
	}
	return "A practical guide for " + f + "s, with worked examples and the mistakes to avoid."
}

var (
	responsibilities = []string{
		"Design and build {noun} features with {skill}",
		"Review code, designs and documents from other team members",
		"Keep the {noun} services within their service-level objectives",
		"Write and maintain documentation for the {noun} system",
		"Work with product and design to plan the next quarter's work",
		"Take part in an on-call rotation and lead incident follow-ups",
		"Mentor junior colleagues through pairing and review",
		"Measure and improve the performance of {noun} reports",
		"Prepare briefings and status updates for stakeholders",
		"Run experiments and report what they show",
	}
	requirements = []string{
		"{n} or more years of experience as a {role} or in a related job",
		"Working knowledge of {skill}",
		"Experience with {skill2} in production",
		"Clear written communication in English",
		"A portfolio or record of shipped work",
		"Comfort with ambiguity and changing priorities",
	}
	niceToHave = []string{
		"Experience with {skill2}",
		"Contributions to open-source projects",
		"A relevant professional certificate",
		"Public writing or talks about your work",
	}
	educations = []string{"high school", "associate degree", "bachelor degree", "professional certificate", "postgraduate degree"}
)

// some returns between lo and hi items of pool, filled, in a random order.
func (w *writer) some(pool []string, lo, hi int) []string {
	n := lo + w.r.IntN(hi-lo+1)
	var out []string
	for _, k := range w.r.Perm(len(pool))[:n] {
		out = append(out, w.words.fill(pool[k]))
	}
	return out
}

func (w *writer) job(p *plan) {
	r, lv := w.r, levels[p.level]
	w.str(0, "role", families[p.family].name)
	w.raw(0, "seniority", lv.name)
	w.list(0, "employment_type", [][]string{{"FULL_TIME"}, {"FULL_TIME", "CONTRACTOR"}, {"PART_TIME"}}[min(r.IntN(8), 2)])
	w.list(0, "responsibilities", w.some(responsibilities, 4, 7))
	w.list(0, "requirements", w.some(requirements, 3, 5))
	w.list(0, "nice_to_have", w.some(niceToHave, 1, 3))
	w.key(0, "experience_years")
	w.raw(2, "min", lv.years[0])
	w.raw(2, "max", lv.years[1])
	w.raw(0, "education", educations[[]int{2, 2, 2, 3, 4, 0}[r.IntN(6)]])
	w.salary(0, "salary", p, lv.factor, true)
	w.refs("related_roles", "role", 1, 2)
	if r.IntN(10) < 3 {
		w.posting(p)
	}
}

// salary writes a salary mapping: percentiles in order, min = p10 and max
// = p90 as wage surveys publish them.
func (w *writer) salary(ind int, key string, p *plan, factor float64, full bool) {
	r := w.r
	pl := w.place()
	median := families[p.family].median * factor * pl.factor * (0.9 + 0.2*r.Float64())
	period, round := "year", 50.0
	if r.IntN(10) == 0 {
		period, round, median = "hour", 0.25, median/2080
	}
	at := func(f float64) float64 { return math.Round(median*f/round) * round }
	w.key(ind, key)
	w.raw(ind+2, "currency", pl.currency)
	w.raw(ind+2, "min", at(0.62))
	w.raw(ind+2, "max", at(1.55))
	w.raw(ind+2, "period", period)
	if !full {
		return
	}
	w.raw(ind+2, "median", at(1))
	w.raw(ind+2, "p10", at(0.62))
	w.raw(ind+2, "p25", at(0.8))
	w.raw(ind+2, "p75", at(1.25))
	w.raw(ind+2, "p90", at(1.55))
	w.key(ind+2, "location")
	w.raw(ind+4, "country", pl.country)
	if pl.city != "" {
		w.str(ind+4, "city", pl.city)
	}
	w.key(ind+2, "source")
	w.str(ind+4, "name", "Bench wage survey "+fmt.Sprint(2024+r.IntN(2))+": "+families[p.family].name)
	w.str(ind+4, "url", "https://example.com/wages/"+families[p.family].slug)
	w.raw(ind+2, "as_of", day(time.Date(2024+r.IntN(2), time.Month(1+r.IntN(12)), 1, 0, 0, 0, 0, time.UTC)))
}

// place picks where salary figures apply, by weight.
func (w *writer) place() struct {
	country, currency, city string
	factor                  float64
	weight                  int
} {
	total := 0
	for _, p := range places {
		total += p.weight
	}
	x := w.r.IntN(total)
	for _, p := range places {
		if x < p.weight {
			return p
		}
		x -= p.weight
	}
	return places[0]
}

// refs writes between lo and hi references to other pages of kind.
func (w *writer) refs(key, kind string, lo, hi int) {
	pool := w.site.kinds[kind]
	var urls []string
	for range lo + w.r.IntN(hi-lo+1) {
		if len(pool) == 0 {
			break
		}
		j := pool[w.r.IntN(len(pool))]
		if j != w.self {
			urls = append(urls, w.site.pages[j].url())
		}
	}
	if urls = dedupe(urls); len(urls) > 0 {
		w.list(0, key, urls)
	}
}

func (w *writer) posting(p *plan) {
	r := w.r
	w.key(0, "posting")
	w.key(2, "organization")
	w.str(4, "name", employers[r.IntN(len(employers))]+" (fictional)")
	w.str(4, "url", "https://example.com/")
	posted := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(300))
	w.raw(2, "date_posted", day(posted))
	// Open for years, so that no build prints a closed-posting warning.
	w.raw(2, "valid_through", "2036-12-31")
	if r.IntN(2) == 0 {
		w.raw(2, "remote", true)
		w.list(2, "applicant_countries", []string{"US", "CA"})
	} else {
		w.key(2, "location")
		w.str(4, "locality", []string{"Portland", "Denver", "Chicago", "Raleigh"}[r.IntN(4)])
		w.raw(4, "region", []string{"OR", "CO", "IL", "NC"}[r.IntN(4)])
		w.raw(4, "country", "US")
	}
	w.str(2, "apply_url", "https://example.com/careers/"+p.slug)
	w.str(2, "identifier", fmt.Sprintf("BA-2026-%05d", w.self))
}

func (w *writer) role(p *plan) {
	r := w.r
	w.str(0, "role", families[p.family].name)
	w.raw(0, "guide", guides[p.guide])
	w.salary(0, "salary", p, 1, true)
	w.key(0, "outlook")
	w.raw(2, "growth_percent", -3+r.IntN(25))
	w.str(2, "period", "2024-2034")
	w.key(2, "source")
	w.str(4, "name", "Bench occupational outlook: "+families[p.family].name)
	w.str(4, "url", "https://example.com/outlook/"+families[p.family].slug)
	w.raw(2, "as_of", "2025-08-28")
	if p.guide == 1 {
		w.careerPath(p)
	}
	w.refs("related_roles", "role", 1, 3)
	w.refs("related_certifications", "certification", 0, 2)
}

// careerPath writes the steps of a career: the individual-contributor
// ladder, then the management one; years never decrease on a track.
func (w *writer) careerPath(p *plan) {
	ic := []int{0, 1, 2, 3, 6} // junior, mid, senior, staff, principal
	name := strings.ToLower(families[p.family].name)
	w.key(0, "career_path")
	steps := ic[:3+w.r.IntN(3)]
	for _, l := range steps {
		w.step(p, levels[l].name, strings.TrimSpace(levels[l].label+" "+name), "ic", levels[l].years, levels[l].factor)
	}
	w.step(p, "manager", "Manager, "+name+"s", "management", [2]int{7, 12}, 1.45)
	if w.r.IntN(2) == 0 {
		w.step(p, "director", "Director of "+name+"s", "management", [2]int{12, 20}, 1.9)
	}
}

func (w *writer) step(p *plan, level, title, track string, years [2]int, factor float64) {
	w.linef("  - title: %q", strings.ToUpper(title[:1])+title[1:])
	w.raw(4, "level", level)
	w.raw(4, "track", track)
	w.key(4, "years")
	w.raw(6, "min", years[0])
	w.raw(6, "max", years[1])
	w.salary(4, "salary", p, factor, false)
	w.list(4, "skills", w.skills(p, 2, w.r.IntN(2)))
}

func (w *writer) certification(p *plan) {
	r := w.r
	prov := providers[p.provider]
	w.key(0, "credential")
	w.str(2, "name", prov.name+" "+families[p.family].name+" Professional Certificate")
	w.key(2, "provider")
	w.str(4, "name", prov.name)
	w.str(4, "url", prov.url)
	if r.IntN(10) < 6 {
		pl := platforms[r.IntN(len(platforms))]
		w.key(2, "platform")
		w.str(4, "name", pl.name)
		w.str(4, "url", pl.url)
	}
	w.str(2, "url", "https://example.com/courses/"+p.slug)
	w.raw(2, "level", []string{"beginner", "intermediate", "advanced"}[r.IntN(3)])
	w.raw(2, "mode", []string{"online", "online", "blended", "onsite"}[r.IntN(4)])
	w.raw(2, "course_count", 1+r.IntN(10))
	w.list(2, "prerequisites", w.some([]string{
		"No prior experience is assumed", "Basic familiarity with {skill}", "A computer that can run {skill2}", "Some experience as a {role}",
	}, 1, 2))
	w.list(2, "languages", [][]string{{"en"}, {"en", "es"}, {"en", "pt-BR"}}[min(r.IntN(6), 2)])
	w.key(0, "duration")
	if r.IntN(10) < 7 {
		w.raw(2, "months", 1+r.IntN(10))
		w.raw(2, "hours_per_week", 3+r.IntN(8))
	} else {
		w.raw(2, "workload", fmt.Sprintf("PT%dH", 10+r.IntN(150)))
	}
	w.cost()
	w.key(0, "review")
	w.raw(2, "rating", float64(2+r.IntN(9))/2) // 1–5 in halves
	w.raw(2, "best", 5)
	w.raw(2, "worst", 1)
	w.str(2, "verdict", w.words.fill("A solid introduction for a future {role}, best taken alongside a project of your own that uses {skill}."))
	w.list(2, "pros", w.some([]string{
		"Covers {skill} from first principles to a deployed project", "Uses mainstream tools rather than a proprietary stack",
		"Includes a capstone and interview preparation", "Short, well-paced lessons",
	}, 2, 3))
	w.list(2, "cons", w.some([]string{
		"The capstone follows a set brief, so many graduates have a similar project", "Little on running systems in production",
		"The subscription price rewards speed", "Some videos are out of date",
	}, 1, 3))
	w.raw(2, "completed_by_author", r.IntN(3) == 0)
	w.key(0, "disclosure")
	w.raw(2, "affiliate", r.IntN(4) == 0)
	w.raw(2, "sponsored", false)
	if r.IntN(2) == 0 {
		w.key(0, "external_rating")
		w.raw(2, "value", float64(35+r.IntN(15))/10)
		w.raw(2, "best", 5)
		w.raw(2, "count", 100+r.IntN(20000))
		w.str(2, "source", "Learner ratings")
		w.raw(2, "as_of", "2026-10-01")
	}
	w.refs("alternatives", "certification", 1, 2)
}

func (w *writer) cost() {
	r := w.r
	w.key(0, "cost")
	switch r.IntN(4) {
	case 0:
		w.raw(2, "pricing", "free")
	case 1:
		w.raw(2, "pricing", "subscription")
		w.raw(2, "amount", 29+10*r.IntN(6))
		w.raw(2, "currency", "USD")
		w.raw(2, "period", "month")
	case 2:
		w.raw(2, "pricing", "paid")
		w.raw(2, "amount", 99+100*r.IntN(10))
		w.raw(2, "currency", "USD")
		w.raw(2, "period", "one-time")
	default:
		w.raw(2, "pricing", "partially-free")
		w.raw(2, "amount", 49+50*r.IntN(4))
		w.raw(2, "currency", "USD")
	}
	w.raw(2, "as_of", "2026-09-01")
}

// Package testsite writes generated sites for tests and benchmarks: N pages
// of the four kinds (job descriptions, role guides with career paths,
// certification reviews, plain guides) with realistic front matter — pay,
// skills, tags, references between pages — and bodies with headings,
// lists, a table, internal links and code blocks in several languages.
//
// The same n and seed always give the same files, so a benchmark compares
// like with like and a failing test can be replayed. The site has no
// layouts or assets of its own: it is built with the default theme.
package testsite

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Config is the site.yaml of a generated site.
const Config = `title: Generated Careers
base_url: https://generated.example/
language: en
description: A generated site of career guides.
author:
  name: Generated editors
sections:
  jobs: job
  roles: role
  certifications: certification
  guides: article
taxonomies: [tags, skills]
page_size: 10
markdown:
  typographer: true
menu:
  - {name: Jobs, url: /jobs/, weight: 1}
  - {name: Role guides, url: /roles/, weight: 2}
  - {name: Certifications, url: /certifications/, weight: 3}
  - {name: Guides, url: /guides/, weight: 4}
`

// Sections are the sections pages are spread over, in turn.
var Sections = []string{"jobs", "roles", "certifications", "guides"}

var (
	skills = []string{"Go", "Python", "SQL", "PostgreSQL", "Docker", "Kubernetes", "REST APIs", "Git",
		"Testing", "Caching", "System design", "Observability", "TypeScript", "React", "CSS", "Rust",
		"Java", "Terraform", "AWS", "Linux", "Networking", "Security", "Mentoring", "Technical writing"}
	tags = []string{"back-end", "front-end", "career path", "salary", "interview", "remote work",
		"beginners", "senior", "cloud", "data", "management", "certification review"}
	langs = []string{"go", "python", "sql", "bash", "yaml", "javascript"}
	words = strings.Fields(`the service writes each request to a queue so that workers can retry
failed jobs later while the database keeps a record of every payment and the team reviews the
logs before each release because small mistakes in production cost more than careful tests`)
)

// Write writes site.yaml, the _index.md of every section and n pages into
// dir. Page i lives in Sections[i%4] and is named Name(i).
func Write(dir string, n int, seed uint64) error {
	files := map[string]string{"site.yaml": Config, "content/_index.md": "---\ntitle: Generated Careers\n---\nWelcome.\n"}
	for _, s := range Sections {
		files["content/"+s+"/_index.md"] = fmt.Sprintf("---\ntitle: %s\ndescription: Every %s page.\n---\nThe %s.\n", title(s), s, s)
	}
	for i := range n {
		files[Path(i)] = Page(i, n, seed)
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Path is the file of page i: "content/roles/page-00001.md".
func Path(i int) string {
	return fmt.Sprintf("content/%s/%s.md", Sections[i%len(Sections)], Name(i))
}

// Name is the file name of page i without its extension.
func Name(i int) string { return fmt.Sprintf("page-%05d", i) }

// URL is the site path of page i.
func URL(i int) string { return fmt.Sprintf("/%s/%s/", Sections[i%len(Sections)], Name(i)) }

// Page is the text of page i of a site of n pages.
func Page(i, n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	var b strings.Builder
	section := Sections[i%len(Sections)]
	fmt.Fprintf(&b, "---\ntitle: %s %d\n", title(section[:len(section)-1]), i)
	fmt.Fprintf(&b, "description: %s.\n", sentence(r, 12))
	fmt.Fprintf(&b, "date: 2025-%02d-%02d\n", 1+r.IntN(12), 1+r.IntN(28))
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "updated: 2026-%02d-%02d\n", 1+r.IntN(9), 1+r.IntN(28))
	}
	fmt.Fprintf(&b, "authors: [Author %d]\n", r.IntN(5))
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(pick(r, tags, 1+r.IntN(3)), ", "))
	fmt.Fprintf(&b, "skills: [%s]\n", strings.Join(pick(r, skills, 2+r.IntN(4)), ", "))
	switch section {
	case "jobs":
		job(&b, r, i, n)
	case "roles":
		role(&b, r, i, n)
	case "certifications":
		certification(&b, r, i, n)
	}
	b.WriteString("---\n\n")
	body(&b, r, i, n)
	return b.String()
}

func job(b *strings.Builder, r *rand.Rand, i, n int) {
	lo := 50000 + 1000*r.IntN(60)
	fmt.Fprintf(b, "seniority: %s\nemployment_type: [FULL_TIME]\n", []string{"junior", "mid", "senior"}[r.IntN(3)])
	fmt.Fprintf(b, "responsibilities:\n  - %s\n  - %s\nrequirements:\n  - %s\n", sentence(r, 8), sentence(r, 9), sentence(r, 7))
	fmt.Fprintf(b, "salary:\n  currency: USD\n  min: %d\n  max: %d\n  period: year\n", lo, lo+30000)
	if ref, ok := sibling(r, i, n, "roles"); ok {
		fmt.Fprintf(b, "related_roles: [%s]\n", ref)
	}
}

func role(b *strings.Builder, r *rand.Rand, i, n int) {
	lo := 60000 + 1000*r.IntN(60)
	fmt.Fprintf(b, "salary:\n  currency: USD\n  min: %d\n  max: %d\n  period: year\n", lo, lo+50000)
	b.WriteString("guide: career-path\ncareer_path:\n")
	for s, level := range []string{"junior", "mid", "senior"} {
		fmt.Fprintf(b, "  - title: %s step %d\n    level: %s\n    track: ic\n    years: {min: %d, max: %d}\n    skills: [%s]\n",
			title(level), s+1, level, 3*s, 3*s+3, strings.Join(pick(r, skills, 2), ", "))
	}
	if ref, ok := sibling(r, i, n, "certifications"); ok {
		fmt.Fprintf(b, "related_certifications: [%s]\n", ref)
	}
}

func certification(b *strings.Builder, r *rand.Rand, i, n int) {
	fmt.Fprintf(b, "credential:\n  name: Credential %d\n  provider:\n    name: Provider %d\n  level: beginner\n  mode: online\n", i, r.IntN(10))
	fmt.Fprintf(b, "duration:\n  months: %d\n  hours_per_week: %d\n", 2+r.IntN(10), 3+r.IntN(8))
	fmt.Fprintf(b, "cost:\n  pricing: subscription\n  amount: %d\n  currency: USD\n  period: month\n", 20+r.IntN(60))
	fmt.Fprintf(b, "review:\n  rating: %d\n  best: 5\n  verdict: %s.\n  pros: [%s]\n  cons: [%s]\n", 2+r.IntN(4), sentence(r, 10), sentence(r, 5), sentence(r, 5))
	if ref, ok := sibling(r, i, n, "certifications"); ok && ref != URL(i) {
		fmt.Fprintf(b, "alternatives: [%s]\n", ref)
	}
}

// sibling picks the URL of another page of section, if the site has one.
func sibling(r *rand.Rand, i, n int, section string) (string, bool) {
	k := indexOf(section)
	if n <= k {
		return "", false
	}
	j := k + len(Sections)*r.IntN((n-k+len(Sections)-1)/len(Sections))
	return URL(j), j != i
}

func indexOf(section string) int {
	for i, s := range Sections {
		if s == section {
			return i
		}
	}
	return 0
}

func body(b *strings.Builder, r *rand.Rand, i, n int) {
	fmt.Fprintf(b, "%s.\n\n", sentence(r, 40))
	for part := range 3 {
		fmt.Fprintf(b, "## Part %d of page %d\n\n", part+1, i)
		fmt.Fprintf(b, "%s, as [the section list](/%s/) explains. %s.\n\n", sentence(r, 30), Sections[i%len(Sections)], sentence(r, 25))
		if n > 1 {
			fmt.Fprintf(b, "See also [page %d](%s).\n\n", (i+1)%n, URL((i+1)%n))
		}
		fmt.Fprintf(b, "- %s\n- %s\n- %s\n\n", sentence(r, 6), sentence(r, 7), sentence(r, 5))
		if part == 1 {
			b.WriteString("| Level | Years | Pay |\n|---|---|---|\n| Junior | 0–2 | $70,000 |\n| Senior | 5+ | $150,000 |\n\n")
		}
		lang := langs[r.IntN(len(langs))]
		fmt.Fprintf(b, "```%s\n%s\n```\n\n", lang, code(lang, r))
	}
}

func code(lang string, r *rand.Rand) string {
	k := r.IntN(100)
	switch lang {
	case "go":
		return fmt.Sprintf("func handle(w http.ResponseWriter, r *http.Request) {\n\tn := %d\n\tfmt.Fprintf(w, \"%%d\\n\", n)\n}", k)
	case "python":
		return fmt.Sprintf("def handle(request):\n    n = %d\n    return {\"n\": n}", k)
	case "sql":
		return fmt.Sprintf("SELECT id, name FROM jobs WHERE salary > %d ORDER BY name;", 1000*k)
	case "bash":
		return fmt.Sprintf("for i in $(seq %d); do\n  curl -s http://localhost/ > /dev/null\ndone", k)
	case "yaml":
		return fmt.Sprintf("service:\n  replicas: %d\n  image: app:latest", k)
	}
	return fmt.Sprintf("const n = %d;\nconsole.log(`n is ${n}`);", k)
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

func pick(r *rand.Rand, from []string, k int) []string {
	idx := r.Perm(len(from))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = from[j]
	}
	return out
}

func title(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// CopyExample copies the site.yaml and content/ of the site at root into
// dir: the repository's example site, whose layouts/ and assets/ are the
// embedded theme, so that a benchmark can edit its pages without touching
// the repository.
func CopyExample(dir, root string) error {
	for _, top := range []string{"site.yaml", "content"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			dst := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, data, 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

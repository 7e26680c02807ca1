package sitegen

// The vocabularies pages are made from. Skills and tags are ordered from
// the most to the least common: pick draws from them with a Zipf-like
// weight, so a few skills are on thousands of pages and most on a handful,
// as on a real career site.

// skills is the skill vocabulary, 150 names, most common first.
var skills = []string{
	"SQL", "Python", "Communication", "Git", "JavaScript", "Docker", "Go", "PostgreSQL",
	"Kubernetes", "REST APIs", "Testing", "System design", "AWS", "Linux", "TypeScript", "Caching",
	"Observability", "React", "Data modeling", "Stakeholder management", "Java", "CI pipelines", "Terraform", "Agile",
	"Project management", "Technical writing", "Data structures", "Security", "Message queues", "Networking", "Kotlin", "Node.js",
	"MySQL", "Redis", "GraphQL", "Azure", "Google Cloud", "Machine learning", "Statistics", "Spark",
	"Airflow", "dbt", "Pandas", "Figma", "User research", "Accessibility", "HTML", "CSS",
	"Copywriting", "Media relations", "Public speaking", "Negotiation", "Budgeting", "Hiring", "Mentoring", "Incident response",
	"Performance tuning", "Distributed systems", "Microservices", "gRPC", "Kafka", "Elasticsearch", "MongoDB", "Snowflake",
	"BigQuery", "Tableau", "Excel", "A/B testing", "Product strategy", "Roadmapping", "Prioritization", "OKRs",
	"Swift", "Android", "iOS", "Flutter", "Rust", "Scala", "Ruby", "Rails",
	"Django", "Flask", "FastAPI", "Spring Boot", "Vue", "Angular", "Next.js",
	"Jest", "Playwright", "Selenium", "Cypress", "Load testing", "Chaos engineering",
	"SLOs", "Prometheus", "Grafana", "OpenTelemetry", "Ansible",
	"Bash", "Cryptography", "Threat modeling", "Penetration testing", "Identity management", "OAuth", "Compliance",
	"GDPR", "Risk assessment", "Crisis communications", "Press releases", "Social media", "SEO", "Content strategy", "Brand voice",
	"Editing", "Interviewing", "Storytelling", "Event planning", "Internal communications", "Investor relations", "Analytics", "Data visualization",
	"Deep learning", "PyTorch", "TensorFlow", "NLP", "Computer vision", "MLOps", "Feature engineering", "Experiment design",
	"Information architecture", "Prototyping", "Usability testing", "Design systems", "Interaction design", "Service design", "Localization", "API design",
	"Event sourcing", "Domain-driven design", "Refactoring", "Code review", "Pair programming", "Estimation", "Capacity planning", "Cost optimization",
	"FinOps", "Customer empathy", "Coaching", "Facilitation", "Conflict resolution",
}

// tags is the tag vocabulary, most common first.
var tags = []string{
	"career advice", "back-end", "salary", "interviews", "job description", "front-end", "data", "remote work",
	"career path", "certification review", "promotion", "cloud", "devops", "security", "management", "communications",
	"public relations", "design", "product", "machine learning", "beginners", "career change", "performance", "databases",
	"testing", "open source", "hiring", "freelancing", "negotiation", "learning", "mobile", "writing",
	"reliability", "architecture", "leadership", "coursera", "edx", "bootcamps", "portfolio", "resume",
	"networking", "mentorship", "work-life balance", "startups", "big tech", "government", "nonprofits", "consulting",
	"analytics", "apis", "kubernetes", "python", "go", "sql", "javascript", "accessibility",
	"system design", "on-call", "technical debt", "documentation",
}

// family is an occupation: the role pages, jobs and steps are about.
type family struct {
	name   string   // "Back-end developer"
	slug   string   // "back-end-developer"
	median float64  // U.S. median pay a year, mid level
	skills []string // the skills it is known for
	tags   []string // its usual tags, most usual first
}

var families = []family{
	{"Back-end developer", "back-end-developer", 120000, []string{"SQL", "Python", "Go", "PostgreSQL", "REST APIs", "System design", "Caching"}, []string{"back-end", "databases", "apis"}},
	{"Front-end developer", "front-end-developer", 110000, []string{"JavaScript", "TypeScript", "React", "HTML", "CSS", "Accessibility", "Next.js"}, []string{"front-end", "accessibility", "design"}},
	{"Full-stack developer", "full-stack-developer", 115000, []string{"JavaScript", "TypeScript", "React", "Node.js", "PostgreSQL", "REST APIs", "Git"}, []string{"back-end", "front-end", "portfolio"}},
	{"Data engineer", "data-engineer", 130000, []string{"SQL", "Python", "Spark", "Airflow", "dbt", "Snowflake", "Data modeling"}, []string{"data", "databases", "sql"}},
	{"Data scientist", "data-scientist", 135000, []string{"Python", "Statistics", "Machine learning", "Pandas", "A/B testing", "Experiment design", "Data visualization"}, []string{"data", "machine learning", "analytics"}},
	{"Machine learning engineer", "machine-learning-engineer", 150000, []string{"Python", "Machine learning", "PyTorch", "MLOps", "Feature engineering", "Deep learning", "Kubernetes"}, []string{"machine learning", "data", "cloud"}},
	{"DevOps engineer", "devops-engineer", 125000, []string{"Docker", "Kubernetes", "Terraform", "AWS", "Linux", "CI pipelines", "Ansible"}, []string{"devops", "cloud", "reliability"}},
	{"Site reliability engineer", "site-reliability-engineer", 140000, []string{"Kubernetes", "Observability", "Incident response", "SLOs", "Prometheus", "Grafana", "Distributed systems"}, []string{"reliability", "devops", "on-call"}},
	{"Security engineer", "security-engineer", 135000, []string{"Security", "Cryptography", "Threat modeling", "Penetration testing", "Identity management", "OAuth", "Linux"}, []string{"security", "cloud", "architecture"}},
	{"Mobile developer", "mobile-developer", 120000, []string{"Swift", "Android", "iOS", "Flutter", "Kotlin", "Data structures", "Testing"}, []string{"mobile", "front-end", "portfolio"}},
	{"QA engineer", "qa-engineer", 95000, []string{"Testing", "Jest", "Playwright", "Selenium", "Cypress", "Load testing", "CI pipelines"}, []string{"testing", "beginners", "back-end"}},
	{"Product manager", "product-manager", 130000, []string{"Product strategy", "Roadmapping", "Prioritization", "OKRs", "Stakeholder management", "Communication", "A/B testing"}, []string{"product", "leadership", "management"}},
	{"UX designer", "ux-designer", 105000, []string{"Figma", "User research", "Accessibility", "Prototyping", "Usability testing", "Design systems", "Interaction design"}, []string{"design", "accessibility", "bootcamps"}},
	{"Technical writer", "technical-writer", 85000, []string{"Technical writing", "Editing", "Git", "Communication", "Information architecture", "API design", "HTML"}, []string{"writing", "documentation", "beginners"}},
	{"PR account executive", "pr-account-executive", 65000, []string{"Media relations", "Press releases", "Crisis communications", "Communication", "Public speaking", "Social media", "Storytelling"}, []string{"communications", "public relations", "writing"}},
	{"Communications manager", "communications-manager", 90000, []string{"Communication", "Internal communications", "Crisis communications", "Brand voice", "Copywriting", "Budgeting", "Stakeholder management"}, []string{"communications", "management", "leadership"}},
	{"Content strategist", "content-strategist", 75000, []string{"Content strategy", "SEO", "Copywriting", "Editing", "Brand voice", "Analytics", "User research"}, []string{"writing", "communications", "design"}},
	{"Cloud architect", "cloud-architect", 155000, []string{"AWS", "Azure", "Google Cloud", "System design", "Terraform", "Cost optimization", "FinOps"}, []string{"cloud", "architecture", "devops"}},
	{"Database administrator", "database-administrator", 105000, []string{"SQL", "PostgreSQL", "MySQL", "Performance tuning", "MongoDB", "Linux", "Capacity planning"}, []string{"databases", "sql", "reliability"}},
	{"Engineering manager", "engineering-manager", 170000, []string{"Hiring", "Mentoring", "Stakeholder management", "Agile", "OKRs", "Coaching", "Conflict resolution"}, []string{"management", "leadership", "promotion"}},
}

// levels are the seniority levels of jobs, with what they pay against mid.
var levels = []struct {
	name, label string
	factor      float64
	years       [2]int
}{
	{"junior", "Junior", 0.7, [2]int{0, 2}},
	{"mid", "", 1, [2]int{2, 5}},
	{"senior", "Senior", 1.25, [2]int{5, 9}},
	{"staff", "Staff", 1.5, [2]int{8, 12}},
	{"lead", "Lead", 1.4, [2]int{7, 12}},
	{"manager", "", 1.45, [2]int{7, 14}},
	{"principal", "Principal", 1.75, [2]int{10, 18}},
}

// places are where salary figures apply, and what the currency and pay
// level there are.
var places = []struct {
	country, currency, city string
	factor                  float64
	weight                  int
}{
	{"US", "USD", "", 1, 14},
	{"US", "USD", "Austin", 0.95, 2},
	{"GB", "GBP", "London", 0.55, 2},
	{"DE", "EUR", "Berlin", 0.6, 2},
	{"CA", "CAD", "Toronto", 0.85, 1},
	{"NL", "EUR", "Amsterdam", 0.6, 1},
}

var employers = []string{
	"Harbor & Pine Logistics", "Northwind Health", "Bluebell Insurance", "Kestrel Payments", "Lumen Grid Energy",
	"Orchard Street Media", "Tidewater Analytics", "Granite Peak Software", "Cobalt Travel", "Maple & Finch PR",
	"Quarry Labs", "Silverline Retail", "Fernwood Learning", "Atlas Freight", "Beacon Civic Tech",
}

var providers = []struct{ name, url string }{
	{"Amazon Web Services", "https://aws.amazon.com/"},
	{"Google", "https://grow.google/"},
	{"Microsoft", "https://learn.microsoft.com/"},
	{"Meta", "https://www.meta.com/"},
	{"IBM", "https://www.ibm.com/"},
	{"CompTIA", "https://www.comptia.org/"},
	{"The Linux Foundation", "https://training.linuxfoundation.org/"},
	{"HashiCorp", "https://www.hashicorp.com/"},
	{"Project Management Institute", "https://www.pmi.org/"},
	{"PRSA", "https://www.prsa.org/"},
}

var platforms = []struct{ name, url string }{
	{"Coursera", "https://www.coursera.org/"},
	{"edX", "https://www.edx.org/"},
	{"Udemy", "https://www.udemy.com/"},
	{"Pluralsight", "https://www.pluralsight.com/"},
}

var authors = []string{
	"Ines Calloway", "Rafael Mendes", "Priya Raman", "Tomasz Nowak", "Grace Okafor",
	"Daniel Whitfield", "Mei Lin", "Jonas Berg", "Amara Diallo", "Sofia Castillo",
}

// nouns name the things code and prose talk about.
var nouns = []string{
	"order", "invoice", "customer", "shipment", "account", "payment", "ticket", "report",
	"session", "profile", "course", "review", "posting", "candidate", "salary", "event",
}

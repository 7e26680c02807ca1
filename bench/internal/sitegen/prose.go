package sitegen

import (
	"strconv"
	"strings"
)

// sentences are the prose pages are written in. The slots are filled per
// page: {role} the occupation, {skill} and {skill2} skills, {noun} a thing
// of the domain, {n} a small number, {pct} a percentage.
var sentences = []string{
	"Most {role}s spend more of their week reading code and documents than writing new ones.",
	"Employers rarely ask for {skill} on its own; they ask for someone who can use it to ship a {noun} feature end to end.",
	"The fastest way to learn {skill} is to use it on a small project that someone else depends on.",
	"A hiring manager will often ask you to explain a decision you made, not just the result.",
	"In our survey of {n} teams, {pct}% said that {skill} was part of the first interview.",
	"Salaries for a {role} vary more between cities than between companies of the same size.",
	"Titles are inconsistent, so compare the decisions a person owns rather than the words on the offer letter.",
	"If you are moving from another field, {skill2} is usually the skill that transfers best.",
	"The \"senior\" label means different things at a startup and at a large company -- read the job ladder, not the title.",
	"Good teams write down why they chose {skill} over the alternatives, so the next person can change their mind with evidence.",
	"On-call work is easier when every alert points to a runbook that says what to check first.",
	"A portfolio with two finished projects beats one with ten abandoned ones.",
	"Interviewers for a {role} position look for clear reasoning about trade-offs, especially around {skill}.",
	"Expect the first {n} weeks in a new job to be mostly about learning how the {noun} system fits together.",
	"It's worth asking how the team measures success before you accept an offer.",
	"Certificates help most when they are paired with work someone can look at.",
	"Pay ranges in postings are wide because they cover several levels at once.",
	"A {role} who can explain {skill} to a non-specialist is worth more than one who can only use it.",
	"The move from mid-level to senior is less about speed and more about judgment.",
	"Remote roles attract many more applicants, so a specific cover note matters more there.",
	"Our figures come from public wage surveys, which lag the market by about a year.",
	"Teams that review each other's work catch problems with {noun} data long before customers do.",
	"When a {noun} service slows down, measure the 99th percentile before you change anything.",
	"Learning {skill2} alongside {skill} opens roughly {pct}% more postings in our sample.",
	"Negotiate on the whole package: base pay, equity, learning budget and the number of on-call weeks.",
	"Managers should expect to write more than they code, and to spend a day a week in one-to-ones.",
	"A career path is a guide, not a contract; many people move between the tracks more than once.",
	"Don't underestimate the value of writing things down: design notes outlive the meetings they came from.",
	"The best {role}s we interviewed kept a running log of what they shipped and what they learned.",
	"In practice, {skill} is learned on the job; courses give you the vocabulary to ask good questions.",
	"Contract work pays more per hour but less per year once gaps between contracts are counted.",
	"Some employers still list a degree as required, but about {pct}% of the postings we read accepted equivalent experience.",
	"Ask to see the team's last incident review; it tells you more about the culture than any interview answer.",
	"Between {n} and {n2} years in, most people choose between the individual-contributor and management tracks.",
	"A good first project is a small {noun} tracker with a database, an API and a page that lists what it stores.",
	"Public sector roles pay less on average but often come with more predictable hours.",
	"The gap between the 25th and 75th percentile is a better guide to what you will be offered than the median alone.",
	"Reviews that mention {skill} as a weakness are usually about depth, not familiarity.",
	"A clear {noun} model makes every later feature cheaper; a muddled one makes every change risky.",
	"Hiring loops for a {role} usually have {n} stages, and the take-home exercise is the one candidates drop out of most.",
}

// words fills a sentence's slots for one page.
type words struct {
	role          string
	skill, skill2 string
	noun          string
	n, n2, pct    int
}

func (w words) fill(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	r := strings.NewReplacer(
		"{role}", w.role,
		"{skill2}", w.skill2,
		"{skill}", w.skill,
		"{noun}", w.noun,
		"{n2}", strconv.Itoa(w.n2),
		"{n}", strconv.Itoa(w.n),
		"{pct}", strconv.Itoa(w.pct),
	)
	return r.Replace(s)
}

// headings are the section titles of articles and role guides; the
// kind-specific ones come first in each page.
var (
	jobHeadings = []string{
		"What the job involves", "Day-to-day work", "What employers ask for", "How the pay is set",
		"Where the job leads", "Working with other teams", "Interview questions to expect",
	}
	roleHeadings = []string{
		"What a {role} does", "Skills that matter most", "How people get started", "Pay and progression",
		"A typical week", "Tools of the trade", "How the role is changing", "Is it right for you?",
	}
	certHeadings = []string{
		"What the program covers", "Who it is for", "What it costs", "How long it takes",
		"What we liked", "What could be better", "How it compares", "Our verdict",
	}
	guideHeadings = []string{
		"Why it matters", "The basics", "A worked example", "Common mistakes",
		"Measuring the result", "Going further", "Checklist", "In production", "Trade-offs",
	}
	subHeadings = []string{
		"At a small company", "At a large company", "Step by step", "An example", "What to avoid", "Further reading",
	}
)

// listItems are bullet points; they carry inline markup as real pages do.
var listItems = []string{
	"Write **one** clear paragraph about each project you list",
	"Keep a log of incidents you helped resolve and what changed afterwards",
	"Practise explaining `{skill}` to someone outside the field",
	"Read the job ladder of two companies you would like to join",
	"Ask for the pay range before the second interview",
	"Pair with a senior colleague on a *real* change, not a toy one",
	"Review the {noun} schema before adding a column",
	"Set a budget for learning time and protect it",
	"Turn every repeated question into a page of documentation",
	"Measure before and after every performance change",
	"Prefer boring, well-known tools for anything on the critical path",
	"Check that every alert has an owner and a runbook",
}

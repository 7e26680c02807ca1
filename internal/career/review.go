package career

import (
	"errors"
	"strings"
)

// CertificationReview returns the schema.org Review of the Course that
// leads to a credential: the review (reviewRating, reviewBody from the
// verdict, positiveNotes and negativeNotes as ItemLists of the pros and
// cons, author, dates) of a Course with its provider, offers (category,
// price, priceCurrency), hasCourseInstance (courseMode, courseWorkload) and
// educationalCredentialAwarded. Without a review it returns the Course
// alone. The external rating is someone else's: it is never given as our
// reviewRating, nor as an aggregateRating of the course.
func CertificationReview(c *Certification, p PageFacts) ([]byte, error) {
	if c == nil || c.Credential == nil {
		return nil, errors.New("certification has no credential")
	}
	course := courseOf(c, p)
	r := c.Review
	if r == nil {
		return document(course)
	}
	o := thing("Review").
		set("name", p.Title).
		set("url", p.URL).
		set("mainEntityOfPage", p.URL).
		set("datePublished", p.Date).
		set("dateModified", p.Updated).
		set("inLanguage", p.Language).
		set("author", authors(p)).
		set("publisher", publisher(p)).
		set("itemReviewed", course).
		set("reviewRating", thing("Rating").set("ratingValue", r.Rating).set("bestRating", r.Best).set("worstRating", r.Worst)).
		set("reviewBody", r.Verdict).
		set("positiveNotes", itemList(r.Pros)).
		set("negativeNotes", itemList(r.Cons)).
		set("image", p.Image)
	return document(o)
}

// courseOf describes the course. Google asks a Course for a name, a
// description and a provider; the page's description stands for the
// course's, since front matter has no other.
func courseOf(c *Certification, p PageFacts) *object {
	cr := c.Credential
	o := thing("Course").
		set("name", cr.Name).
		set("description", p.Description).
		set("url", string(cr.URL)).
		set("provider", organization(cr.Provider)).
		set("educationalLevel", title(string(cr.Level))).
		set("inLanguage", one(texts(cr.Languages))).
		set("coursePrerequisites", one(texts(cr.Prerequisites))).
		set("teaches", texts(p.Skills)).
		set("offers", offer(c.Cost)).
		set("educationalCredentialAwarded", thing("EducationalOccupationalCredential").set("name", cr.Name).set("url", string(cr.URL)))
	in := thing("CourseInstance").set("courseMode", title(string(cr.Mode)))
	if d := c.Duration; d != nil && d.Hours() > 0 {
		in.set("courseWorkload", d.Total().String())
	}
	if pl := cr.Platform; pl != nil {
		in.set("location", thing("VirtualLocation").set("name", pl.Name).set("url", string(pl.URL)))
	}
	return o.set("hasCourseInstance", []any{in})
}

// offer is the cost as an Offer with Google's category (Free, Partially
// Free, Subscription or Paid); a subscription's period is its
// priceSpecification's reference quantity.
func offer(k *Cost) []any {
	if k == nil || k.Pricing == "" {
		return nil
	}
	o := thing("Offer").set("category", title(strings.ReplaceAll(string(k.Pricing), "-", " ")))
	o.set("price", k.Amount)
	o.set("priceCurrency", string(k.Currency))
	if unit := unitCode(k.Period); unit != "" && k.Pricing != PricingFree {
		o.set("priceSpecification", thing("UnitPriceSpecification").
			set("price", k.Amount).
			set("priceCurrency", string(k.Currency)).
			set("referenceQuantity", thing("QuantitativeValue").set("value", 1).set("unitCode", unit)))
	}
	return []any{o}
}

// unitCode is the UN/CEFACT code of a recurring cost period.
func unitCode(p CostPeriod) string {
	switch p {
	case "month":
		return "MON"
	case "year":
		return "ANN"
	}
	return ""
}

// itemList is a list of texts as a schema.org ItemList.
func itemList(items []string) *object {
	if len(items) == 0 {
		return nil
	}
	list := make([]any, len(items))
	for i, s := range items {
		list[i] = thing("ListItem").set("position", i+1).set("name", s)
	}
	return thing("ItemList").set("itemListElement", list)
}

// title capitalises the first letter of each word: "partially free" →
// "Partially Free".
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

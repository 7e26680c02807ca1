// Package career knows the career kinds of page — job descriptions (job),
// role guides (role) and certification reviews (certification) — their
// fields, the rules an editor would check them by, and the schema.org data
// that describes them to search engines.
//
// # Decoding and checking
//
// [Decode] takes a page's kind and the mapping node of its front matter,
// reads the keys that belong to the kind ([Keys]) into a [Job], [Role] or
// [Certification] held by a [Data], and returns every problem in one list,
// each a *diag.Error at the line and column of the node it is about
// (content shifts the tree so that these are file positions). Types are
// checked while decoding (internal/decode), and so are the values whose
// type says what they may be:
//
//   - enumerations ([Seniority], [EmploymentType], [Education], [Period],
//     [Guide], [Track], [Level], [Mode], [Pricing], [CostPeriod]): exactly one
//     of their Values, with a suggestion for a near miss;
//   - [Currency]: an ISO 4217 code in circulation; [Country]: an ISO 3166-1
//     alpha-2 code ("UK" suggests "GB"); [Language]: a BCP 47 tag;
//   - [URL]: an absolute http or https URL; [Ref]: a page URL ("/roles/x/");
//   - dates: real calendar dates (decode refuses 2025-02-30);
//   - [Workload]: an ISO 8601 duration of hours ("PT70H").
//
// An unknown key inside a career field is an error with a suggestion
// (`salary: unknown key "medain"; did you mean "median"?`); top-level keys
// are content's business. Then the rules decoding cannot see:
//
//   - a field tagged `required:"yes"` is present and not empty, in every
//     mapping that is itself written (salary needs currency, min, max and
//     period; a posting its organization and dates; …), reported at the
//     mapping's key. No top-level field of a kind is required, so that a
//     page can start as a stub (title and date); a top-level field tagged
//     required would be reported at the node passed to Decode;
//   - responsibilities, when written, lists at least one;
//   - salary amounts are greater than 0 and in the order
//     min <= p10 <= p25 <= median <= p75 <= p90 <= max (each compared with the
//     amount given before it, so one amount out of place is one error);
//   - years ranges: min >= 0 and min <= max; along a career path, each
//     step's years.min and years.max are at least those of the step before
//     it on the same track;
//   - a posting: valid_through after date_posted; a location unless remote;
//     applicant_countries when remote;
//   - a role with guide: career-path has a career_path;
//   - a cost: an amount greater than 0 unless pricing is free (and none when
//     it is), a currency with an amount, a period for a subscription;
//   - a review: worst < best and worst <= rating <= best (best defaults to 5,
//     worst to 1); an external rating: 0 <= value <= best (default 5);
//   - a duration: workload, or months and hours_per_week, not both.
//
// A value that failed to decode is left zero and takes part in no rule, so
// that one mistake is one error.
//
// Defaults applied by Decode: guide is overview; review best 5 and worst 1;
// external_rating best 5. The role of a job or a role guide defaults to the
// page title, which Decode does not know: the caller sets it.
//
// # After decoding
//
// [CheckRefs] resolves the page references (related_roles must name role
// pages; related_certifications and alternatives certification pages) once
// the site knows every page, and reports each one that is missing or of the
// wrong kind at the place it was written. [Data.Warnings] lists what does
// not stop a build: an as_of (of a salary, a career-path step's salary, a
// cost or an outlook) older than site.yaml's stale_after, and a posting past
// its valid_through ([Job.PostingOpen] says whether a posting is open).
//
// # Structured data
//
// [Data.JSONLD] chooses the schema.org type for a page and builds it:
// [JobPosting] for a job with an open posting, [JobArticle] for any other
// job, [RoleArticle] for a role guide, [CertificationReview] for a
// certification (an Article when it names no credential); [BreadcrumbList]
// serves every page. They are pure
// functions of the data and a [PageFacts]; their JSON has its keys in a
// fixed order and is safe inside <script type="application/ld+json">.
//
// # Pages
//
// What a page shows is built from the same types: each enumeration has a
// Label (or, for periods, Per) in the words a reader expects ("Mid-level",
// "Bachelor's degree", "a year"); [Currency.Symbol] and [Currency.Format],
// [Salary.Range] and [Years.String] write amounts and ranges
// ("$95,000–$140,000 a year", "2–5 years"), and [Salary.RangeIn] in the
// words of a page's language, as internal/pathchart's career-path chart
// writes its pay.
//
// # Reference
//
// docs/content-model.md, the reference of every kind's fields, is
// generated from these types — their yaml and required tags, their Go
// types and enumerations, and the comments on their fields — through
// internal/fields, by `go generate ./internal/fields`; a test fails when
// it is out of date.
package career

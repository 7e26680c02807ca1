package model

import (
	"slices"

	"github.com/careersite/careersite/internal/content"
)

// Feed is an Atom 1.0 feed the build writes: /feed.xml with the newest
// regular pages of the site, and /<section>/feed.xml with the newest pages
// of each section, feed_limit of them (every page when it is 0), but not
// the pages hidden from feeds (hidden.go); a page hidden from lists alone
// is in them. A list with no pages has no feed. Pages reach the feeds that
// concern them as .Feeds, to link them from <head>.
//
// Its file, list and entries are the pipeline's to read, with FeedOutput,
// FeedList and FeedEntries: templates see .Title, .URL and .Permalink.
type Feed struct {
	Title     string // "Career Atlas", "Jobs · Career Atlas"
	URL       string // root-relative, with the base path: "/jobs/feed.xml"
	Permalink string // absolute

	out     string  // output file name: "jobs/feed.xml"
	list    *Page   // the page the feed follows: the home page or a section
	entries []*Page // newest first
}

// feedFile is the name of every feed inside its list's folder.
const feedFile = "feed.xml"

// feeds makes the site feed and one feed per section, and gives every page
// its .Feeds: the section's feed first on a section's pages and on its list
// pages, then the site's.
func feeds(s *Site, pages []*Page, links *Linker, limit int) []*Feed {
	var all []*Feed
	add := func(list *Page, title string, entries []*Page) *Feed {
		if len(entries) == 0 {
			return nil
		}
		entries = slices.Clone(entries)
		slices.SortFunc(entries, byDate)
		if limit > 0 && len(entries) > limit {
			entries = entries[:limit:limit]
		}
		sitePath := list.sitePath + feedFile
		f := &Feed{Title: title, URL: links.Rel(sitePath), Permalink: links.Abs(sitePath), out: OutputName(sitePath), list: list, entries: entries}
		all = append(all, f)
		return f
	}
	var site []*Page
	sections := map[string][]*Page{}
	for _, p := range pages {
		if p.Kind == KindPage && !p.hiddenFrom(content.HiddenFromFeeds) {
			site = append(site, p)
			sections[p.Section] = append(sections[p.Section], p)
		}
	}
	siteFeed := add(s.Home, s.Title, site)
	bySection := map[string]*Feed{}
	for _, sec := range s.Sections {
		if f := add(sec, sec.Title+" · "+s.Title, sections[sec.Section]); f != nil {
			bySection[sec.Section] = f
		}
	}
	for _, p := range pages {
		if f := bySection[p.Section]; f != nil && (p.Kind == KindSection || p.Kind == KindPage) {
			p.Feeds = append(p.Feeds, f)
		}
		if siteFeed != nil {
			p.Feeds = append(p.Feeds, siteFeed)
		}
	}
	return all
}

// FeedOutput is the file the feed is written to: "jobs/feed.xml".
func FeedOutput(f *Feed) string { return f.out }

// FeedList is the page the feed follows: the home page or a section.
func FeedList(f *Feed) *Page { return f.list }

// FeedEntries are the pages of the feed, newest first.
func FeedEntries(f *Feed) []*Page { return f.entries }

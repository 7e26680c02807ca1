// Package quality holds the quality gates of the example site as tests. It
// has no code of its own: every check is a test that builds the repository's
// example site (the repository root, with the embedded default theme) into a
// temporary directory with site.Build, and then runs one validator over the
// output.
//
//   - TestNuHTMLChecker runs the Nu Html Checker (npm vnu-jar, with Java 17+)
//     over the whole output: every HTML page, the CSS and the SVG. Any error
//     fails the test, and the message lists each one as file:line:col.
//   - TestAxe serves the output on 127.0.0.1 under /careers/, as a static
//     host serves a project site (404.html for a missing path), checks that
//     each page and its stylesheets load, and runs axe-core inside headless
//     Chromium, driven by chromedp, on the home page, a job, a role guide, a
//     certification review, a guide with code and a page bundle's files, the
//     guide in pictures, a review with providers' logos, a section list, the taxonomy
//     and term pages, the 404 page and every other page but further term and
//     list pages and alias redirects, each in the light and the dark colour
//     scheme; the named pages also on a 390px phone screen, where the page
//     must not scroll sideways (WCAG 1.4.10, which axe does not test). Any
//     violation fails, listed with its rule id, impact and the elements'
//     selectors.
//   - TestFeeds parses every feed.xml as Atom 1.0 (RFC 4287) and checks the
//     elements a reader needs; TestSitemap checks sitemap.xml against the
//     sitemaps.org schema and that robots.txt names it.
//   - TestOutputLinks builds the site for a base URL with a path
//     (https://quality.example/careers/) and follows every href, src,
//     srcset candidate and og:image or twitter:image on the site's own host
//     to a file of the output, and every #fragment to an
//     id on its page, so that a template or Markdown link that forgets the
//     base path shows.
//   - TestPreviewImages checks each page's og:image: present, with alt
//     text, and when it is the site's own (a social card, a page image) a
//     file of the output whose real size is the one the page states; job
//     descriptions and role guides share 1200×630 social cards.
//   - TestSearch serves the output under /careers/ and uses the search in
//     Chromium: it types "postgres" into the header's combobox and expects
//     a given page first, moves through the suggestions with the arrow keys
//     (aria-activedescendant, aria-selected), closes them with Escape, opens
//     one with Enter; it loads /search/?q=… with and without filters, and
//     with JavaScript off (the page says search needs it; the header form
//     submits to it); it runs axe-core with the list open in both colour
//     schemes and checks the list stays on a phone's screen; and it checks
//     that the client turns every example page's text into the same terms,
//     under English rules and plain ones, and ranks queries in the same
//     order, as internal/search does; a German page's box finds a German
//     page that an English page's box does not.
//   - TestImagesInBrowser serves the output and loads the guide in
//     pictures (content/guides/where-back-end-developers-work.md) in
//     Chromium, with image responses held back as a network would: a
//     buffered PerformanceObserver for layout-shift must report nothing at
//     load on a desktop screen (where the first picture is on the screen)
//     and on a 390px phone screen, nor on the phone after each image below
//     the fold is scrolled to; and on the phone the server must not be
//     asked for an image that starts further than Chromium's lazy-loading
//     distance below the screen until the page is scrolled to it. Removing width and height
//     from layouts/partials/picture.html (the markup of the image render
//     hook) fails the first check, and removing loading="lazy" the second.
//     A shift is listed with what moved, so that one that shows only on a
//     busy machine can be read from the log: the header that moved while
//     the page was still arriving, when its items were centred on the
//     tallest and spread apart (see .site-header__inner in
//     assets/css/site.css), was one.
//   - TestStructuredData extracts the JSON-LD of every page and validates it
//     with @adobe/structured-data-validator (Google's rich-result rules), by
//     running testdata/structured-data.mjs with Node.
//
// The validators come from package.json at the repository root. Run
//
//	npm ci --ignore-scripts        # once, at the repository root
//	go test ./internal/quality
//
// and install Java and Chromium from the system's packages (Debian:
// default-jre-headless, chromium). A test whose tool is missing is skipped
// with a note saying what to install, unless the environment variable
// CAREERSITE_REQUIRE_TOOLS is 1, as it is in .ci/run: then a missing tool
// fails the test, so that CI cannot pass by skipping its gates.
//
// Pages that another part of the build has not produced yet (taxonomy pages,
// feeds, the sitemap, JSON-LD) are skipped with a note rather than faked.
package quality

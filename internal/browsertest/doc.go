// Package browsertest checks the built site in a real headless Chromium, as
// a reader's browser sees it. It has no code outside its tests.
//
// It is a package of its own, rather than tests inside internal/site,
// because it tests the site from the outside: it builds the repository's
// site with site.Generate under the base path /atlas/, serves it from an
// httptest server on 127.0.0.1 under /atlas/ only (so a link that escapes
// the base path gets a 404, as on GitHub Pages), and opens every page over
// HTTP. Keeping it apart keeps chromedp, the vendored axe-core and the
// browser out of every other package's test binary, so the other tests stay
// fast, and `make browser-test` can run just these.
//
// TestBrowser starts one Chromium (the flags are in browser_test.go; other
// hosts resolve to nothing, so the site must work offline) and:
//
//   - opens every HTML page of the site, a tab per CPU, at 1280 px,
//     and fails on any console error or warning, uncaught exception, failed
//     request, response of 400 or over, or request to a host other than the
//     test server; it waits for every chart (an element with class "chart",
//     which sets data-rendered="true" once ECharts has drawn) and fails if
//     one never renders or its canvas has no painted pixel; and it runs
//     axe-core (testdata/axe.min.js) and fails on any violation, then runs
//     axe-core's rules of colour (contrast) again with the emulated
//     prefers-color-scheme: dark, since the stylesheet follows it;
//   - opens a negative-control page (testdata/control) with the same code
//     and fails unless each of its planted problems is reported, which
//     proves that the listeners work;
//   - opens the map of pairs with a filter in its URL and checks that it
//     draws exactly the matching lines, that the selects and the status
//     line agree, and that changing a select updates the lines and the URL;
//   - opens the home, Table 1, a country and the agreements pages with
//     JavaScript disabled and checks that their main content is there and
//     visible (a fixture, testdata/nojs, proves that no script runs);
//   - opens the same four pages at a phone's width, 390 px, with the same
//     checks and axe-core, and fails if a page scrolls sideways;
//   - when $ATLAS_SCREENSHOTS names a directory, saves screenshots of a
//     page of every kind at 1280 and 390 px, in the light and the dark
//     scheme, into it, for people to look at.
//
// The browser is $CHROME_PATH, else the first of chromium,
// chromium-headless-shell and google-chrome on $PATH. Without one the test
// skips, unless $ATLAS_REQUIRE_BROWSER is set (CI sets it once it has
// installed Chromium), in which case it fails.
package browsertest

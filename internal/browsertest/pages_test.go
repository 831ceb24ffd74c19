package browsertest

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

// desktop is the viewport width of the checks, in CSS pixels.
const desktop = 1280

// testPages opens every page of the site, checks it and runs axe-core in
// it, the largest pages first. A page's subtest is named after its site
// path, with "_" for "/" ("countries_chile"), so that -run can pick one.
func (b *browserTest) testPages(t *testing.T) {
	ps := pages(b.files)
	if len(ps) == 0 {
		t.Fatal("the site has no HTML pages")
	}
	// As many tabs as CPUs: each page's subtest is parallel and waits for
	// a free tab (and -test.parallel lets as many subtests run as there
	// are CPUs, by default).
	tabs := runtime.GOMAXPROCS(0)
	pool := make(chan context.Context, tabs)
	for range tabs {
		pool <- b.newTab(t)
	}
	for _, pg := range ps {
		p := pg.path
		t.Run(subtestName(p), func(t *testing.T) {
			t.Parallel()
			tab := <-pool
			defer func() { pool <- tab }()
			problems, err := visit(tab, b.origin, b.url(p), visitOptions{width: desktop, axe: true, charts: chartTimeout})
			if err != nil {
				t.Fatal(err)
			}
			for _, problem := range problems {
				t.Errorf("%s%s: %s", basePath, p, problem)
			}
		})
	}
}

// subtestName names the subtest of a site path: "home" for "",
// "countries_chile" for "countries/chile/".
func subtestName(sitePath string) string {
	if sitePath == "" {
		return "home"
	}
	return strings.ReplaceAll(strings.TrimSuffix(sitePath, "/"), "/", "_")
}

package browsertest

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// contentJS describes the elements that match a selector: how many there
// are, how many the reader can see (they have a box on screen), and their
// texts.
const contentJS = `(() => {
  const els = [...document.querySelectorAll(%q)];
  return {
    count: els.length,
    visible: els.filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden').length,
    texts: els.map(e => e.textContent.trim()),
  };
})()`

type content struct {
	Count   int      `json:"count"`
	Visible int      `json:"visible"`
	Texts   []string `json:"texts"`
}

// expectation is content that a page must show without JavaScript.
type expectation struct {
	selector string
	count    int      // elements that match it, every one of them visible
	texts    []string // their texts, when not nil
}

// testNoJS opens representative pages with JavaScript disabled and checks
// that their main content is there and visible: JavaScript may only
// enhance a page. The nojs fixture proves that scripts really do not run.
func (b *browserTest) testNoJS(t *testing.T) {
	records := b.agreementRows(t)
	chile := 0
	for _, r := range records {
		if r["latam_country"] == "CL" {
			chile++
		}
	}
	if chile == 0 {
		t.Fatal("data/agreements.csv has no agreement of Chile, the country page this test reads")
	}
	checks := []struct {
		path string
		want []expectation
	}{
		{fixtureDir + "nojs/", []expectation{{"#marker", 1, []string{"no script ran"}}}},
		{"", []expectation{
			{"h1", 1, []string{"Asia–Latin America Subnational Atlas"}},
			{".figures li", 5, nil},
		}},
		{"table-1/", []expectation{
			{"table#table-1 > caption", 1, nil},
			{"table#table-1 > tbody > tr", 17, nil},
			{"table#table-1 > tfoot td", 4, []string{"60", "9", "51", "6"}},
		}},
		{"countries/chile/", []expectation{
			{"h1", 1, nil},
			{"table.records > tbody > tr:not(.group)", chile, nil},
		}},
		{"agreements/", []expectation{
			{"table.records > tbody > tr:not(.group)", len(records), nil},
		}},
	}
	for _, c := range checks {
		t.Run(subtestName(c.path), func(t *testing.T) {
			var failures []string
			check := func(ctx context.Context) error {
				for _, w := range c.want {
					got, err := chromedp.Run(ctx, chromedp.Evaluate[content](fmt.Sprintf(contentJS, w.selector)))
					if err != nil {
						return err
					}
					if got.Count != w.count || got.Visible != w.count {
						failures = append(failures, fmt.Sprintf("%s: %d elements, %d of them visible (want %d, all visible)", w.selector, got.Count, got.Visible, w.count))
					}
					if w.texts != nil && !slices.Equal(got.Texts, w.texts) {
						failures = append(failures, fmt.Sprintf("%s: texts %q (want %q)", w.selector, got.Texts, w.texts))
					}
				}
				return nil
			}
			// A tab of its own: disabling JavaScript lasts as long as the tab.
			problems, err := visit(b.newTab(t), b.origin, b.url(c.path), visitOptions{width: desktop, noJS: true, then: check})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range append(problems, failures...) {
				t.Errorf("%s%s without JavaScript: %s", basePath, c.path, p)
			}
		})
	}
}

// agreementRows returns the records of the built data/agreements.csv, a
// count of the agreements that does not come from the pages.
func (b *browserTest) agreementRows(t *testing.T) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b.files["data/agreements.csv"])).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("data/agreements.csv: %d rows, %v", len(rows), err)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		r := map[string]string{}
		for i, name := range rows[0] {
			r[name] = row[i]
		}
		out = append(out, r)
	}
	return out
}

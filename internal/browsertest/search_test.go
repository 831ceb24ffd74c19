package browsertest

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"atlas/internal/search"
)

// foldCases are strings on which the browser's folding could part from
// Go's: ß and final sigma (toLowerCase is not case folding), marks of
// every kind, compatibility forms, Hangul, and Han and Kana runs.
var foldCases = []string{
	"Bío-Bío", "BIOBÍO", "Straße STRASSE ẞ", "ΟΔΟΣ οδός", "İstanbul", "ﬁne ①", "Ōsaka 大阪市",
	"河南", "河南省 Henan", "서울특별시", "カレーライス", "naïve café", "Ñuñoa", "São Paulo", "x", "a-b_c.d",
}

// resultsJS lists the results searchShown: link, type, whether the snippet has
// a <mark>, and the status line.
const resultsJS = `(() => ({
  status: document.querySelector('.search-status').textContent,
  query: new URLSearchParams(location.search).get('q'),
  results: [...document.querySelectorAll('.search-results li')].map(li => ({
    href: li.querySelector('a').getAttribute('href'),
    type: li.querySelector('.type').textContent,
    marked: li.querySelectorAll('.snippet mark').length,
  })),
  fetched: performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
    .reduce((n, e) => n + e.encodedBodySize, 0),
}))()`

type searchShown struct {
	Status  string `json:"status"`
	Query   string `json:"query"`
	Results []struct {
		Href   string `json:"href"`
		Type   string `json:"type"`
		Marked int    `json:"marked"`
	} `json:"results"`
	Fetched int `json:"fetched"`
}

// waitResults polls until the status line reports the results of q.
func waitResults(ctx context.Context, q string) (searchShown, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[searchShown](resultsJS))
		if err != nil {
			return got, err
		}
		if strings.Contains(got.Status, "“"+q+"”") {
			return got, nil
		}
		if time.Now().After(deadline) {
			return got, fmt.Errorf("no results for %q after 10s: status %q", q, got.Status)
		}
		time.Sleep(pollInterval)
	}
}

// testSearch opens /search/?q=河南 and checks that the Henan place comes
// first with a marked snippet, then types "Cauchari" and checks that the
// URL follows and a section of the Jujuy–Guizhou case is found. It also
// checks that search.js folds and splits as package search does.
func (b *browserTest) testSearch(t *testing.T) {
	var failures []string
	check := func(ctx context.Context) error {
		got, err := waitResults(ctx, "河南")
		if err != nil {
			return err
		}
		t.Logf("河南: %s, %d bytes of the index fetched", got.Status, got.Fetched)
		henan := basePath + "places/cn/henan/"
		if len(got.Results) == 0 || got.Results[0].Href != henan || got.Results[0].Marked == 0 {
			failures = append(failures, fmt.Sprintf("河南: want %s first with a marked snippet, got %+v", henan, got.Results))
		}
		for _, s := range foldCases {
			js, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf("atlasSearch.queryTerms(%q)", s)))
			if err != nil {
				return err
			}
			if want := search.QueryTerms(s); !slices.Equal(js, want) && (len(js) > 0 || len(want) > 0) {
				failures = append(failures, fmt.Sprintf("query terms of %q: search.js %q, Go %q", s, js, want))
			}
			for _, term := range search.QueryTerms(s) {
				file, err := chromedp.Run(ctx, chromedp.Evaluate[string](fmt.Sprintf("atlasSearch.shardFile(atlasSearch.shardFor(%q, () => false))", term)))
				if err != nil {
					return err
				}
				if want := fmt.Sprintf("search/t/%x.json", search.ShardFor(term, func(string) bool { return false })); "search/"+file != want {
					failures = append(failures, fmt.Sprintf("shard file of %q: search.js %s, Go %s", term, file, want))
				}
			}
		}
		// A split shard, which today's site is too small to have.
		split, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`["india", "in", "inca"].map(t => atlasSearch.shardFor(t, k => k === "ind"))`))
		if err != nil {
			return err
		}
		listed := func(k string) bool { return k == "ind" }
		if want := []string{search.ShardFor("india", listed), search.ShardFor("in", listed), search.ShardFor("inca", listed)}; !slices.Equal(split, want) {
			failures = append(failures, fmt.Sprintf("split shards: search.js %q, Go %q", split, want))
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById('q').value = '') === ''`)); err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.SendKeys("#q", "Cauchari")); err != nil {
			return err
		}
		if got, err = waitResults(ctx, "Cauchari"); err != nil {
			return err
		}
		if got.Query != "Cauchari" {
			failures = append(failures, fmt.Sprintf("after typing Cauchari the URL has q=%q", got.Query))
		}
		if len(got.Results) == 0 || !strings.HasPrefix(got.Results[0].Href, basePath+"cases/jujuy-guizhou/#") || got.Results[0].Marked == 0 {
			failures = append(failures, fmt.Sprintf("Cauchari: want a section of the Jujuy–Guizhou case first, marked, got %+v", got.Results))
		}
		return nil
	}
	problems, err := visit(b.newTab(t), b.origin, b.url("search/?q="+url.QueryEscape("河南")), visitOptions{width: desktop, axe: true, then: check})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(problems, failures...) {
		t.Errorf("%ssearch/: %s", basePath, p)
	}
}

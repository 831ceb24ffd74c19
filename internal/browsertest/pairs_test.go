package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var pairsDataRE = regexp.MustCompile(`<script type="application/json" class="chart-data">(.*?)</script>`)

// pairLines returns the map of pairs' lines as the page's option holds
// them: partner and kind of each.
func pairLines(t *testing.T, page []byte) [][2]string {
	t.Helper()
	m := pairsDataRE.FindSubmatch(page)
	if m == nil {
		t.Fatal("no chart data on the map of pairs")
	}
	var d struct {
		Option struct {
			BaseOption struct {
				Series []struct {
					Type string `json:"type"`
					Data []struct {
						Partner string `json:"partner"`
						Kind    string `json:"kind"`
					} `json:"data"`
				} `json:"series"`
			} `json:"baseOption"`
		} `json:"option"`
	}
	if err := json.Unmarshal(m[1], &d); err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, s := range d.Option.BaseOption.Series {
		if s.Type == "lines" {
			for _, d := range s.Data {
				out = append(out, [2]string{d.Partner, d.Kind})
			}
		}
	}
	return out
}

// filterJS reports what the map of pairs shows: its lines and points, the
// status line, the selects' values, the URL's query and whether the form
// is visible.
const filterJS = `(() => {
  const f = document.querySelector('form.chart-filter');
  const c = window.echarts && echarts.getInstanceByDom(document.getElementById(f.dataset.chart));
  const series = c ? c.getOption().series : [];
  const count = t => series.filter(s => s.type === t).reduce((n, s) => n + s.data.length, 0);
  return {lines: count('lines'), points: count('scatter'), status: f.querySelector('output').textContent,
    partner: f.partner.value, kind: f.kind.value, query: location.search, hidden: f.hidden};
})()`

type filterShown struct {
	Lines   int    `json:"lines"`
	Points  int    `json:"points"`
	Status  string `json:"status"`
	Partner string `json:"partner"`
	Kind    string `json:"kind"`
	Query   string `json:"query"`
	Hidden  bool   `json:"hidden"`
}

// waitFilter polls until the status line counts want lines.
func waitFilter(ctx context.Context, want int) (filterShown, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[filterShown](filterJS))
		if err != nil {
			return got, err
		}
		if strings.HasPrefix(got.Status, strconv.Itoa(want)+" ") {
			return got, nil
		}
		if time.Now().After(deadline) {
			return got, fmt.Errorf("the status never counted %d lines: %+v", want, got)
		}
		time.Sleep(pollInterval)
	}
}

// testPairFilter opens the map of pairs with a filter in its URL
// (?partner=JP&kind=sister-city) and checks that the map shows exactly the
// matching lines, the selects and the status agree, and that clearing the
// partner shows every line of the kind and keeps the URL in step.
func (b *browserTest) testPairFilter(t *testing.T) {
	page := b.files["charts/pairs/index.html"]
	if page == nil {
		t.Skip("the site has no map of pairs")
	}
	all := pairLines(t, page)
	count := func(partner, kind string) int {
		n := 0
		for _, l := range all {
			if (partner == "" || l[0] == partner) && (kind == "" || l[1] == kind) {
				n++
			}
		}
		return n
	}
	jp, kind := count("JP", "sister-city"), count("", "sister-city")
	if jp == 0 || jp == kind || kind == len(all) {
		t.Fatalf("the data no longer tell the filters apart: %d, %d, %d lines", jp, kind, len(all))
	}
	var failures []string
	check := func(ctx context.Context) error {
		got, err := waitFilter(ctx, jp)
		if err != nil {
			return err
		}
		if got.Lines != jp || got.Partner != "JP" || got.Kind != "sister-city" || got.Hidden {
			failures = append(failures, fmt.Sprintf("from the URL: %+v, want %d lines of JP and sister-city, the form shown", got, jp))
		}
		if got.Points == 0 {
			failures = append(failures, "from the URL: no points at the lines' ends")
		}
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const s = document.querySelector('form.chart-filter select[name=partner]'); s.value = ''; s.dispatchEvent(new Event('change')); return true; })()`)); err != nil {
			return err
		}
		got, err = waitFilter(ctx, kind)
		if err != nil {
			return err
		}
		if got.Lines != kind || got.Query != "?kind=sister-city" {
			failures = append(failures, fmt.Sprintf("every partner: %+v, want %d lines and ?kind=sister-city", got, kind))
		}
		return nil
	}
	tab := b.newTab(t)
	problems, err := visit(tab, b.origin, b.url("charts/pairs/?partner=JP&kind=sister-city"), visitOptions{width: desktop, charts: chartTimeout, then: check})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range append(problems, failures...) {
		t.Error(p)
	}
}

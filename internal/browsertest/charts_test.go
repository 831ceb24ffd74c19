package browsertest

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// table1Chart is the Table 1 chart: stacked, with a legend.
const (
	table1Page  = "charts/table-1/"
	table1Chart = "#chart_table_1"
)

// chartFactsJS returns what the test needs from the Table 1 chart: the
// series names, the first row's name and values, the source line (the
// title's subtext) and the texts the chart's SVG shows now.
const chartFactsJS = `(() => {
  const el = document.querySelector(%q);
  const o = JSON.parse(el.parentNode.querySelector('script.chart-data').textContent).option;
  const opt = o.baseOption || o;
  const list = (x) => Array.isArray(x) ? x : [x];
  const series = list(opt.series);
  const num = (d) => typeof d === 'object' && d !== null ? Number(d.value) : Number(d);
  return {
    series: series.map(s => s.name),
    row: list(opt.yAxis)[0].data[0],
    values: series.map(s => num(s.data[0])),
    source: list(opt.title)[0].subtext,
    texts: [...el.querySelectorAll('svg text')].map(t => t.textContent),
    query: location.search,
  };
})()`

type chartFacts struct {
	Series []string `json:"series"`
	Row    string   `json:"row"`
	Values []int    `json:"values"`
	Source string   `json:"source"`
	Texts  []string `json:"texts"`
	Query  string   `json:"query"`
}

func readFacts(ctx context.Context) (chartFacts, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[chartFacts](fmt.Sprintf(chartFactsJS, table1Chart)))
}

// legendItemJS returns the centre of the chart's legend entry named %q,
// in the page's coordinates, for a real mouse click.
const legendItemJS = `(() => {
  const t = [...document.querySelectorAll(%q + ' svg text')].find(t => t.textContent === %q);
  if (!t) return null;
  t.scrollIntoView({block: 'center'});
  const r = t.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
})()`

// waitRedrawn waits until the chart has drawn again after
// clearRendered removed its mark.
const (
	clearRenderedJS = `document.querySelector(%q).removeAttribute('data-rendered'), true`
	waitRenderedJS  = `(async () => {
  const el = document.querySelector(%q), deadline = performance.now() + 10000;
  while (el.dataset.rendered !== 'true' && performance.now() < deadline) await new Promise(r => setTimeout(r, 25));
  return el.dataset.rendered === 'true';
})()`
)

func redraw(ctx context.Context, action func(context.Context) error) error {
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(clearRenderedJS, table1Chart))); err != nil {
		return err
	}
	if err := action(ctx); err != nil {
		return err
	}
	ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(waitRenderedJS, table1Chart), chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("the chart did not draw again")
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// testCharts checks the Table 1 chart's interaction: hiding a series
// updates the row totals, the URL keeps the view, a permalink restores
// it, the SVG export parses and carries the source line, the licence and
// the URL, and the PNG export is a PNG.
func (b *browserTest) testCharts(t *testing.T) {
	tab := b.newTab(t)
	var permalink string
	problems, err := visit(tab, b.origin, b.url(table1Page), visitOptions{width: desktop, charts: chartTimeout, then: func(ctx context.Context) error {
		before, err := readFacts(ctx)
		if err != nil {
			return err
		}
		if len(before.Series) < 2 {
			return fmt.Errorf("the Table 1 chart has %d series", len(before.Series))
		}
		total, without := 0, 0
		for i, v := range before.Values {
			total += v
			if i != 0 {
				without += v
			}
		}
		if !contains(before.Texts, fmt.Sprint(total)) {
			t.Errorf("%s's total %d is not on the chart: %q", before.Row, total, before.Texts)
		}
		// Hide the first series with a click on its legend entry.
		xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(legendItemJS, table1Chart, before.Series[0])))
		if err != nil || len(xy) != 2 {
			return fmt.Errorf("no legend entry %q: %v", before.Series[0], err)
		}
		click := func(ctx context.Context) error {
			_, err := chromedp.Run(ctx, chromedp.MouseClickXY(xy[0], xy[1]))
			return err
		}
		if err := redraw(ctx, click); err != nil {
			return err
		}
		after, err := readFacts(ctx)
		if err != nil {
			return err
		}
		if without != total && !contains(after.Texts, fmt.Sprint(without)) {
			t.Errorf("with %s hidden, %s's total should read %d: the chart shows %q", before.Series[0], before.Row, without, after.Texts)
		}
		if q, _ := url.ParseQuery(strings.TrimPrefix(after.Query, "?")); q.Get("hide") != "0" {
			t.Errorf("with the first series hidden, the URL's query is %q, want hide=0", after.Query)
		}
		// The view and the highlighted country go in the URL too.
		if err := redraw(ctx, choose("[data-chart-view]", "share")); err != nil {
			return err
		}
		if err := redraw(ctx, choose("[data-chart-highlight]", before.Row)); err != nil {
			return err
		}
		permalink, err = chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err != nil {
			return err
		}
		q, _ := url.Parse(permalink)
		want := url.Values{"hide": {"0"}, "view": {"share"}, "highlight": {before.Row}}
		if got := q.Query(); got.Encode() != want.Encode() {
			t.Errorf("the URL keeps %q, want %q", got.Encode(), want.Encode())
		}

		// The SVG export: one file, well-formed, with the source line.
		svg, err := exportSVG(ctx, t.TempDir())
		if err != nil {
			return err
		}
		texts, err := svgTexts(svg)
		if err != nil {
			lines := strings.SplitN(string(svg), "\n", 12)
			t.Errorf("the SVG export does not parse: %v\nits first lines: %.3000q", err, lines)
		}
		if !contains(texts, before.Source) {
			t.Errorf("the SVG export lacks the source line %q: its texts are %q", before.Source, texts)
		}
		footer := strings.Join(texts, "\n")
		for _, want := range []string{"Licence: CC BY 4.0", b.url(table1Page)} {
			if !strings.Contains(footer, want) {
				t.Errorf("the SVG export lacks %q: its texts are %q", want, texts)
			}
		}
		// The PNG export: a whole PNG file.
		png, err := exportFile(ctx, t.TempDir(), "png", func(b []byte) bool { return bytes.HasSuffix(b, []byte("IEND\xaeB`\x82")) })
		if err != nil {
			return err
		}
		if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
			t.Errorf("the PNG export is not a PNG: it starts %q", png[:min(len(png), 8)])
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", table1Page, p)
	}
	if permalink == "" {
		return
	}

	// The permalink, opened afresh, restores the view.
	tab2 := b.newTab(t)
	problems, err = visit(tab2, b.origin, permalink, visitOptions{width: desktop, charts: chartTimeout, then: func(ctx context.Context) error {
		f, err := readFacts(ctx)
		if err != nil {
			return err
		}
		without := 0
		for _, v := range f.Values[1:] {
			without += v
		}
		if !contains(f.Texts, fmt.Sprint(without)) {
			t.Errorf("the permalink does not restore the hidden series: %s's total %d is not on the chart: %q", f.Row, without, f.Texts)
		}
		sel, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.querySelector('[data-chart-view]').value, document.querySelector('[data-chart-highlight]').value]`))
		if err != nil {
			return err
		}
		if len(sel) != 2 || sel[0] != "share" || sel[1] != f.Row {
			t.Errorf("the permalink restores the controls as %q, want [share %s]", sel, f.Row)
		}
		if !contains(f.Texts, "100%") && !contains(f.Texts, "100") {
			t.Errorf("the share view has no 100 on its axis: %q", f.Texts)
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("%s: %s", permalink, p)
	}
}

// exportSVG clicks the chart's SVG export and returns the downloaded file.
func exportSVG(ctx context.Context, dir string) ([]byte, error) {
	return exportFile(ctx, dir, "svg", func(b []byte) bool { return bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>")) })
}

// exportFile clicks the chart's export of one type and returns the
// downloaded file once complete says it is.
func exportFile(ctx context.Context, dir, typ string, complete func([]byte) bool) ([]byte, error) {
	on := true
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &on,
	}); err != nil {
		return nil, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(document.querySelector('[data-chart-export=%q]').click(), true)`, typ))); err != nil {
		return nil, err
	}
	name := filepath.Join(dir, "atlas-table-1."+typ)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(name); err == nil && len(b) > 0 && complete(b) {
			return b, nil
		}
		time.Sleep(pollInterval)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return nil, fmt.Errorf("no %s after the SVG export; the download directory has %q", filepath.Base(name), names)
}

// choose picks a value in a <select> as a reader would, with its change
// event.
func choose(sel, value string) func(context.Context) error {
	return func(ctx context.Context) error {
		js := fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event('change')); return s.value; })()`, sel, value)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err == nil && got != value {
			err = fmt.Errorf("%s has no option %q", sel, value)
		}
		return err
	}
}

// svgTexts parses an SVG document, which must be well-formed XML with an
// <svg> root, and returns the text of its <text> elements.
func svgTexts(b []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	root := ""
	var texts []string
	var cur *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return texts, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Local
			}
			if tok.Name.Local == "text" {
				cur = &strings.Builder{}
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" && cur != nil {
				texts = append(texts, cur.String())
				cur = nil
			}
		}
	}
	if root != "svg" {
		return texts, fmt.Errorf("root element %q, want svg", root)
	}
	return texts, nil
}

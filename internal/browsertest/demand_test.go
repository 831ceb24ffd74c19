package browsertest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// demandJS reports the state of the page's one chart drawn by ECharts:
// whether the bundle is loaded, whether the build's drawing is still in
// the box, whether the chart says it has drawn.
const demandJS = `(() => {
  const el = document.querySelector('.chart-box .chart');
  return {
    echarts: typeof window.echarts !== 'undefined',
    preview: !!(el && el.querySelector('svg.chart-preview path')),
    rendered: !!(el && el.dataset.rendered === 'true'),
    scripts: [...document.scripts].map(s => s.src).filter(s => s.includes('echarts')).length,
  };
})()`

type demandState struct {
	ECharts, Preview, Rendered bool
	Scripts                    int
}

// testDemand checks that the map of pairs and the timeline are read from
// the build's drawing before any chart library loads, that nothing loads
// it while the reader only looks (even after a pause with the chart on
// screen), and that a pointer over the chart loads it and ECharts' drawing
// takes the drawing's place.
func (b *browserTest) testDemand(t *testing.T) {
	for _, page := range []string{"charts/pairs/", "charts/timeline/"} {
		if b.files[page+"index.html"] == nil {
			continue
		}
		t.Run(page, func(t *testing.T) {
			tab := b.newTab(t)
			problems, err := visit(tab, b.origin, b.url(page), visitOptions{width: desktop, then: func(ctx context.Context) error {
				state := func() (demandState, error) {
					return chromedp.Run(ctx, chromedp.Evaluate[demandState](demandJS))
				}
				if _, err := chromedp.Run(ctx, chromedp.Sleep(pollInterval*20)); err != nil {
					return err
				}
				before, err := state()
				if err != nil {
					return err
				}
				if before.ECharts || before.Scripts > 0 || !before.Preview {
					return fmt.Errorf("before the reader reaches for the chart: %+v, want the drawing and no ECharts", before)
				}
				xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(centreJS, ".chart-box .chart")))
				if err != nil || len(xy) != 2 {
					return fmt.Errorf("no chart to point at: %v", err)
				}
				if _, err := chromedp.Run(ctx, chromedp.MouseEvent("mouseMoved", xy[0], xy[1])); err != nil {
					return err
				}
				ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(waitRenderedJS, ".chart-box .chart"), chromedp.EvalAwaitPromise))
				if err != nil {
					return err
				}
				if !ok {
					return errors.New("a pointer over the chart did not draw it")
				}
				after, err := state()
				if err != nil {
					return err
				}
				if !after.ECharts || after.Preview {
					return fmt.Errorf("after a pointer over the chart: %+v, want ECharts' drawing in place of the build's", after)
				}
				return nil
			}})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

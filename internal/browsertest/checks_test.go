package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// chartsJS scrolls every chart container (class "chart") into view, as the
// charts draw only when they come near the screen, and points at it, as
// a chart with a static drawing draws only when the reader reaches for
// it, then waits up to %d ms
// for each to say it has drawn (data-rendered="true", which the chart script sets on
// ECharts' "finished" event), then reports what is wrong with each: never
// rendered, nothing to draw on, or nothing drawn. A canvas is drawn when
// one of its pixels is not transparent; an SVG (inside the container, or
// the container itself for a chart drawn at build time) when it has a
// shape.
const chartsJS = `(async (timeout) => {
  const charts = [...document.querySelectorAll('.chart')];
  for (const c of charts) {
    c.scrollIntoView({block: 'center'});
    // A chart with a static drawing waits for the reader to reach for it.
    const box = c.closest('.chart-box');
    if (box) box.dispatchEvent(new PointerEvent('pointerenter'));
    await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  }
  scrollTo(0, 0);
  const deadline = performance.now() + timeout;
  while (charts.some(c => c.dataset.rendered !== 'true') && performance.now() < deadline) {
    await new Promise(r => setTimeout(r, 25));
  }
  const painted = (cv) => {
    if (!cv.width || !cv.height) return false;
    const g = cv.getContext('2d');
    if (g) {
      const d = g.getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true;
      return false;
    }
    // A WebGL canvas: compare it with an empty one of its size.
    const blank = document.createElement('canvas');
    blank.width = cv.width; blank.height = cv.height;
    return cv.toDataURL() !== blank.toDataURL();
  };
  const shapes = 'path, rect, circle, ellipse, line, polyline, polygon, text, image';
  return charts.map((c, i) => {
    const name = c.id ? '#' + c.id : '.chart number ' + (i + 1);
    if (c.dataset.rendered !== 'true') {
      return name + ': not rendered: data-rendered is not "true" after ' + timeout + ' ms';
    }
    // A chart drawn at build time is an SVG image itself.
    const canvases = [...c.querySelectorAll('canvas')], svgs = c.localName === 'svg' ? [c] : [...c.querySelectorAll('svg')];
    if (!canvases.length && !svgs.length) return name + ': no canvas or svg inside';
    if (canvases.some(painted) || svgs.some(s => s.querySelector(shapes))) return '';
    return name + ': blank: ' + canvases.map(cv => 'canvas ' + cv.width + 'x' + cv.height).concat(svgs.map(() => 'svg')).join(', ') + ' with no painted pixel';
  }).filter(Boolean);
})(%d)`

// checkCharts waits for the page's charts and returns their problems.
func checkCharts(ctx context.Context, timeout time.Duration) ([]string, error) {
	js := fmt.Sprintf(chartsJS, timeout.Milliseconds())
	problems, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("checking the charts: %w", err)
	}
	for i, p := range problems {
		problems[i] = "chart " + p
	}
	return problems, nil
}

// axeViolation is one rule that axe-core found broken, with the elements
// that break it.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

func (v axeViolation) String() string {
	const max = 5
	targets := v.Targets
	more := ""
	if len(targets) > max {
		more = fmt.Sprintf(" and %d more", len(targets)-max)
		targets = targets[:max]
	}
	return fmt.Sprintf("axe %s (%s): %s: %s%s", v.ID, v.Impact, v.Help, strings.Join(targets, " | "), more)
}

// axeRunJS runs the rules %s (every rule axe-core enables by default, WCAG
// 2.x A and AA and its best practices, when it is null) over the whole
// document.
const axeRunJS = `axe.run(document, {resultTypes: ['violations'], runOnly: %s ?? undefined}).then(r => r.violations.map(v => ({
  id: v.id,
  impact: v.impact || '',
  help: v.help,
  targets: v.nodes.map(n => n.target.flat().join(' >>> ')),
})))`

// axeLoadJS adds axe-core to the page as a script from the test server,
// rather than evaluating its source: the browser then compiles it once
// and reuses the compiled code on every later page.
const axeLoadJS = `new Promise((resolve, reject) => {
  const s = document.createElement('script');
  s.src = %q;
  s.onload = () => resolve(true);
  s.onerror = () => reject(new Error('cannot load ' + s.src));
  document.head.append(s);
})`

// axeLoadedJS says whether the page has axe-core already.
const axeLoadedJS = `typeof axe !== 'undefined'`

// colourRules are the axe-core rules whose outcome depends on the colours
// alone, the ones to run again in the other colour scheme.
var colourRules = []string{"color-contrast", "link-in-text-block"}

// runAxe injects axe-core into the page, unless it is there already, runs
// the rules (all when nil) and returns their violations.
func runAxe(ctx context.Context, rules []string) ([]string, error) {
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeLoadedJS))
	if err != nil {
		return nil, fmt.Errorf("looking for axe-core: %w", err)
	}
	if !loaded {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(axeLoadJS, basePath+axePath), chromedp.EvalAwaitPromise)); err != nil {
			return nil, fmt.Errorf("injecting axe-core: %w", err)
		}
	}
	only, err := json.Marshal(rules)
	if err != nil {
		return nil, err
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](fmt.Sprintf(axeRunJS, only), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("running axe-core: %w", err)
	}
	var problems []string
	for _, v := range vs {
		problems = append(problems, v.String())
	}
	return problems, nil
}

package browsertest

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// phone is the narrow viewport width, in CSS pixels.
const phone = 390

// shown are the pages that the narrow check and the screenshots cover.
var shown = []struct{ name, path string }{
	{"home", ""},
	{"table-1", "table-1/"},
	{"country-chile", "countries/chile/"},
	{"agreements", "agreements/"},
}

// overflowJS measures how far the page scrolls sideways.
const overflowJS = `document.documentElement.scrollWidth - document.documentElement.clientWidth`

// testNarrow opens the representative pages at a phone's width, with the
// same checks as every page and axe-core (a table that scrolls sideways
// must be reachable by keyboard), and fails if a page scrolls sideways:
// wide tables must scroll inside their own box.
func (b *browserTest) testNarrow(t *testing.T) {
	tab := b.newTab(t)
	for _, s := range shown {
		t.Run(s.name, func(t *testing.T) {
			var overflow int
			measure := func(ctx context.Context) error {
				var err error
				overflow, err = chromedp.Run(ctx, chromedp.Evaluate[int](overflowJS))
				return err
			}
			problems, err := visit(tab, b.origin, b.url(s.path), visitOptions{width: phone, axe: true, charts: chartTimeout, then: measure})
			if err != nil {
				t.Fatal(err)
			}
			if overflow > 0 {
				problems = append(problems, fmt.Sprintf("the page is %d px wider than the %d px viewport", overflow, phone))
			}
			for _, p := range problems {
				t.Errorf("%s%s at %d px: %s", basePath, s.path, phone, p)
			}
		})
	}
}

// kinds are the pages that the screenshots cover: one of every kind of
// page on the site.
var kinds = []struct{ name, path string }{
	{"home", ""},
	{"cases", "cases/"},
	{"case", "cases/jujuy-guizhou/"},
	{"charts", "charts/"},
	{"chart-table-1", "charts/table-1/"},
	{"chart-map", "charts/map/"},
	{"table-1", "table-1/"},
	{"countries", "countries/"},
	{"country-chile", "countries/chile/"},
	{"partners", "partners/"},
	{"partner-china", "partners/china/"},
	{"places", "places/"},
	{"place", "places/ar/jujuy-province/"},
	{"agreements", "agreements/"},
	{"agreements-partner", "agreements/partner/china/"},
	{"agreement", "agreements/ar-jujuy-province--cn-guizhou/"},
	{"sources", "sources/"},
	{"data", "data/"},
	{"search", "search/?q=Jujuy"},
	{"page-about", "about/"},
	{"not-found", "404.html"},
}

// maxShotHeight limits a screenshot's height, in CSS pixels: the list of
// agreements is tens of thousands of pixels tall at a phone's width.
const maxShotHeight = 6000

// testScreenshots saves screenshots of a page of every kind at a
// desktop's and a phone's width, in the light and the dark scheme, into
// $ATLAS_SCREENSHOTS, for people to look at: NAME-WIDTH-SCHEME.png. It
// checks the pages as it goes, but asserts nothing about the pictures.
func (b *browserTest) testScreenshots(t *testing.T) {
	dir := os.Getenv("ATLAS_SCREENSHOTS")
	if dir == "" {
		t.Skip("set ATLAS_SCREENSHOTS to a directory to save screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	tab := b.newTab(t)
	for _, s := range kinds {
		for _, shot := range []struct {
			width int64
			dark  bool
		}{{desktop, false}, {desktop, true}, {phone, false}, {phone, true}} {
			scheme := "light"
			if shot.dark {
				scheme = "dark"
			}
			width := shot.width
			file := filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", s.name, width, scheme))
			shoot := func(ctx context.Context) error {
				png, err := chromedp.Run(ctx, pageScreenshot(width))
				if err != nil {
					return err
				}
				return os.WriteFile(file, png, 0o644)
			}
			problems, err := visit(tab, b.origin, b.url(s.path), visitOptions{width: width, dark: shot.dark, charts: chartTimeout, then: shoot})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range problems {
				t.Errorf("%s%s at %d px: %s", basePath, s.path, width, p)
			}
			t.Logf("wrote %s", file)
		}
	}
}

// pageScreenshot captures the page from its top, as wide as the viewport
// and as tall as its content, up to maxShotHeight, as a PNG.
func pageScreenshot(width int64) chromedp.Action[[]byte] {
	return func(ctx context.Context, t *chromedp.Target) ([]byte, error) {
		m, err := cdp.Call(ctx, t, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil {
			return nil, err
		}
		height := math.Min(math.Ceil(m.CSSContentSize.Height), maxShotHeight)
		res, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
			Format:                page.CaptureScreenshotFormatPng,
			Clip:                  &page.Viewport{Width: float64(width), Height: height, Scale: 1},
			CaptureBeyondViewport: new(true),
		})
		return res.Data, err
	}
}

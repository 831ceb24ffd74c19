package browsertest

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"atlas/internal/sitetest"

	"github.com/chromedp/chromedp"
)

// requireChrome returns the browser, or skips the test loudly when there
// is none, or fails it when $ATLAS_REQUIRE_BROWSER says one must be there.
func requireChrome(t *testing.T) string {
	t.Helper()
	chrome := sitetest.Chrome()
	if chrome != "" {
		return chrome
	}
	const msg = `
######################################################################
##  BROWSER TESTS NOT RUN: no Chromium found ($CHROME_PATH, chromium,
##  chromium-headless-shell or google-chrome on $PATH).
##  Install it:  apt-get install --no-install-recommends chromium fonts-liberation
######################################################################`
	if os.Getenv("ATLAS_REQUIRE_BROWSER") != "" {
		t.Fatal(msg + "\n$ATLAS_REQUIRE_BROWSER is set, so this is a failure.")
	}
	os.Stderr.WriteString(msg + "\n")
	t.Skip(msg)
	return ""
}

// browserFlags are the browser's command-line flags, exactly: headless, no
// sandbox (tests often run as root in containers), no GPU, no QUIC, and no
// traffic of the browser's own (first-run, background networking, component
// updates, sync). The host resolver turns every host but 127.0.0.1 into
// "not found", so a request to another host fails at once instead of
// hanging, and the listeners report it.
func browserFlags(userDataDir string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("user-data-dir", userDataDir),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
	}
}

// lockedBuffer collects the browser's output from its goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// browserNoise matches the harmless lines that Debian's Chromium prints in
// a container: a shell test in /etc/chromium.d and D-Bus, which is absent.
var browserNoise = regexp.MustCompile(`(?m)^.*(unexpected operator|dbus/|Failed to connect to the bus).*\n`)

// startBrowser starts the browser for the rest of the test and returns its
// context; each page opens its own tab from it.
func startBrowser(t *testing.T, chrome string) context.Context {
	t.Helper()
	var out lockedBuffer
	opts := append(browserFlags(t.TempDir()),
		chromedp.ExecPath(chrome),
		chromedp.CombinedOutput(&out),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc() // waits for the browser to exit, before TempDir's removal
		if msg := strings.TrimSpace(browserNoise.ReplaceAllString(out.String(), "")); t.Failed() && msg != "" {
			t.Logf("the browser's output:\n%s", msg)
		}
	})
	// The first Do starts the browser and binds it to ctx, which has no
	// timeout: each page sets its own.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v\n%s", chrome, err, out.String())
	}
	return ctx
}

// TestBrowser opens the built site in one headless Chromium; see the
// package documentation for what each subtest checks.
func TestBrowser(t *testing.T) {
	chrome := requireChrome(t)
	files := buildSite(t)
	origin := serve(t, withFixtures(t, files))
	browser := startBrowser(t, chrome)
	b := &browserTest{browser: browser, origin: origin, files: files}

	t.Run("pages", b.testPages)
	t.Run("control", b.testControl)
	t.Run("charts", b.testCharts)
	t.Run("search", b.testSearch)
	t.Run("pairfilter", b.testPairFilter)
	t.Run("demand", b.testDemand)
	t.Run("nojs", b.testNoJS)
	t.Run("narrow", b.testNarrow)
	t.Run("screenshots", b.testScreenshots)
}

// browserTest is what the subtests of TestBrowser share.
type browserTest struct {
	browser context.Context // the browser; each visit opens a tab from it
	origin  string          // the test server, "http://127.0.0.1:PORT"
	files   map[string][]byte
}

// newTab opens a tab that closes when the test ends.
func (b *browserTest) newTab(t *testing.T) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(b.browser)
	t.Cleanup(cancel)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return tab
}

// url returns the address of a site path on the test server.
func (b *browserTest) url(sitePath string) string {
	return b.origin + basePath + sitePath
}

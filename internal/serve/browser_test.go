package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atlas/internal/sitetest"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserReloadsAndShowsErrors drives a real headless Chromium through
// what an editor does: open a page, break a file, see the overlay appear
// without touching the browser, fix the file, see it go, edit a template
// and see the edit. Set ATLAS_SCREENSHOTS to a directory to keep a
// screenshot of each step.
func TestBrowserReloadsAndShowsErrors(t *testing.T) {
	browser := sitetest.Chrome()
	if browser == "" {
		t.Skip("no Chromium found ($CHROME_PATH, chromium, chromium-headless-shell, google-chrome); .ci/run installs one")
	}
	dir := sitetest.CopyRepo(t)
	_, hs := preview(t, dir, "/atlas/")

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// Every page records what its Content-Security-Policy refuses: the
	// preview's additions must run under the same policy as the site.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListenJS}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(hs.URL+"/atlas/table-1/")); err != nil {
		t.Fatal(err)
	}

	// waitReload marks the page, then waits until a new page (without the
	// mark) has loaded and cond holds in it.
	mark := func() {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.atlasTestMark = true`)); err != nil {
			t.Fatal(err)
		}
	}
	waitReload := func(step, cond string) {
		t.Helper()
		expr := `!window.atlasTestMark && document.readyState === "complete" && (` + cond + `)`
		deadline := time.Now().Add(20 * time.Second)
		for {
			// Evaluations fail while the page navigates; try again.
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			if err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the page did not reload into a state where %s (last error: %v)", step, cond, err)
			}
			time.Sleep(20 * time.Millisecond)
		}
		vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.atlasCSP || ["the CSP listener did not run"]`))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("%s: Content-Security-Policy violation: %s", step, v)
		}
		if shots := os.Getenv("ATLAS_SCREENSHOTS"); shots != "" {
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(shots, step+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	overlay := `document.getElementById("atlas-build-errors")`

	mark()
	write(t, dir, "data/agreements/zz.yaml", brokenRecord)
	waitReload("1-broken", overlay+` && `+overlay+`.innerText.includes(`+jsString(brokenMsg)+`)`)
	// The overlay has its own stylesheet: it covers the page.
	if pos, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(`+overlay+`).position`)); err != nil || pos != "fixed" {
		t.Errorf("the overlay's position is %q (%v), want fixed: its stylesheet did not load", pos, err)
	}
	// Its button hides it.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("[data-atlas-hide]").click(), true`)); err != nil {
		t.Fatal(err)
	}
	if gone, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!`+overlay)); err != nil || !gone {
		t.Errorf("the overlay is still there after its hide button was clicked (%v)", err)
	}

	mark()
	if err := os.Remove(filepath.Join(dir, "data", "agreements", "zz.yaml")); err != nil {
		t.Fatal(err)
	}
	waitReload("2-fixed", `!`+overlay+` && document.querySelector("h1") !== null`)

	mark()
	tmpl := filepath.Join(dir, "templates", "table-1.html")
	b, err := os.ReadFile(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(b), "<h1>", `<p id="edited">Edited while the browser watched.</p><h1>`, 1)
	if err := os.WriteFile(tmpl, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	waitReload("3-edited", `document.getElementById("edited") !== null`)
}

// cspListenJS runs in every page before its own scripts and records each
// Content-Security-Policy violation in window.atlasCSP.
const cspListenJS = `window.atlasCSP = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.atlasCSP.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + (e.sample ? ": " + e.sample : ""));
});`

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

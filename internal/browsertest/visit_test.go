package browsertest

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeSource is axe-core, injected into every page; see testdata/README.md.
//
//go:embed testdata/axe.min.js
var axeSource string

// visitOptions say how to open a page.
type visitOptions struct {
	width int64 // viewport width in CSS pixels
	noJS  bool  // disable JavaScript before loading the page
	dark  bool  // load the page with prefers-color-scheme: dark (else light)
	axe   bool  // run axe-core in the page, in the light and the dark scheme
	// charts is how long to wait for every chart to draw, reached for
	// as a reader would (checkCharts); zero checks none.
	charts time.Duration
	// then runs in the tab after the checks, while the page is still open,
	// for the caller's own assertions; nil for none.
	then func(ctx context.Context) error
}

// Timeouts of a visit.
const (
	pageTimeout  = 120 * time.Second      // everything a visit does: two runs of axe-core on the largest pages
	chartTimeout = 15 * time.Second       // for every chart to say it is rendered
	quietPeriod  = 250 * time.Millisecond // no request in flight for this long
	quietTimeout = 5 * time.Second        // for the network to be quiet
	pollInterval = 25 * time.Millisecond
)

// visit opens pageURL in tab, with the listeners attached before the
// navigation, and returns every problem it saw. An error is a failure of
// the test's own machinery (the browser died, a timeout), not a problem of
// the page.
func visit(tab context.Context, origin, pageURL string, o visitOptions) ([]string, error) {
	rec := newRecorder(origin)
	listening, stop := context.WithCancel(tab)
	defer stop()
	if err := chromedp.Listen(listening, rec.handle); err != nil {
		return nil, err
	}
	ctx, cancelTimeout := context.WithTimeout(tab, pageTimeout)
	defer cancelTimeout()

	if o.noJS {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			return nil, err
		}
	}
	// Every visit sets the scheme, since a tab keeps its emulation from
	// one page to the next; on a blank page, so that the last page does
	// not redraw its charts for the new scheme while this one is watched.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, err
	}
	if err := emulateScheme(ctx, o.dark); err != nil {
		return nil, err
	}
	if !o.noJS {
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListenJS}); err != nil {
			return nil, err
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.EmulateViewport(o.width, 900),
		chromedp.Navigate(pageURL),
	); err != nil {
		return nil, fmt.Errorf("loading %s: %w", pageURL, err)
	}
	if !o.noJS && o.charts > 0 {
		problems, err := checkCharts(ctx, o.charts)
		if err != nil {
			return nil, err
		}
		rec.add(problems...)
	}
	if o.axe {
		problems, err := runAxeSchemes(ctx, o.dark)
		if err != nil {
			return nil, err
		}
		rec.add(problems...)
	}
	if !o.noJS {
		problems, err := cspViolations(ctx)
		if err != nil {
			return nil, err
		}
		rec.add(problems...)
	}
	if o.then != nil {
		if err := o.then(ctx); err != nil {
			return nil, err
		}
	}
	if err := rec.waitQuiet(ctx); err != nil {
		return nil, err
	}
	return rec.take(), nil
}

// emulateScheme makes the tab's pages see prefers-color-scheme: dark, or
// light.
func emulateScheme(ctx context.Context, dark bool) error {
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	return err
}

// runAxeSchemes runs axe-core in the page as it is loaded, then its rules
// of colour again in the other colour scheme (the stylesheet follows
// prefers-color-scheme, so contrast must hold in both), and puts the page
// back in its own scheme. The other scheme's violations say which scheme
// they are in.
func runAxeSchemes(ctx context.Context, dark bool) ([]string, error) {
	problems, err := runAxe(ctx, nil)
	if err != nil {
		return nil, err
	}
	if err := emulateScheme(ctx, !dark); err != nil {
		return nil, err
	}
	other, err := runAxe(ctx, colourRules)
	if err != nil {
		return nil, err
	}
	name := "dark"
	if dark {
		name = "light"
	}
	for _, p := range other {
		problems = append(problems, "in the "+name+" scheme: "+p)
	}
	return problems, emulateScheme(ctx, dark)
}

// recorder collects the problems that the browser reports about one tab.
// Its handle method runs in chromedp's loop that reads the tab's events, so
// it only records.
type recorder struct {
	origin string // the only origin a page may load from

	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string // requests in flight; loadingFailed has no URL
	last     time.Time                    // when the last request started or ended
}

func newRecorder(origin string) *recorder {
	return &recorder{origin: origin, urls: map[network.RequestID]string{}, last: time.Now()}
}

func (r *recorder) add(problems ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = append(r.problems, problems...)
}

func (r *recorder) handle(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeWarning, runtime.ConsoleAPICalledTypeAssert:
			r.problems = append(r.problems, fmt.Sprintf("console.%s: %s%s", ev.Type, consoleArgs(ev.Args), stackPlace(ev.StackTrace)))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			desc, _, _ := strings.Cut(d.Exception.Description, "\n")
			msg += " " + desc
		}
		r.problems = append(r.problems, fmt.Sprintf("exception: %s (%s:%d)", msg, d.URL, d.LineNumber+1))
	case *cdplog.EventEntryAdded:
		// The browser's own messages: failed loads, blocked content,
		// deprecations, interventions.
		if e := ev.Entry; e.Level == cdplog.EntryLevelError || e.Level == cdplog.EntryLevelWarning {
			r.problems = append(r.problems, fmt.Sprintf("browser %s [%s]: %s %s", e.Level, e.Source, e.Text, e.URL))
		}
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL
		r.urls[ev.RequestID] = u
		r.last = time.Now()
		if !r.local(u) {
			r.problems = append(r.problems, "request to another host: "+u)
		}
	case *network.EventResponseReceived:
		if s := ev.Response.Status; s >= 400 {
			r.problems = append(r.problems, fmt.Sprintf("HTTP %d: %s", s, ev.Response.URL))
		}
	case *network.EventLoadingFinished:
		delete(r.urls, ev.RequestID)
		r.last = time.Now()
	case *network.EventLoadingFailed:
		r.problems = append(r.problems, fmt.Sprintf("failed request: %s: %s", r.urls[ev.RequestID], ev.ErrorText))
		delete(r.urls, ev.RequestID)
		r.last = time.Now()
	}
}

// local reports whether u is the test server's, or a URL that loads nothing
// over the network (data:, blob:, about:).
func (r *recorder) local(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	switch p.Scheme {
	case "data", "blob", "about":
		return true
	}
	return p.Scheme+"://"+p.Host == r.origin
}

// waitQuiet waits until no request has been in flight for quietPeriod, so
// that a request that starts late (a chart's data, a favicon) is seen too.
func (r *recorder) waitQuiet(ctx context.Context) error {
	deadline := time.Now().Add(quietTimeout)
	for {
		r.mu.Lock()
		quiet := len(r.urls) == 0 && time.Since(r.last) >= quietPeriod
		var pending []string
		for _, u := range r.urls {
			pending = append(pending, u)
		}
		r.mu.Unlock()
		switch {
		case quiet:
			return nil
		case time.Now().After(deadline):
			r.add(fmt.Sprintf("requests still in flight after %v: %s", quietTimeout, strings.Join(pending, ", ")))
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.problems
}

// consoleArgs formats the arguments of a console call.
func consoleArgs(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Type == runtime.RemoteObjectTypeString:
			var s string
			if err := json.Unmarshal([]byte(a.Value), &s); err == nil {
				parts = append(parts, s)
				continue
			}
			parts = append(parts, string(a.Value))
		case len(a.Value) > 0:
			parts = append(parts, string(a.Value))
		default:
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// stackPlace formats where a console call came from.
func stackPlace(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d)", f.URL, f.LineNumber+1)
}

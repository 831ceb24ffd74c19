package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"atlas/internal/site"
	"atlas/internal/sitetest"
)

// The tests preview a copy of the repository's own source tree: it is the
// smallest site that builds (Table 1, its sources, its countries), and it
// keeps the tests honest about the real templates.

// preview starts a server on a copy of the source tree, watching it every
// few milliseconds, and an HTTP server for it on 127.0.0.1.
func preview(t testing.TB, dir, base string) (*Server, *httptest.Server) {
	t.Helper()
	s, err := New(Config{Src: os.DirFS(dir), BaseURL: base, Interval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s.Rebuild()
	return previewServer(t, s)
}

// previewServer watches s's source tree and serves it on 127.0.0.1 until
// the test ends.
func previewServer(t testing.TB, s *Server) (*Server, *httptest.Server) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Watch(ctx) }()
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		cancel()
		hs.CloseClientConnections()
		hs.Close()
		<-done
	})
	return s, hs
}

// stream is an open event stream.
type stream struct {
	t  testing.TB
	r  *bufio.Reader
	ch chan Event
}

func listen(t testing.TB, hs *httptest.Server) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", hs.URL+EventsPath, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := hs.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type = %q, want text/event-stream", ct)
	}
	st := &stream{t: t, r: bufio.NewReader(resp.Body), ch: make(chan Event, 16)}
	go func() {
		defer resp.Body.Close()
		defer close(st.ch)
		event := ""
		for {
			line, err := st.r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\n")
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: ") && event == "build":
				var e Event
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &e); err != nil {
					t.Errorf("bad event data %q: %v", line, err)
					return
				}
				st.ch <- e
			}
		}
	}()
	return st
}

// until returns the first build event for which ok holds, skipping
// others: a watcher may see a file half-written and build that too.
func (s *stream) until(ok func(Event) bool) Event {
	s.t.Helper()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case e, open := <-s.ch:
			if !open {
				s.t.Fatal("event stream closed")
			}
			if ok(e) {
				return e
			}
			s.t.Logf("skipped event %+v", e)
		case <-deadline:
			s.t.Fatal("no such build event within 60s")
		}
	}
}

func succeeded(e Event) bool { return e.OK }

// next returns the next build event, failing after a generous timeout.
func (s *stream) next() Event {
	s.t.Helper()
	select {
	case e, ok := <-s.ch:
		if !ok {
			s.t.Fatal("event stream closed")
		}
		return e
	case <-time.After(60 * time.Second):
		s.t.Fatal("no build event within 60s")
	}
	return Event{}
}

func get(t testing.TB, hs *httptest.Server, path string) (int, http.Header, string) {
	t.Helper()
	c := hs.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Get(hs.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

func write(t testing.TB, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestEditReloads(t *testing.T) {
	t.Parallel()
	dir := sitetest.CopyRepo(t)
	_, hs := preview(t, dir, "/")
	events := listen(t, hs)
	first := events.next()
	if !first.OK {
		t.Fatalf("first build failed: %v", first.Errors)
	}
	_, _, page := get(t, hs, "/")
	if !strings.Contains(page, `<script data-atlas-serve src="`+ScriptPath+`" data-gen="`+first.Gen+`"`) {
		t.Errorf("home page does not carry the reload script for generation %s", first.Gen)
	}

	home, err := os.ReadFile(filepath.Join(dir, "templates", "home.html"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "templates/home.html", strings.Replace(string(home), `{{define "main"`, `{{define "main"}}<p>Edited in the preview.</p>{{end}}{{define "unused"`, 1))
	events.until(func(e Event) bool { return e.OK && e.Gen != first.Gen })
	_, _, page = get(t, hs, "/")
	if !strings.Contains(page, "Edited in the preview.") {
		t.Error("the home page does not show the edit")
	}
}

// brokenRecord has a misspelt key on line 3 of a new agreements file.
const brokenRecord = `agreements:
  - id: x
    colour: red
`

const brokenMsg = "data/agreements/zz.yaml:3:5: colour: unknown field (expected one of id, latam, asia, kind, term, year, date, date_basis, status, sources, provenance, wikidata, note)"

func TestBrokenFileShowsOverlayUntilFixed(t *testing.T) {
	t.Parallel()
	dir := sitetest.CopyRepo(t)
	_, hs := preview(t, dir, "/")
	events := listen(t, hs)
	if e := events.next(); !e.OK {
		t.Fatalf("first build failed: %v", e.Errors)
	}
	_, _, good := get(t, hs, "/table-1/")

	write(t, dir, "data/agreements/zz.yaml", brokenRecord)
	events.until(func(e Event) bool { return contains(e.Errors, brokenMsg) })
	code, _, page := get(t, hs, "/table-1/")
	if code != http.StatusOK {
		t.Errorf("status %d while the build is broken, want 200 (the last good site)", code)
	}
	if !strings.Contains(page, `id="atlas-build-errors"`) || !strings.Contains(page, html.EscapeString(brokenMsg)) {
		t.Errorf("page does not show the overlay with %q", brokenMsg)
	}
	// The offending line, with a caret under column 5.
	if want := html.EscapeString("2 |   - id: x\n3 |     colour: red\n  |     ^"); !strings.Contains(page, want) {
		t.Errorf("overlay lacks the source excerpt %q", want)
	}
	if !strings.HasPrefix(page, good[:strings.Index(good, "<script data-atlas-serve ")]) {
		t.Error("the broken build replaced the last good page")
	}

	if err := os.Remove(filepath.Join(dir, "data", "agreements", "zz.yaml")); err != nil {
		t.Fatal(err)
	}
	events.until(succeeded)
	if _, _, page := get(t, hs, "/table-1/"); strings.Contains(page, "atlas-build-errors") {
		t.Error("the overlay is still there after the fix")
	}
}

func TestFirstBuildFails(t *testing.T) {
	t.Parallel()
	dir := sitetest.CopyRepo(t)
	write(t, dir, "data/agreements/zz.yaml", brokenRecord)
	_, hs := preview(t, dir, "/")
	code, _, page := get(t, hs, "/countries/")
	if code != http.StatusInternalServerError || !strings.Contains(page, html.EscapeString(brokenMsg)) {
		t.Errorf("got status %d and a page without %q; want 500 and the overlay", code, brokenMsg)
	}
	events := listen(t, hs)
	events.next()
	if err := os.Remove(filepath.Join(dir, "data", "agreements", "zz.yaml")); err != nil {
		t.Fatal(err)
	}
	events.until(succeeded)
	if code, _, _ := get(t, hs, "/countries/"); code != http.StatusOK {
		t.Errorf("after the fix: status %d, want 200", code)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestServesUnderBasePath(t *testing.T) {
	t.Parallel()
	dir := sitetest.CopyRepo(t)
	s, hs := preview(t, dir, "https://example.github.io/atlas/")
	tests := []struct {
		path     string
		code     int
		location string // for redirects
		ctype    string
		body     string // a substring
	}{
		{path: "/", code: http.StatusFound, location: "/atlas/"},
		{path: "/atlas", code: http.StatusFound, location: "/atlas/"},
		{path: "/atlas/", code: http.StatusOK, ctype: "text/html; charset=utf-8", body: `href="/atlas/static/atlas.css"`},
		{path: "/atlas/countries", code: http.StatusFound, location: "/atlas/countries/"},
		{path: "/atlas/static/atlas.css", code: http.StatusOK, ctype: "text/css; charset=utf-8"},
		{path: "/atlas/data/agreements.csv", code: http.StatusOK, ctype: "text/csv; charset=utf-8"},
		{path: "/atlas/no/such/page/", code: http.StatusNotFound, ctype: "text/html; charset=utf-8", body: "Page not found"},
		{path: "/static/atlas.css", code: http.StatusNotFound, body: "served under /atlas/"},
	}
	for _, tt := range tests {
		code, h, body := get(t, hs, tt.path)
		if code != tt.code {
			t.Errorf("GET %s: status %d, want %d", tt.path, code, tt.code)
		}
		if got := h.Get("Location"); got != tt.location {
			t.Errorf("GET %s: Location %q, want %q", tt.path, got, tt.location)
		}
		if tt.ctype != "" && h.Get("Content-Type") != tt.ctype {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.path, h.Get("Content-Type"), tt.ctype)
		}
		if !strings.Contains(body, tt.body) {
			t.Errorf("GET %s: body lacks %q", tt.path, tt.body)
		}
	}
	resp, err := hs.Client().Head(hs.URL + EventsPath)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("HEAD %s: %v, %v", EventsPath, resp, err)
	}
	// The preview's script is added on the way out, never to the site.
	for name, b := range s.current().files {
		if strings.Contains(string(b), EventsPath) {
			t.Errorf("built file %s contains the preview's event path", name)
		}
	}
}

func TestRefusesPathsOutsideTheOutput(t *testing.T) {
	t.Parallel()
	dir := sitetest.CopyRepo(t)
	_, hs := preview(t, dir, "/")
	addr := strings.TrimPrefix(hs.URL, "http://")
	// Raw request lines: an HTTP client would clean some of these.
	for _, p := range []string{
		"/../go.mod",
		"/static/../../data/sources.yaml",
		"/%2e%2e/data/sources.yaml",
		"/static/%2E%2E/%2e%2e/data/countries.yaml",
		"/static/..%2f..%2fdata%2fcountries.yaml",
		"/static/..%5c..%5cdata%5ccountries.yaml",
		`/static\..\..\data\countries.yaml`,
		"/static/%00",
	} {
		code, body := rawGet(t, addr, p)
		if code != http.StatusBadRequest {
			t.Errorf("GET %s: status %d, want 400", p, code)
		}
		if strings.Contains(body, "countries:") || strings.Contains(body, "sources:") || strings.Contains(body, "module ") {
			t.Errorf("GET %s: served a file outside the output", p)
		}
	}
	// Source files are not part of the output either.
	for _, p := range []string{"/data/sources.yaml", "/templates/_base.html", "/content/cases/biobio.md"} {
		if code, _ := rawGet(t, addr, p); code != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", p, code)
		}
	}
}

// rawGet sends a request line exactly as given.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+addr+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

func TestBuiltSiteHasNoPreviewScript(t *testing.T) {
	t.Parallel()
	files, err := site.Generate(site.Config{Src: os.DirFS(filepath.Join("..", "..")), BaseURL: "/"})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if strings.Contains(string(b), "EventSource") || strings.Contains(string(b), "atlas-build-errors") {
			t.Errorf("%s contains the preview's additions", name)
		}
	}
}

// TestBrokenCaseStudy breaks a case study's front matter and text in the
// ways editors do and checks the position the preview reports.
func TestBrokenCaseStudy(t *testing.T) {
	t.Parallel()
	dir := sitetest.CopyRepo(t)
	_, hs := preview(t, dir, "/")
	events := listen(t, hs)
	events.until(succeeded)
	const good = `---
title: "Test case"
slug: zz-test
summary: "A case study for the preview's tests."
countries: [AR]
sources: [rouvinski-subnational]
updated: 2026-11-22
---

A sentence [@rouvinski-subnational].
`
	tests := []struct {
		name, old, new, want string
	}{
		{"unclosed list", "countries: [AR]", "countries: [AR",
			"content/cases/zz-test.md:5:1: invalid YAML: did not find expected ',' or ']'"},
		{"misspelt key", "summary:", "sumary:",
			"content/cases/zz-test.md:4:1: sumary: unknown field (expected one of title, slug, summary, countries, localities, partners, period, sources, updated, lang, key)"},
		{"unknown citation", "[@rouvinski-subnational]", "[@rouvinski]",
			`content/cases/zz-test.md:10:13: citation: unknown source id "rouvinski" (an id from data/sources.yaml)`},
		// Found only once every page is built, and shown as the others.
		{"broken link", "A sentence", "A [sentence](/nowhere/)",
			`content/cases/zz-test.md:10:3: link: "/nowhere/": no such page or file (a page of the site)`},
	}
	for _, tt := range tests {
		write(t, dir, "content/cases/zz-test.md", strings.Replace(good, tt.old, tt.new, 1))
		e := events.until(func(e Event) bool { return !e.OK })
		if !contains(e.Errors, tt.want) {
			t.Errorf("%s: problems %q, want %q among them", tt.name, e.Errors, tt.want)
		}
		_, _, page := get(t, hs, "/cases/")
		if !strings.Contains(page, html.EscapeString(tt.want)) {
			t.Errorf("%s: the overlay does not show %q", tt.name, tt.want)
		}
		if !strings.Contains(page, "<pre>") {
			t.Errorf("%s: the overlay shows no source excerpt", tt.name)
		}
		write(t, dir, "content/cases/zz-test.md", good)
		events.until(succeeded)
	}
	if _, _, page := get(t, hs, "/cases/zz-test/"); !strings.Contains(page, "<h1>Test case</h1>") || strings.Contains(page, "atlas-build-errors") {
		t.Error("after the fixes, the case study is not shown cleanly")
	}
}

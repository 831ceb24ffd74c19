package serve

import (
	"context"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"

	"atlas/internal/output"
	"atlas/internal/sitepath"
)

// FuzzPathFilter sends the preview's handler requests for any path and
// Host: a path with a ".." segment, a backslash or a NUL is refused, a
// file is served only from the built site and under the base path, and
// only a loopback Host is answered. Seeded from the traversal forms of
// TestRefusesPathsOutsideTheOutput; make fuzz runs it.
func FuzzPathFilter(f *testing.F) {
	for _, p := range []string{
		"/", "/atlas/", "/atlas/countries", "/atlas/static/atlas.css", "/atlas/no/such/",
		"/../go.mod", "/atlas/../../data/sources.yaml", "/atlas/static/../../x", "/atlas/static\\..\\x",
		"/atlas/static/\x00", "/atlas//index.html", "/atlas/./index.html", "//atlas/", EventsPath,
		"/atlas/_atlas/events", "/atlas/%2e%2e/", "/atlas/..%2f",
	} {
		f.Add(p, "127.0.0.1:8080")
	}
	for _, h := range []string{"localhost", "[::1]:1", "evil.example", "127.0.0.1.evil.example:80", "", "[::ffff:127.0.0.1]:8080", "0x7f.1"} {
		f.Add("/atlas/", h)
	}
	base, err := sitepath.ParseBase("/atlas/")
	if err != nil {
		f.Fatal(err)
	}
	files := output.Files{
		"index.html":           []byte("<!DOCTYPE html><title>Home</title><body>home</body>"),
		"countries/index.html": []byte("<!DOCTYPE html><title>Countries</title><body>countries</body>"),
		"static/atlas.css":     []byte("body{}"),
		"404.html":             []byte("<!DOCTYPE html><title>Not found</title><body>404</body>"),
	}
	s := &Server{base: base, subs: map[chan struct{}]bool{}, state: state{gen: "1-1", files: files}}
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	f.Fuzz(func(t *testing.T, p, host string) {
		r := (&http.Request{Method: http.MethodGet, URL: &url.URL{Path: p}, Host: host, Header: http.Header{}}).WithContext(canceled)
		w := httptest.NewRecorder()
		s.serveHTTP(w, r)
		code := w.Code
		if !s.hostAllowed(host) {
			if code != http.StatusMisdirectedRequest {
				t.Fatalf("Host %q: status %d, want 421", host, code)
			}
			return
		}
		name := host
		if h, _, err := net.SplitHostPort(host); err == nil {
			name = h
		}
		name = strings.Trim(name, "[]")
		if ip, err := netip.ParseAddr(name); !strings.EqualFold(name, "localhost") && (err != nil || !ip.Unmap().IsLoopback()) {
			t.Fatalf("Host %q was answered", host)
		}
		if p == EventsPath {
			return
		}
		if allowed(p) && (strings.ContainsAny(p, "\\\x00") || strings.Contains("/"+p+"/", "/../")) {
			t.Fatalf("path %q passed the filter", p)
		}
		if !allowed(p) {
			if code != http.StatusBadRequest {
				t.Fatalf("path %q: status %d, want 400", p, code)
			}
			return
		}
		if code == http.StatusOK {
			rel, ok := strings.CutPrefix(p, base.Path)
			name, _ := lookup(files, rel)
			if _, found := files[name]; !ok || !found || !fs.ValidPath(name) {
				t.Fatalf("path %q: served %q, which is not a file of the site under %s", p, name, base.Path)
			}
			if b := files[name]; !strings.HasPrefix(w.Body.String(), string(b[:min(len(b), 10)])) {
				t.Fatalf("path %q: served something other than %s", p, name)
			}
		}
		if code >= 500 {
			t.Fatalf("path %q: status %d", p, code)
		}
	})
}

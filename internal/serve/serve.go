// Package serve is the local preview: it builds the site in memory, serves
// it over HTTP, watches the source tree and rebuilds when a file changes,
// and tells every open page to reload through server-sent events.
//
// # What it serves
//
// Only the files of the last successful build, looked up by path in
// memory: nothing on disk is ever served, so no request can reach a file
// outside the output. Paths with ".." segments (plain or percent-encoded)
// or backslashes are refused. The site is served under the base URL's
// path ("/atlas/" for -base-url https://example.github.io/atlas/), so the
// preview shows the same URLs as the published site; "/" redirects there.
// A missing page gets the site's own 404.html with status 404, as on
// GitHub Pages.
//
// # Who it answers
//
// A request whose Host header is not a loopback name (localhost,
// 127.0.0.1, [::1], with any port) or the host of the configured address
// gets 421 Misdirected Request: otherwise a page of another site, whose
// name its owner points at 127.0.0.1 (DNS rebinding), could read the
// preview. A preview listening on every interface (0.0.0.0, [::]) takes
// the addresses of this machine's interfaces as its configured address:
// an IP literal that is one of them, and no other address or name. Connections are bounded by read, write and idle timeouts, so
// stalled and idle keep-alive connections are closed; the event stream
// alone has no read or write deadline, since it stays open as long as its
// page. Listening on an address other machines can reach (0.0.0.0, [::],
// a LAN address) is allowed, but the command warns about it (Exposed).
//
// # Reloading
//
// Every HTML response gets a small script before </body> (only here: the
// built site never contains it) that listens on /_atlas/events. Each build,
// good or bad, gets a new generation id; the page knows the generation it
// was served from and reloads when the server announces another one, so a
// page that was loaded between a build and its announcement still
// reloads, and so does every page after the server restarts.
//
// # Errors
//
// A failed rebuild keeps the last good site and adds an overlay to every
// page listing the problems, one "path:line:col: field: problem" per line.
// A file or directory that cannot be read is one of them: it does not
// stop the preview.
// The next good build reloads the pages without it.
//
// # Watching
//
// content/, data/, templates/ and static/ are polled every Interval, by
// comparing the modification time and size of every file (and the set of
// files). Polling with the standard library keeps the tool dependency-free
// and works the same on every system and file system, including network
// and container mounts where inotify events are unreliable; a walk of the
// source tree takes under a millisecond here (BenchmarkSnapshot). Editor
// scratch files (names starting with "." or ending in "~" or "#") are
// ignored. A build that overlaps a save is redone (see Watch).
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"sync"
	"time"

	"atlas/internal/output"
	"atlas/internal/site"
	"atlas/internal/sitepath"
)

// DefaultInterval is how often the source tree is polled for changes.
const DefaultInterval = 50 * time.Millisecond

// GCPercent is the garbage collector's target for a preview process (see
// runtime/debug.SetGCPercent). A build allocates a lot and keeps little,
// so collecting less often makes rebuilds markedly faster for a few more
// megabytes of memory; the command sets it, the benchmarks too.
const GCPercent = 400

// WatchDirs are the source directories whose changes trigger a rebuild.
var WatchDirs = []string{"content", "data", "templates", "static"}

// Config says what to preview.
type Config struct {
	Src     fs.FS  // the source tree, as for site.Config
	BaseURL string // as for site.Config
	// Addr is the address the preview listens on ("127.0.0.1:8080"):
	// besides the loopback names, its host is the only Host a request
	// may name (see the package doc).
	Addr     string
	Interval time.Duration
	Log      io.Writer // one line per build; nil for none
}

// Server builds, serves and watches a site.
type Server struct {
	cfg  Config
	base sitepath.Base
	// interfaceAddrs lists this machine's addresses, for a preview that
	// listens on every interface (net.InterfaceAddrs when nil).
	interfaceAddrs func() ([]net.Addr, error)
	start          int64 // makes generation ids differ across restarts
	timeouts       timeouts

	mu     sync.RWMutex
	builds int // number of builds so far
	state  state
	subs   map[chan struct{}]bool // one per open event stream
	built  snapshot               // the source tree as Rebuild last saw it
}

// state is the outcome of the latest build.
type state struct {
	gen      string
	files    output.Files // the last good site; nil before the first one
	errs     []string     // the latest build's problems, one per line; nil if it succeeded
	problems []problem    // the same problems with source excerpts, for the overlay
}

// New returns a server for cfg. It does not build: call Rebuild.
func New(cfg Config) (*Server, error) {
	base, err := sitepath.ParseBase(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	return &Server{cfg: cfg, base: base, start: time.Now().UnixNano(), timeouts: defaultTimeouts,
		subs: map[chan struct{}]bool{}}, nil
}

// Rebuild builds the site, keeps the result if it succeeded, and tells
// every open page. It reports whether the build succeeded. Watch starts
// from the source tree as this build saw it, so that no change made
// between the two is missed.
func (s *Server) Rebuild() bool {
	snap, err := take(s.cfg.Src)
	if err == nil {
		s.mu.Lock()
		s.built = snap
		s.mu.Unlock()
	}
	return s.publish(s.generate())
}

// build is the outcome of one build, not yet published.
type build struct {
	files    output.Files
	errs     []string
	problems []problem
	took     time.Duration
}

func (s *Server) generate() build {
	t0 := time.Now()
	files, err := site.Generate(site.Config{Src: s.cfg.Src, BaseURL: s.cfg.BaseURL})
	b := build{files: files, took: time.Since(t0).Round(time.Millisecond)}
	if err != nil {
		b.files, b.problems = nil, explain(s.cfg.Src, err)
		b.errs = make([]string, len(b.problems))
		for i, p := range b.problems {
			b.errs[i] = p.Text
		}
	}
	return b
}

// publish makes b the current state and wakes every event stream.
func (s *Server) publish(b build) bool {
	s.mu.Lock()
	s.builds++
	s.state.gen = fmt.Sprintf("%d-%d", s.start, s.builds)
	s.state.errs = b.errs
	s.state.problems = b.problems
	if b.errs == nil {
		s.state.files = b.files
	}
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default: // already pending
		}
	}
	s.mu.Unlock()

	if b.errs != nil {
		for _, e := range b.errs {
			fmt.Fprintln(s.cfg.Log, e)
		}
		fmt.Fprintf(s.cfg.Log, "build failed in %v; serving the last good site\n", b.took)
		return false
	}
	fmt.Fprintf(s.cfg.Log, "built %d files in %v\n", len(b.files), b.took)
	return true
}

func (s *Server) current() state {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.state
}

// Run builds the site, serves it on l and rebuilds on every change until
// ctx is done.
func (s *Server) Run(ctx context.Context, l net.Listener) error {
	s.Rebuild()
	srv := s.httpServer(ctx)
	// The watcher stops when the server fails, so the preview never goes
	// on watching with nothing serving.
	wctx, stop := context.WithCancel(ctx)
	defer stop()
	errc := make(chan error, 1)
	go func() {
		errc <- srv.Serve(l)
		stop()
	}()
	werr := s.Watch(wctx)
	shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	if errors.Is(werr, context.Canceled) {
		return nil
	}
	return werr
}

// timeouts bound how long a connection may take over each part of an
// exchange, so that stalled or idle connections are closed rather than
// kept for ever.
type timeouts struct {
	readHeader, read, write, idle time.Duration
}

// defaultTimeouts are generous for a local preview: a page of the site
// is written in milliseconds. The event stream lifts the read and write
// deadlines for itself (see events).
var defaultTimeouts = timeouts{readHeader: 10 * time.Second, read: 30 * time.Second, write: 30 * time.Second, idle: 30 * time.Second}

// httpServer is the HTTP server of Run, with the timeouts of s.
func (s *Server) httpServer(ctx context.Context) *http.Server {
	return &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: s.timeouts.readHeader,
		ReadTimeout:       s.timeouts.read,
		WriteTimeout:      s.timeouts.write,
		IdleTimeout:       s.timeouts.idle,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
}

// URL is the address to open for a server listening on addr.
func (s *Server) URL(addr string) string {
	return "http://" + addr + s.base.Path
}

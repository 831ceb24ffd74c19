package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"atlas/internal/sitetest"
)

// TestHostHeader: a request naming a foreign host was served, so a page
// of any site whose name resolves to 127.0.0.1 (DNS rebinding) could read
// the preview. Now only loopback names and the configured address are.
func TestHostHeader(t *testing.T) {
	tests := []struct {
		addr, host string
		ok         bool
	}{
		{"", "127.0.0.1:8080", true},
		{"", "localhost:8080", true},
		{"", "LocalHost", true},
		{"", "[::1]:8080", true},
		{"", "127.0.0.1", true},
		{"", "evil.example:8080", false},
		{"", "evil.example", false},
		{"", "localhost.evil.example", false},
		{"", "127.0.0.1.evil.example", false},
		{"", "", false},
		{"", "192.168.1.5:8080", false},
		{"", "::01%]", false}, // found by FuzzPathFilter: ::1 with the zone "]"
		{"", "[::1%25eth0]:8080", false},
		{"127.0.0.1:8080", "evil.example:8080", false},
		{"192.168.1.5:8080", "192.168.1.5:8080", true},
		{"192.168.1.5:8080", "evil.example:8080", false},
		{"atlas.lan:8080", "atlas.lan:8080", true},
		{"192.168.1.5:8080", "[::ffff:192.168.1.5]:8080", true},
		{"192.168.1.5:8080", "192.168.1.6:8080", false},
		{"192.168.1.5:8080", "localhost:8080", true},
		// Listening on every interface, the configured address stands for
		// this machine's addresses (192.168.1.5 and fe80::1 here): any
		// other IP literal was accepted, and is refused now.
		{"0.0.0.0:8080", "192.168.1.5:8080", true},
		{"0.0.0.0:8080", "[::ffff:192.168.1.5]:8080", true},
		{"0.0.0.0:8080", "0.0.0.0:8080", true},
		{"0.0.0.0:8080", "127.0.0.1:8080", true},
		{"0.0.0.0:8080", "10.9.9.9:8080", false},
		{"0.0.0.0:8080", "8.8.8.8", false},
		{"0.0.0.0:8080", "[2001:db8::1]:8080", false},
		{"0.0.0.0:8080", "evil.example:8080", false},
		{"0.0.0.0:8080", "192.168.1.5.nip.io:8080", false},
		{"0.0.0.0:8080", "3232235781:8080", false}, // 192.168.1.5 as a number
		{"0.0.0.0:8080", "0300.0250.01.05:8080", false},
		{"[::]:8080", "[fe80::1]:8080", true},
		{"[::]:8080", "[fe80::2]:8080", false},
		{"[::]:8080", "[::]:8080", true},
		{":8080", "[fe80::1]:8080", true},
		{":8080", "192.168.1.5", true},
		{":8080", "172.16.0.1", false},
		{":8080", "evil.example:8080", false},
	}
	local := func() ([]net.Addr, error) {
		return []net.Addr{
			&net.IPNet{IP: net.IPv4(127, 0, 0, 1), Mask: net.CIDRMask(8, 32)},
			&net.IPNet{IP: net.IPv4(192, 168, 1, 5), Mask: net.CIDRMask(24, 32)},
			&net.IPNet{IP: net.ParseIP("fe80::1"), Mask: net.CIDRMask(64, 128)},
		}, nil
	}
	for _, tt := range tests {
		s := &Server{cfg: Config{Addr: tt.addr}, interfaceAddrs: local}
		if got := s.hostAllowed(tt.host); got != tt.ok {
			t.Errorf("addr %q, Host %q: allowed %v, want %v", tt.addr, tt.host, got, tt.ok)
		}
	}
}

// TestForeignHostRefused sends real requests with a foreign Host header,
// to a page and to the event stream.
func TestForeignHostRefused(t *testing.T) {
	t.Parallel()
	dir := sitetest.Write(t, sitetest.Minimal)
	_, hs := preview(t, dir, "/")
	addr := strings.TrimPrefix(hs.URL, "http://")
	for _, target := range []string{"/", "/data/agreements.csv", EventsPath} {
		code, body := hostGet(t, addr, target, "evil.example:"+port(addr))
		if code != http.StatusMisdirectedRequest || strings.Contains(body, "<html") || strings.Contains(body, "event:") {
			t.Errorf("GET %s with a foreign Host: status %d, want %d and no content", target, code, http.StatusMisdirectedRequest)
		}
		if code, _ := hostGet(t, addr, target, "localhost:"+port(addr)); target != EventsPath && code != http.StatusOK {
			t.Errorf("GET %s with Host localhost: status %d, want 200", target, code)
		}
	}
}

func port(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// hostGet sends one request with the given Host header and reads the
// start of the answer.
func hostGet(t *testing.T, addr, target, host string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: "+host+"\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, string(b)
}

// TestExposed: -addr 0.0.0.0 bound every interface without a word. The
// command now warns whenever Exposed says other machines can connect.
func TestExposed(t *testing.T) {
	for _, tt := range []struct {
		addr string
		want bool
	}{
		{"127.0.0.1:8080", false},
		{"127.1.2.3:8080", false},
		{"[::1]:8080", false},
		{"0.0.0.0:8080", true},
		{"[::]:8080", true},
		{"192.168.1.5:8080", true},
	} {
		a, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := Exposed(a); got != tt.want {
			t.Errorf("Exposed(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// TestTimeouts: idle keep-alive connections were never closed. Now they
// are, after the idle timeout, while the event stream outlives the read
// and write timeouts that bound every other request.
func TestTimeouts(t *testing.T) {
	t.Parallel()
	dir := sitetest.Write(t, sitetest.Minimal)
	s, err := New(Config{Src: os.DirFS(dir), BaseURL: "/", Interval: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	const short = 300 * time.Millisecond
	s.timeouts = timeouts{readHeader: short, read: short, write: short, idle: short}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, l) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	addr := l.Addr().String()

	// An idle keep-alive connection is closed by the server.
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	io.WriteString(conn, "GET /robots.txt HTTP/1.1\r\nHost: "+addr+"\r\n\r\n")
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start := time.Now()
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Errorf("idle connection: read %v, want EOF (closed by the server)", err)
	} else if time.Since(start) > 5*time.Second {
		t.Errorf("idle connection closed after %v", time.Since(start))
	}

	// The event stream carries a build announced after several read and
	// write timeouts.
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://"+addr+EventsPath, nil)
	stream, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(stream.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "data: ") {
				events <- sc.Text()
			}
		}
		close(events)
	}()
	first := <-events
	time.Sleep(4 * short)
	s.Rebuild()
	select {
	case e, ok := <-events:
		if !ok || e == first {
			t.Errorf("event stream: got %q (open %v), want a new build", e, ok)
		}
	case <-time.After(10 * time.Second):
		t.Error("event stream: no event after the rebuild")
	}
}

// lockedFS fails to read one directory while locked is set, as a
// directory without read permission does (root reads any directory, so
// the test cannot use chmod).
type lockedFS struct {
	fs.FS
	dir    string
	locked *atomic.Bool
}

func (l lockedFS) Open(name string) (fs.File, error) {
	if l.locked.Load() && (name == l.dir || strings.HasPrefix(name, l.dir+"/")) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return l.FS.Open(name)
}

// TestUnreadableDirectory: a directory under content/ that could not be
// read ended the preview. Now the overlay shows it, the last good site is
// served, and the next change after it is readable again rebuilds.
func TestUnreadableDirectory(t *testing.T) {
	t.Parallel()
	dir := sitetest.Write(t, sitetest.Minimal+"-- content/cases/locked/.keep --\n")
	locked := &atomic.Bool{}
	s, err := New(Config{Src: lockedFS{os.DirFS(dir), "content/cases/locked", locked}, BaseURL: "/", Interval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	s.Rebuild()
	_, hs := previewServer(t, s)
	events := listen(t, hs)
	events.until(succeeded)
	locked.Store(true)
	const want = "content/cases/locked: cannot read: permission denied"
	events.until(func(e Event) bool { return contains(e.Errors, want) })
	code, _, page := get(t, hs, "/")
	if code != http.StatusOK || !strings.Contains(page, want) {
		t.Errorf("status %d; want 200 and the overlay showing %q", code, want)
	}
	locked.Store(false)
	events.until(succeeded)
}

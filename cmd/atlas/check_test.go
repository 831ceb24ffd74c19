package main

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/site"
	"atlas/internal/sitetest"
)

func TestCheckRepository(t *testing.T) {
	for _, base := range []string{"/", "/atlas/", "https://example.github.io/atlas/"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"check", "-src", filepath.Join("..", ".."), "-base-url", base}, &stdout, &stderr); code != exitOK {
			t.Errorf("atlas check -base-url %s: exit %d, want 0\n%s", base, code, stderr.String())
		}
	}
}

func TestCheckReportsBrokenLinks(t *testing.T) {
	src := sitetest.CopyRepo(t)
	name := filepath.Join(src, "templates", "404.html")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	const h1 = `<h1>{{t "page.404.title"}}</h1>`
	if !bytes.Contains(b, []byte(h1)) {
		t.Fatalf("%s has no %s to add the broken links after", name, h1)
	}
	b = bytes.Replace(b, []byte(h1), []byte(h1+`
<p><a href="{{url "countries/"}}#nowhere">anchor</a> <a href="{{url "no-such-page/"}}">page</a> <img src="/escape.png" alt=""></p>`), 1)
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "-src", src, "-base-url", "/atlas/"}, &stdout, &stderr)
	if code != exitInput {
		t.Errorf("exit %d, want %d", code, exitInput)
	}
	// The line in the built page, wherever the layout puts it.
	files, err := site.Generate(site.Config{Src: os.DirFS(src), BaseURL: "/atlas/"})
	if err != nil {
		t.Fatal(err)
	}
	line := 1 + strings.Count(strings.Split(string(files["404.html"]), "#nowhere")[0], "\n")
	got := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	// Every language's tree has its 404 page, and its links lead into
	// that tree.
	var want []string
	for _, tree := range []string{"", "es/", "pt/"} {
		want = append(want,
			fmt.Sprintf(`%s404.html:%d: /atlas/%scountries/#nowhere: no id "nowhere" on %scountries/index.html`, tree, line, tree, tree),
			fmt.Sprintf(`%s404.html:%d: /atlas/%sno-such-page/: no such page or file`, tree, line, tree),
			fmt.Sprintf(`%s404.html:%d: /escape.png: escapes the site's base path /atlas/`, tree, line))
	}
	want = append(want, `atlas check: 9 broken link(s) in the site built for /atlas/`)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestNewCase(t *testing.T) {
	src := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new", "case", "-src", src, "Chaco", "(Argentina)", "and", "Henan"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	name := filepath.Join(src, "content", "cases", "chaco-argentina-and-henan.md")
	if _, err := os.Stat(name); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "http://127.0.0.1:8080/cases/chaco-argentina-and-henan/") {
		t.Errorf("the command does not say where to see the page:\n%s", stdout.String())
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"new", "case", "-src", src, "Chaco (Argentina) and Henan"}, exitInput, "already exists"},
		// Flags after the title are flags, not words of the title.
		{[]string{"new", "case", "Chaco (Argentina) and Henan", "-src", src}, exitInput, "already exists"},
		{[]string{"new", "case", "-src", src, "¿?"}, exitInput, "empty slug"},
		{[]string{"new", "case"}, exitUsage, "usage"},
		{[]string{"new", "page", "X"}, exitUsage, "usage"},
	} {
		stderr.Reset()
		if code := run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("atlas %q: exit %d, stderr %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.msg)
		}
	}
}

// TestExposedWarning: -addr 0.0.0.0 bound every interface with one line
// among the build lines. The warning is now a block that says who can
// read the preview and what it answers to; a loopback address gets none.
func TestExposedWarning(t *testing.T) {
	for _, tt := range []struct {
		addr    string
		answers string // "" for no warning
	}{
		{"127.0.0.1:8080", ""},
		{"[::1]:8080", ""},
		{"0.0.0.0:8080", "this machine's own addresses"},
		{"[::]:8080", "this machine's own addresses"},
		{"192.168.1.5:8080", "192.168.1.5"},
	} {
		a, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		got := exposedWarning(a)
		if tt.answers == "" {
			if got != "" {
				t.Errorf("%s: warned:\n%s", tt.addr, got)
			}
			continue
		}
		lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
		for _, want := range []string{
			"listens on " + a.String() + ", which OTHER MACHINES CAN REACH",
			"answers only requests for localhost, 127.0.0.1, [::1] and " + tt.answers + ".",
			"use -addr 127.0.0.1:PORT",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the warning lacks %q:\n%s", tt.addr, want, got)
			}
		}
		for _, l := range lines {
			if !strings.HasPrefix(l, "atlas serve: WARNING") {
				t.Errorf("%s: line %q does not start with the warning's prefix", tt.addr, l)
			}
		}
		if len(lines) < 4 {
			t.Errorf("%s: %d lines, want a block of at least 4:\n%s", tt.addr, len(lines), got)
		}
	}
}

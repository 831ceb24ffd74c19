//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitetest"
)

// TestLinksAndPipes: symbolic links under content/ and data/ were followed
// and published, and a FIFO hung the build for ever. Now each is reported
// at its path and never opened; hidden ones (an editor's lock link) are
// skipped.
func TestLinksAndPipes(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte("---\n---\nsecret"), 0o644); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	for _, l := range []struct{ target, name string }{
		{secret, "content/cases/linked.md"},
		{secret, "content/cases/.#biobio.md"},
		{elsewhere, "data/published/more"},
		{filepath.Join(src, "data", "sources.yaml"), "data/agreements/cl.yaml"},
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(src, l.name)), 0o755)
		if err := os.Symlink(l.target, filepath.Join(src, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"content/pages/pipe.md", "data/agreements/pe.yaml"} {
		os.MkdirAll(filepath.Dir(filepath.Join(src, name)), 0o755)
		if err := syscall.Mkfifo(filepath.Join(src, name), 0o644); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
	}
	code, _, stderr := runAtlas("build", "-src", src, "-out", filepath.Join(t.TempDir(), "public"))
	const link = "symbolic link, not followed (the build reads only regular files; replace it by the file itself)"
	const pipe = "named pipe (FIFO), not opened (the build reads only regular files; replace it by the file itself)"
	want := []string{
		"content/cases/linked.md: " + link,
		"content/pages/pipe.md: " + pipe,
		"data/agreements/cl.yaml: " + link,
		"data/agreements/pe.yaml: " + pipe,
		"data/published/more: " + link,
		"atlas: 5 problem(s); nothing was written",
	}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSpace(stderr), "\n")); code != exitInput || diff != "" {
		t.Errorf("exit %d, stderr (-want +got):\n%s", code, diff)
	}
}

// TestStaticLinksAndPipes: under static/, symbolic links were skipped
// without a word and a FIFO hung the build. Now static/ is read as
// content/ and data/ are: each is an error at its path, never opened.
func TestStaticLinksAndPipes(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	for _, l := range []struct{ target, name string }{
		{"/etc/hostname", "static/host.txt"},
		{t.TempDir(), "static/more"},
		{"/etc/hostname", "static/.git/linked"},
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(src, l.name)), 0o755)
		if err := os.Symlink(l.target, filepath.Join(src, l.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(src, "static", "pipe.css"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	code, _, stderr := runAtlas("build", "-src", src, "-out", filepath.Join(t.TempDir(), "public"))
	const link = "symbolic link, not followed (the build reads only regular files; replace it by the file itself)"
	const pipe = "named pipe (FIFO), not opened (the build reads only regular files; replace it by the file itself)"
	want := []string{
		"static/host.txt: " + link,
		"static/more: " + link,
		"static/pipe.css: " + pipe,
		"atlas: 3 problem(s); nothing was written",
	}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSpace(stderr), "\n")); code != exitInput || diff != "" {
		t.Errorf("exit %d, stderr (-want +got):\n%s", code, diff)
	}
}

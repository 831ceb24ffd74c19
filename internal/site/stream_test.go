package site

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"atlas/internal/output"
	"atlas/internal/sitetest"
)

// TestBuildToWritesGenerate checks that the streaming build writes
// exactly the files that Generate makes in memory, and reports the same
// counts.
func TestBuildToWritesGenerate(t *testing.T) {
	cfg := Config{Src: os.DirFS(sitetest.Root(t)), BaseURL: "/", Year: 2026, Date: testDate}
	files, err := Generate(cfg)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	d, err := output.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	res, err := BuildTo(context.Background(), d, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := Summarize(files)
	if res.Pages != want.Pages || res.Files != want.Files || res.Bytes != want.Bytes {
		t.Errorf("BuildTo: %d pages, %d files, %d bytes; Generate: %d, %d, %d", res.Pages, res.Files, res.Bytes, want.Pages, want.Files, want.Bytes)
	}
	for _, name := range files.Names() {
		got, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("%s: the streaming build wrote other bytes than Generate", name)
		}
	}
}

// TestBuildToCanceled checks that a build whose context is done leaves the
// previous output as it was.
func TestBuildToCanceled(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := output.Write(out, output.Files{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	d, err := output.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := BuildTo(ctx, d, Config{Src: os.DirFS(sitetest.Root(t)), BaseURL: "/", Year: 2026, Date: testDate}); err == nil {
		t.Fatal("a canceled build succeeded")
	}
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "old" {
		t.Errorf("after a canceled build, index.html is %q (%v), want the previous one", b, err)
	}
}

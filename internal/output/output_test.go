package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWriteSwaps(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Files{"index.html": []byte("one"), "a/b.txt": []byte("b")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(out, Files{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || string(b) != "two" {
		t.Fatalf("index.html = %q, %v; want two", b, err)
	}
	if _, err := os.Stat(filepath.Join(out, "a")); !os.IsNotExist(err) {
		t.Errorf("a file of the previous build survived: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("temporary directories left beside the output: %v", entries)
	}
}

func TestWriteRefusesForeignDirectory(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(out, Files{"index.html": nil})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "notes.txt")); string(b) != "mine" {
		t.Error("the directory was changed")
	}
}

func TestAddRejectsEscapes(t *testing.T) {
	f := Files{}
	for _, name := range []string{"../x", "/abs", "a/../../b", "", "a//b"} {
		if err := f.Add(name, nil); err == nil {
			t.Errorf("Add(%q) accepted", name)
		}
	}
	if err := f.Add("ok/index.html", nil); err != nil {
		t.Error(err)
	}
	if err := f.Add("ok/index.html", nil); err == nil {
		t.Error("a second Add of the same path was accepted")
	}
}

// writeTree writes files under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range entries {
		ns = append(ns, e.Name())
	}
	return ns
}

// TestWriteRefusesUnmarkedSite: a directory holding an index.html beside
// someone's own files used to be replaced, deleting them.
func TestWriteRefusesUnmarkedSite(t *testing.T) {
	out := t.TempDir()
	mine := map[string]string{"index.html": "my page", "thesis.tex": "chapter 1", "photos/a.jpg": "jpeg"}
	writeTree(t, out, mine)
	err := Write(out, Files{"index.html": []byte("site")})
	want := "refusing to replace " + out + ": it is not empty and has no .atlas-manifest, so the atlas did not write it (remove it yourself, or choose another -out)"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	if diff := cmp.Diff(mine, readTree(t, out)); diff != "" {
		t.Errorf("the directory was changed (-before +after):\n%s", diff)
	}
}

// TestWriteMarksOutput: every output carries the manifest, which lets the
// next build replace it.
func TestWriteMarksOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Files{"index.html": []byte("one"), "a/b.txt": nil}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, Manifest))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(b), "\na/b.txt\nindex.html\n") {
		t.Errorf("manifest = %q, want the files listed", b)
	}
	if err := Write(out, Files{"index.html": []byte("two")}); err != nil {
		t.Fatalf("a marked output was not replaced: %v", err)
	}
	if err := Write(filepath.Join(out, "index.html"), Files{"x": nil}); err == nil {
		t.Error("a file was accepted as the output directory")
	}
}

// TestRepairAfterKill recreates what a build killed during its swap left:
// the output moved aside (.old) and the new one not yet renamed, beside a
// partial build killed earlier. The next build, and even an Open without
// a build (a failing build), restores an output and removes the rest.
func TestRepairAfterKill(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	old := map[string]string{"index.html": "old", Manifest: "# old\n"}
	writeTree(t, filepath.Join(parent, ".public.new-123.old"), old)
	writeTree(t, filepath.Join(parent, ".public.new-123"), map[string]string{"index.html": "new"})
	writeTree(t, filepath.Join(parent, ".public.new-456"), map[string]string{"partial": ""})
	writeTree(t, filepath.Join(parent, ".public.new-x"), map[string]string{"not ours": ""})
	writeTree(t, filepath.Join(parent, ".other.new-789"), map[string]string{"not ours": ""})

	d, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	if diff := cmp.Diff(old, readTree(t, out)); diff != "" {
		t.Errorf("the old output was not restored (-want +got):\n%s", diff)
	}
	want := []string{".other.new-789", ".public.new-x", "public"}
	if diff := cmp.Diff(want, names(t, parent)); diff != "" {
		t.Errorf("beside the output (-want +got):\n%s", diff)
	}

	writeTree(t, filepath.Join(parent, ".public.new-99"), map[string]string{"partial": ""})
	if err := Write(out, Files{"index.html": []byte("newest")}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, names(t, parent)); diff != "" {
		t.Errorf("after a build, beside the output (-want +got):\n%s", diff)
	}
}

// TestWriteCancelled: a build stopped by a signal (a cancelled context)
// removes what it wrote and leaves the previous output.
func TestWriteCancelled(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if err := Write(out, Files{"index.html": []byte("one")}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	d, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := d.Write(ctx, Files{"index.html": []byte("two"), "b": nil}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if diff := cmp.Diff(before, readTree(t, out)); diff != "" {
		t.Errorf("output changed (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff([]string{".public.lock", "public"}, names(t, parent)); diff != "" {
		t.Errorf("beside the output (-want +got):\n%s", diff)
	}
}

// TestConcurrentWrites: builds into one output used to fail with
// "rename …: directory not empty"; now one holds the lock and the others
// are told so.
func TestConcurrentWrites(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	d, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Open(out)
	want := "output " + out + ": another build is writing it (it holds " + filepath.Join(parent, ".public.lock") + "); wait for it to finish"
	if err == nil || err.Error() != want {
		t.Errorf("second Open: %v\nwant %s", err, want)
	}
	d.Close()
	if diff := cmp.Diff([]string(nil), names(t, parent)); diff != "" {
		t.Errorf("Close left files (-want +got):\n%s", diff)
	}

	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			errs[i] = Write(out, Files{"index.html": []byte{byte('a' + i)}, "x/y": nil})
		})
	}
	wg.Wait()
	wrote := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wrote++
		case !strings.Contains(err.Error(), "another build is writing it"):
			t.Errorf("concurrent Write: %v", err)
		}
	}
	if wrote == 0 {
		t.Error("no concurrent Write succeeded")
	}
	if diff := cmp.Diff([]string{"public"}, names(t, parent)); diff != "" {
		t.Errorf("beside the output (-want +got):\n%s", diff)
	}
}

package output

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestStreamMatchesWrite(t *testing.T) {
	files := Files{"index.html": []byte("home"), "a/b/index.html": []byte("b"), "data/x.csv": []byte("1,2")}
	dir := t.TempDir()
	viaWrite, viaStream := filepath.Join(dir, "w"), filepath.Join(dir, "s")
	if err := Write(viaWrite, files); err != nil {
		t.Fatal(err)
	}
	d, err := Open(viaStream)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st, err := d.Stream()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for name, data := range files {
		wg.Go(func() {
			if err := st.Add(name, data); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n, b := st.Count(); n != 3 || b != 8 {
		t.Errorf("Count = %d files, %d bytes; want 3, 8", n, b)
	}
	if err := st.Add("index.html", nil); err == nil {
		t.Error("a second index.html was accepted")
	}
	if err := st.Add("../x", nil); err == nil {
		t.Error("a path outside the output was accepted")
	}
	if err := st.Commit(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, name := range append(files.Names(), Manifest) {
		a, err1 := os.ReadFile(filepath.Join(viaWrite, name))
		b, err2 := os.ReadFile(filepath.Join(viaStream, name))
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("%s: Write gave %q (%v), Stream %q (%v)", name, a, err1, b, err2)
		}
	}
	if err := st.Add("late.html", nil); err == nil {
		t.Error("a file was accepted after Commit")
	}
}

func TestStreamAbortKeepsPrevious(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := Write(out, Files{"index.html": []byte("old")}); err != nil {
		t.Fatal(err)
	}
	d, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	st, err := d.Stream()
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Add("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	if b, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(b) != "old" {
		t.Errorf("after Abort, index.html is %q (%v), want the previous build's", b, err)
	}
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "public" && e.Name() != ".public.lock" {
			t.Errorf("Abort left %s beside the output", e.Name())
		}
	}
	if err := st.Commit(context.Background()); err == nil {
		t.Error("Commit after Abort succeeded")
	}
}

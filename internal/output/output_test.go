package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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

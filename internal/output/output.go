// Package output is the only writer to disk. It writes a built site into a
// temporary directory beside the output directory and swaps it in only
// when every file was written, so a failed build leaves the previous output
// as it was.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
)

// Files maps slash-separated paths inside the output to their contents.
type Files map[string][]byte

// Add stores a file, rejecting a path that would escape the output.
func (f Files) Add(name string, data []byte) error {
	clean := path.Clean(name)
	if !fs.ValidPath(clean) || clean != name || clean == "." {
		return fmt.Errorf("invalid output path %q", name)
	}
	if _, dup := f[name]; dup {
		return fmt.Errorf("output path %q written twice", name)
	}
	f[name] = data
	return nil
}

// Names returns the paths in sorted order.
func (f Files) Names() []string {
	names := make([]string, 0, len(f))
	for n := range f {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Write replaces the directory out with files. out is replaced only if it
// does not exist, is empty, or holds a site (an index.html): Write never
// deletes a directory it did not make.
func Write(out string, files Files) (err error) {
	out = filepath.Clean(out)
	if err := replaceable(out); err != nil {
		return err
	}
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	for _, name := range files.Names() {
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return swap(tmp, out)
}

// swap moves tmp to out, moving any previous out aside first and removing
// it afterwards.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

func replaceable(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output %s: %w", out, err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and holds no index.html, so it is not a built site", out)
	}
	return nil
}

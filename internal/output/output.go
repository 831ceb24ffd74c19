// Package output is the only writer to disk. It writes a built site into a
// temporary directory beside the output directory and swaps it in only
// when every file was written, so a failed build leaves the previous output
// as it was.
//
// Every output directory holds a manifest (Manifest) listing the files the
// build wrote; it marks the directory as the atlas's. Write replaces only
// a directory that has one, or an empty or missing directory, so it never
// deletes a directory it did not make. Builds into one directory take a
// lock beside it (see Open), and an interrupted build's leftovers, which
// only ever sit beside the output under names of its own, are repaired by
// the next build.
package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Manifest is the file at the top of every output directory that marks it
// as written by the atlas and lists the files of the build.
const Manifest = ".atlas-manifest"

// manifestHeader opens the manifest.
const manifestHeader = "# Written by the atlas build: this directory is its output and is replaced\n# by the next build. The files of this build:\n"

// Files maps slash-separated paths inside the output to their contents.
type Files map[string][]byte

// Add stores a file, rejecting a path that would escape the output.
func (f Files) Add(name string, data []byte) error {
	if err := ValidName(name); err != nil {
		return err
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

// manifest lists the files, one a line, under a header that says what the
// file is for.
func (f Files) manifest() []byte {
	var b strings.Builder
	b.WriteString(manifestHeader)
	for _, n := range f.Names() {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// Write replaces the directory out with files: it opens out (see Open),
// writes and closes it.
func Write(out string, files Files) error {
	d, err := Open(out)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Write(context.Background(), files)
}

// Dir is an output directory opened for one build.
type Dir struct {
	out    string // the output directory, cleaned
	parent string // the directory holding it
	base   string // its name
	lock   *lock
}

// Open prepares the directory out for a build: it takes the lock beside
// it, so that builds into out run one at a time; repairs what an
// interrupted build left beside it; and checks that out may be replaced.
// The caller must Close the Dir.
func Open(out string) (*Dir, error) {
	out = filepath.Clean(out)
	parent, base := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if base == "" || base == "." || base == ".." {
		return nil, fmt.Errorf("output %s: not a directory the build can replace (name a directory, such as public)", out)
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	d := &Dir{out: out, parent: parent, base: base}
	l, err := acquire(filepath.Join(parent, "."+base+".lock"), out)
	if err != nil {
		return nil, err
	}
	d.lock = l
	if err := d.repair(); err != nil {
		d.Close()
		return nil, err
	}
	if err := replaceable(out); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// Close releases the lock.
func (d *Dir) Close() error {
	if d.lock == nil {
		return nil
	}
	err := d.lock.release()
	d.lock = nil
	return err
}

// Write replaces the directory with files and a manifest. If ctx is done
// before the swap, Write removes what it wrote and returns ctx's error,
// leaving the previous output as it was.
func (d *Dir) Write(ctx context.Context, files Files) (err error) {
	tmp, err := os.MkdirTemp(d.parent, d.tempPrefix())
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
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := writeFile(tmp, name, files[name]); err != nil {
			return err
		}
	}
	if err := writeFile(tmp, Manifest, files.manifest()); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return swap(tmp, d.out)
}

func writeFile(dir, name string, data []byte) error {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// swap moves tmp to out, moving any previous out aside first and removing
// it afterwards. A kill between the two renames leaves out missing and
// tmp+".old" beside it, which the next Open moves back.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + oldSuffix
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

// replaceable reports why out may not be replaced: it is not a directory,
// or it is a non-empty directory without a manifest.
func replaceable(out string) error {
	info, err := os.Lstat(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output %s: %w", out, err)
	case !info.IsDir():
		return fmt.Errorf("refusing to replace %s: it is not a directory (remove it, or choose another -out)", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("output %s: %w", out, err)
	}
	if len(entries) == 0 {
		return nil
	}
	if m, err := os.Lstat(filepath.Join(out, Manifest)); err != nil || !m.Mode().IsRegular() {
		return fmt.Errorf("refusing to replace %s: it is not empty and has no %s, so the atlas did not write it (remove it yourself, or choose another -out)", out, Manifest)
	}
	return nil
}

package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The names of a build's temporary directories beside the output "public":
// ".public.new-123" while it is written, and ".public.new-123.old" for the
// previous output during the swap (see swap).
const (
	tempInfix = ".new-"
	oldSuffix = ".old"
)

func (d *Dir) tempPrefix() string { return "." + d.base + tempInfix }

// repair undoes what an interrupted build left beside the output: if a
// kill came between the swap's two renames, the output is missing and
// the previous one is moved back; every other temporary directory of the
// output is removed. Only directories named as Write names them are
// touched.
func (d *Dir) repair() error {
	news, olds, err := d.leftovers()
	if err != nil {
		return err
	}
	if _, err := os.Lstat(d.out); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		newest := olds[0]
		for _, p := range olds[1:] {
			if modTime(p).After(modTime(newest)) {
				newest = p
			}
		}
		if err := os.Rename(newest, d.out); err != nil {
			return err
		}
	}
	for _, p := range append(news, olds...) {
		if err := os.RemoveAll(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// leftovers lists the temporary directories of the output: partial new
// outputs and previous outputs moved aside.
func (d *Dir) leftovers() (news, olds []string, err error) {
	entries, err := os.ReadDir(d.parent)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), d.tempPrefix())
		if !ok || !e.IsDir() {
			continue
		}
		digits, isOld := strings.CutSuffix(rest, oldSuffix)
		if digits == "" || strings.Trim(digits, "0123456789") != "" {
			continue // os.MkdirTemp's random part is decimal digits
		}
		p := filepath.Join(d.parent, e.Name())
		if isOld {
			olds = append(olds, p)
		} else {
			news = append(news, p)
		}
	}
	return news, olds, nil
}

func modTime(p string) (t time.Time) {
	if info, err := os.Lstat(p); err == nil {
		t = info.ModTime()
	}
	return t
}

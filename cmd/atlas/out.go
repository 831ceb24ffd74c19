package main

import (
	"fmt"
	"path/filepath"
)

// sourceDirs are the directories of the source tree that an output
// directory must not be, or lie inside: a build would read its own output
// back, or replace its input.
var sourceDirs = []string{"static", "content", "data", "templates"}

// checkOut refuses an output directory that is the source directory, one
// of its input directories, or lies inside one of them.
func checkOut(src, out string) error {
	absSrc, err := realPath(src)
	if err != nil {
		return err
	}
	absOut, err := realPath(out)
	if err != nil {
		return err
	}
	if absOut == absSrc {
		return fmt.Errorf("-out %s is the source directory (choose a directory of its own, such as public)", out)
	}
	for _, d := range sourceDirs {
		dir := filepath.Join(absSrc, d)
		if rel, err := filepath.Rel(dir, absOut); err == nil && filepath.IsLocal(rel) {
			return fmt.Errorf("-out %s is inside %s, which the build reads (choose a directory outside static/, content/, data/ and templates/, such as public)", out, filepath.Join(src, d))
		}
	}
	return nil
}

// realPath makes p absolute and resolves the symbolic links of the part of
// it that exists, so that two spellings of one directory compare equal.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

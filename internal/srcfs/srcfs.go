// Package srcfs owns which files of the source tree the build may read.
//
// The build reads only regular files. A symbolic link could pull any file
// of the machine into the site, and a FIFO or device would block the build
// on open; neither is ever followed or opened. Under content/, data/ and
// static/ each is an error naming it, so that an editor learns why a file
// is not read. Hidden files and directories, with everything inside them
// (".git", editors' ".#x.md" lock links; "~" backups are ignored by their
// readers), are skipped without a word.
package srcfs

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"atlas/internal/srcpos"
)

// Scan lists the regular files under the directory root of fsys, in
// lexical order, skipping hidden files and directories. A symbolic link
// or other non-regular file, including root itself, is reported at its
// path and left out. A missing root is an empty list.
func Scan(fsys fs.FS, root string) ([]string, error) {
	var errs srcpos.List
	if info, err := fs.Lstat(fsys, root); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err == nil && !info.IsDir() {
		errs.Add(srcpos.Position{File: root}, "", "%s (expected a directory)", describe(info.Mode()))
		return nil, errs.Err()
	}
	var files []string
	err := fs.WalkDir(fsys, root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(srcpos.Position{File: name}, "", "cannot read: %v", unwrap(err))
			return nil
		}
		hidden := name != root && strings.HasPrefix(path.Base(name), ".")
		switch {
		case hidden && d.IsDir():
			return fs.SkipDir
		case hidden, d.IsDir():
		case d.Type().IsRegular():
			files = append(files, name)
		default:
			errs.Add(srcpos.Position{File: name}, "", "%s (the build reads only regular files; replace it by the file itself)", describe(d.Type()))
		}
		return nil
	})
	if err != nil {
		errs.Add(srcpos.Position{File: root}, "", "cannot read: %v", unwrap(err))
	}
	return files, errs.Err()
}

func describe(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "symbolic link, not followed"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO), not opened"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "device file, not opened"
	case m&fs.ModeSocket != 0:
		return "socket, not opened"
	case m.IsDir():
		return "directory"
	}
	return "not a regular file, not opened"
}

// unwrap drops the path that fs errors repeat, since the message is
// already positioned at it.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

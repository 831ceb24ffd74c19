package site

import (
	"io/fs"
	"path"
	"strings"

	"atlas/internal/srcfs"
)

// StaticDir holds the files served as they are: CSS, vendored JavaScript,
// images.
const StaticDir = "static"

// static copies static/ into the output under static/. It reads the tree
// as content/ and data/ are read (see package srcfs): hidden files and
// everything inside a hidden directory (static/.git/) stay out, and a
// symbolic link, named pipe or other non-regular file is an error naming
// it, never followed or opened. The vendored files readers do not need
// stay out too (see unpublished).
func (b *builder) static(fsys fs.FS) {
	files, err := srcfs.Scan(fsys, StaticDir)
	if err != nil {
		b.errs = append(b.errs, err)
	}
	for _, name := range files {
		if unpublished(name) {
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		b.add(name, data)
	}
}

// unpublished reports whether a file under static/ stays out of the site:
// in static/vendor/, the notes on where a bundle came from (README*) and
// the entry point it was built from (entry.js). The licences stay beside
// what they cover.
func unpublished(name string) bool {
	rel, ok := strings.CutPrefix(name, StaticDir+"/vendor/")
	if !ok {
		return false
	}
	base := path.Base(rel)
	return base == "entry.js" || strings.HasPrefix(base, "README")
}

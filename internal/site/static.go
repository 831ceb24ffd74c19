package site

import (
	"io/fs"
	"path"
	"strings"
)

// StaticDir holds the files served as they are: CSS, vendored JavaScript,
// images.
const StaticDir = "static"

// static copies static/ into the output under static/, skipping hidden
// files, symbolic links and the vendored files readers do not need (see
// unpublished).
func (b *builder) static(fsys fs.FS) {
	err := fs.WalkDir(fsys, StaticDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		// Hidden files are not published, and neither are symbolic links,
		// which could pull any file of the machine into the site.
		if strings.HasPrefix(path.Base(name), ".") || d.Type()&fs.ModeSymlink != 0 || unpublished(name) {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		b.add(name, data)
		return nil
	})
	if err != nil {
		b.errs = append(b.errs, err)
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

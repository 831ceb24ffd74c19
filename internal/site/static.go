package site

import (
	"io/fs"
	"path"
	"strings"
)

// StaticDir holds the files served as they are: CSS, vendored JavaScript,
// images.
const StaticDir = "static"

// static copies static/ into the output under static/, skipping sources
// of vendored bundles and notes that readers do not need.
func (b *builder) static(fsys fs.FS) {
	err := fs.WalkDir(fsys, StaticDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		// Hidden files are not published, and neither are symbolic links,
		// which could pull any file of the machine into the site.
		if strings.HasPrefix(path.Base(name), ".") || d.Type()&fs.ModeSymlink != 0 {
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

package records

import (
	"errors"
	"io/fs"
	"path"
	"slices"

	"atlas/internal/srcpos"
	"atlas/internal/strictyaml"
)

// DataDir holds the data files.
const DataDir = "data"

// expectedLayout names the data files the build reads, for messages.
const expectedLayout = "data/countries.yaml, data/localities.yaml, data/sources.yaml, data/site.yaml, data/agreements/<country code>.yaml or data/published/<name>.yaml"

// layout is the set of regular files under data/.
type layout []string

// check reports the YAML files under data/ that the build would not read.
func (l layout) check() error {
	var errs srcpos.List
	for _, name := range l {
		ext := path.Ext(name)
		if ext != ".yaml" && ext != ".yml" {
			continue // README.md and other notes
		}
		dir := path.Dir(name)
		switch {
		case ext == ".yml" && (dir == AgreementsDir || dir == PublishedDir):
			errs.Add(srcpos.Position{File: name}, "", "unexpected extension .yml (name data files *.yaml)")
		case ext == ".yml", !l.expected(name):
			errs.Add(srcpos.Position{File: name}, "", "file outside the data layout, not read (expected %s)", expectedLayout)
		}
	}
	return errs.Err()
}

func (l layout) expected(name string) bool {
	switch name {
	case CountriesFile, LocalitiesFile, SourcesFile, SettingsFile:
		return true
	}
	dir := path.Dir(name)
	return dir == AgreementsDir || dir == PublishedDir
}

// in lists the .yaml files directly in dir.
func (l layout) in(dir string) []string {
	var names []string
	for _, name := range l {
		if path.Dir(name) == dir && path.Ext(name) == ".yaml" {
			names = append(names, name)
		}
	}
	return names
}

// decode reads the data file name into v. Only a regular file that Scan
// listed is opened: a symbolic link or FIFO there was reported already.
func (l layout) decode(fsys fs.FS, name string, v any) error {
	if !slices.Contains(l, name) {
		info, err := fs.Lstat(fsys, name)
		switch {
		case err == nil && info.IsDir():
			return srcpos.Errorf(srcpos.Position{File: name}, "", "is a directory (expected the data file)")
		case !errors.Is(err, fs.ErrNotExist):
			return nil // Scan reported it
		}
		return srcpos.Errorf(srcpos.Position{File: name}, "", "file is missing (every site needs it)")
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return srcpos.Errorf(srcpos.Position{File: name}, "", "cannot read: %v", err)
	}
	return strictyaml.Decode(name, src, 0, v)
}

package records

import (
	"io/fs"
	"regexp"

	"atlas/internal/srcpos"
)

// SettingsFile holds the site's own settings.
const SettingsFile = "data/site.yaml"

// Settings are what the site says about itself: its name and its main
// navigation.
type Settings struct {
	Title string    `yaml:"title,required"`
	Nav   []NavItem `yaml:"nav,required"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// NavItem is an entry of the main navigation.
type NavItem struct {
	Title string `yaml:"title,required"`
	// Path is site-relative and names a page ("countries/"); that the
	// site builds it is checked once it is built.
	Path string `yaml:"path,required"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// navPathRE is a site-relative page path: slug-like segments, each ending
// in "/", so no leading slash, no scheme, no query or fragment and no "..".
var navPathRE = regexp.MustCompile(`^(?:[a-z0-9][a-z0-9._-]*/)+$`)

// loadSettings decodes data/site.yaml and checks what can be checked
// before the site is built.
func loadSettings(fsys fs.FS, errs *srcpos.List) *Settings {
	var s Settings
	err := decodeFile(fsys, SettingsFile, &s)
	errs.Append(err)
	// What did decode is checked too, so that one run reports all.
	seen := map[string]srcpos.Position{}
	for _, n := range s.Nav {
		pos := n.Fields.At("path", n.Pos)
		if !navPathRE.MatchString(n.Path) {
			errs.Add(pos, "path", "%q is not a page path (a site-relative path ending in \"/\", such as \"countries/\")", n.Path)
			continue
		}
		if first, ok := seen[n.Path]; ok {
			errs.Add(pos, "path", "%q is already in the navigation (first at %s)", n.Path, first)
			continue
		}
		seen[n.Path] = pos
	}
	if err != nil {
		return nil
	}
	return &s
}

package records

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"

	"atlas/internal/srcpos"
)

// SettingsFile holds the site's own settings.
const SettingsFile = "data/site.yaml"

// Settings are what the site says about itself: its name, its languages
// and its main navigation.
type Settings struct {
	Title string `yaml:"title,required"`
	// Languages are the languages the site is built in, English first (its
	// tree is the site's root; the others are under /<code>/). Empty means
	// English only.
	Languages []Language `yaml:"languages"`
	Nav       []NavItem  `yaml:"nav,required"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Language is one language of the site.
type Language struct {
	Code string `yaml:"code,required"` // a BCP 47 language code: "es"
	Name string `yaml:"name,required"` // its name in itself, for the language switch: "Español"
	// Title is the site's name in the language; the default language's is
	// Settings.Title.
	Title string `yaml:"title"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// NavItem is an entry of the main navigation.
type NavItem struct {
	Title string `yaml:"title,required"`
	// Titles are the entry's title in each language but the default one,
	// by language code.
	Titles map[string]string `yaml:"titles"`
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
func loadSettings(fsys fs.FS, l layout, errs *srcpos.List) *Settings {
	var s Settings
	err := l.decode(fsys, SettingsFile, &s)
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
	checkLanguages(&s, errs)
	if err != nil {
		return nil
	}
	return &s
}

// langCodeRE is a BCP 47 primary language subtag.
var langCodeRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// checkLanguages checks the languages and that every navigation entry has
// a title in each.
func checkLanguages(s *Settings, errs *srcpos.List) {
	if len(s.Languages) == 0 {
		s.Languages = []Language{{Code: DefaultLang, Name: "English", Pos: s.Pos}}
	}
	seen := map[string]bool{}
	for i, l := range s.Languages {
		pos := l.Fields.At("code", l.Pos)
		switch {
		case !langCodeRE.MatchString(l.Code):
			errs.Add(pos, "code", "%q is not a language code (a BCP 47 code such as \"es\")", l.Code)
		case i == 0 && l.Code != DefaultLang:
			errs.Add(pos, "code", "%q comes first (expected %q first: its tree is the site's root)", l.Code, DefaultLang)
		case i > 0 && l.Code == DefaultLang:
			errs.Add(pos, "code", "%q is not first (expected it first: its tree is the site's root)", l.Code)
		case seen[l.Code]:
			errs.Add(pos, "code", "%q is listed twice", l.Code)
		case i > 0 && l.Title == "":
			errs.Add(l.Pos, "title", "missing (the site's name in %s)", l.Name)
		}
		seen[l.Code] = true
	}
	for _, n := range s.Nav {
		for _, l := range s.Languages[1:] {
			if n.Titles[l.Code] == "" {
				errs.Add(n.Fields.At("titles", n.Pos), "titles", "no %s title for %q (every language of languages needs one)", l.Code, n.Path)
			}
		}
		for _, code := range slices.Sorted(maps.Keys(n.Titles)) {
			if !seen[code] || code == DefaultLang {
				errs.Add(n.Fields.At("titles."+code, n.Pos), "titles", "%q is not one of the other languages (expected one of languages but %s)", code, DefaultLang)
			}
		}
	}
}

// DefaultLang is the language of the site's root tree, and of every text
// that does not name its language.
const DefaultLang = "en"

// Codes returns the codes of the site's languages, the default first.
func (s *Settings) Codes() []string {
	var out []string
	for _, l := range s.Languages {
		out = append(out, l.Code)
	}
	return out
}

// TitleIn returns the site's name in lang.
func (s *Settings) TitleIn(lang string) string {
	for _, l := range s.Languages {
		if l.Code == lang && l.Title != "" {
			return l.Title
		}
	}
	return s.Title
}

// TitleIn returns the entry's title in lang.
func (n *NavItem) TitleIn(lang string) string {
	if t := n.Titles[lang]; t != "" {
		return t
	}
	return n.Title
}

package site

import (
	"atlas/internal/content"
	"atlas/internal/linkcheck"
	"atlas/internal/output"
	"atlas/internal/records"
	"atlas/internal/sitepath"
	"fmt"
	"path"
)

// Check generates the site in memory, as Build does but without writing
// it, and checks every internal link and #anchor in it under the base URL.
// Input problems are returned as the error, as from Build; broken links as
// problems.
func Check(cfg Config) (output.Files, []linkcheck.Problem, error) {
	base, err := sitepath.ParseBase(cfg.BaseURL)
	if err != nil {
		return nil, nil, err
	}
	files, err := Generate(cfg)
	if err != nil {
		return nil, nil, err
	}
	return files, linkcheck.Check(files, base), nil
}

// MissingTranslations lists, one line each, the texts of content/ that a
// language of the site lacks: "content/cases/biobio.md: no pt version
// (content/pt/cases/biobio.md)". They are warnings, not errors: the
// language's page for such a text says where to read it.
func MissingTranslations(cfg Config) ([]string, error) {
	d, err := records.Load(cfg.Src)
	if err != nil {
		return nil, err
	}
	cases, pages, err := content.Load(cfg.Src, "/")
	if err != nil {
		return nil, err
	}
	langs := d.Settings.Codes()
	var out []string
	for _, docs := range [][]*content.Doc{cases, pages} {
		m := &model{langs: langs}
		for _, key := range keysOf(docs) {
			vs := m.versions(docs, key)
			if len(vs) == 0 {
				continue
			}
			for _, lang := range langs {
				if m.version(docs, key, lang) == nil {
					out = append(out, fmt.Sprintf("%s: no %s version (%s)", vs[0].File, lang, translationFile(vs[0], lang)))
				}
			}
		}
	}
	return out, nil
}

// translationFile is where the version of d in lang goes.
func translationFile(d *content.Doc, lang string) string {
	kind := "pages"
	if d.Case != nil {
		kind = "cases"
	}
	if lang == sitepath.DefaultLang {
		return path.Join(content.Dir, kind, d.Key+".md")
	}
	return path.Join(content.Dir, lang, kind, d.Key+".md")
}

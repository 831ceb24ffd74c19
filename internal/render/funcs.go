package render

import (
	"fmt"
	"html/template"
	"strings"

	"atlas/internal/sitepath"
)

// funcs are the template functions bound to the Site of one language.
func funcs(site *Site) template.FuncMap {
	b := site.Base
	t := site.T
	if t == nil {
		t = func(string, ...any) string { return "" } // parsing only
	}
	return template.FuncMap{
		// t prints a message of the string table in the page's language:
		// {{t "case.updated" .Updated}}, {{t "agreements.count" (len .Agreements)}}.
		// The key is a literal (or (print "kind." .Kind) for one of a
		// family of keys), so that the build checks every key a template
		// names against every language's file (see scanKeys). Plurals,
		// selects, numbers and lists follow the language: see package
		// messages.
		"t": t,
		// lang is the page's language: "en", "es", "pt".
		"lang": func() string { return site.Lang },
		// url makes a site-relative path absolute under the base path: a
		// page in the language's tree, a file at its one place.
		"url": site.URL,
		// absurl makes a full URL where the origin is known.
		"absurl": func(rel string) string { return b.Abs(sitepath.InLang(site.Lang, rel)) },
		// to gives the URLs of the site's pages: {{to.Countries}}.
		"to":   func() sitepath.URLs { return sitepath.URLs{Base: b, Lang: site.Lang} },
		"join": strings.Join,
		// sentence ends s with a full stop unless it ends with punctuation
		// already ("Fierro E." stays as it is).
		"sentence": func(s string) string { return s + stop(s) },
		// stop is the full stop that s needs to end a sentence: "" when it
		// ends with punctuation already.
		"stop": stop,
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"deref": func(p *int) int { return *p },
		// coord prints a latitude and longitude: "24.19° S, 65.30° W".
		"coord": coord,
	}
}

func stop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return ""
	}
	return "."
}

func coord(lat, lng *float64) string {
	if lat == nil || lng == nil {
		return ""
	}
	ns, ew := "N", "E"
	la, lo := *lat, *lng
	if la < 0 {
		ns, la = "S", -la
	}
	if lo < 0 {
		ew, lo = "W", -lo
	}
	return fmt.Sprintf("%.2f° %s, %.2f° %s", la, ns, lo, ew)
}

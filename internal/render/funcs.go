package render

import (
	"fmt"
	"html/template"
	"strings"

	"atlas/internal/sitepath"
)

func funcs(b sitepath.Base) template.FuncMap {
	return template.FuncMap{
		// url makes a site-relative path absolute under the base path.
		"url": b.URL,
		// absurl makes a full URL where the origin is known.
		"absurl": b.Abs,
		// to gives the URLs of the site's pages: {{to.Countries}}.
		"to":   func() sitepath.URLs { return sitepath.URLs{Base: b} },
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
	}
}

func stop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return ""
	}
	return "."
}

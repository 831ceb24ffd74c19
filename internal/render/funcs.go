package render

import (
	"atlas/internal/sitepath"
	"fmt"
	"html/template"
	"strconv"
	"strings"
)

func funcs(b sitepath.Base) template.FuncMap {
	return template.FuncMap{
		// url makes a site-relative path absolute under the base path.
		"url": b.URL,
		// absurl makes a full URL where the origin is known.
		"absurl": b.Abs,
		"add":    func(a, b int) int { return a + b },
		"join":   strings.Join,
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
		// share is n as a percentage of max, for the width of a bar: "45.2%".
		"share": func(n, max int) string {
			if max <= 0 {
				return "0%"
			}
			return strconv.FormatFloat(float64(n)*100/float64(max), 'f', 1, 64) + "%"
		},
		// dict builds a map from key, value pairs, to pass several values
		// to a partial template.
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, fmt.Errorf("dict: odd number of arguments")
			}
			m := map[string]any{}
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"cmpbase": func(n, base int) string {
			switch {
			case n > base:
				return "more"
			case n < base:
				return "fewer"
			}
			return "same"
		},
	}
}

func stop(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return ""
	}
	return "."
}

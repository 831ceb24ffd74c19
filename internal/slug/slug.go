// Package slug turns names in English, Spanish and Portuguese into URL path
// segments and HTML ids: "Biobío" becomes "biobio", "São Paulo" becomes
// "sao-paulo". It folds accents instead of dropping the letters, which is
// what goldmark's default heading ids do ("biobo").
package slug

import (
	"strings"
	"unicode"
)

// fold maps letters with diacritics, and a few ligatures, to ASCII.
var fold = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ē': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i", 'ī': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ū': "u",
	'ñ': "n", 'ç': "c", 'ý': "y", 'ÿ': "y",
	'ß': "ss", 'æ': "ae", 'œ': "oe",
}

// Make returns s in lower case with accents folded, every run of other
// characters replaced by one hyphen, and no hyphen at either end.
func Make(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		switch f, ok := fold[r]; {
		case ok:
			b.WriteString(f)
			hyphen = false
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			hyphen = false
		case r == '\'' || r == '’':
			// Apostrophes join: "Xi'an" -> "xian".
		default:
			if !hyphen && b.Len() > 0 {
				b.WriteByte('-')
				hyphen = true
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

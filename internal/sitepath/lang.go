package sitepath

import "strings"

// DefaultLang is the language of the tree at the site's root: English, so
// that the URLs the atlas had before it had other languages keep working.
// Every other language's tree is under its code: /es/, /pt/.
const DefaultLang = "en"

// InLang returns the site-relative path of the page rel in the tree of
// lang: "countries/" in "es" is "es/countries/". Paths of files that
// exist once for every language (downloads, static files: a path whose
// last segment has no trailing slash and is not an .html page) are
// returned as they are, so that one function serves every link a page
// makes.
func InLang(lang, rel string) string {
	if lang == DefaultLang || lang == "" || !IsPage(rel) {
		return rel
	}
	return lang + "/" + rel
}

// IsPage reports whether the site-relative path rel, less any query or
// fragment, is a page: the home page (""), a directory page ("countries/")
// or an .html file ("404.html"). Anything else is a file that every
// language's pages share.
func IsPage(rel string) bool {
	if i := strings.IndexAny(rel, "?#"); i >= 0 {
		rel = rel[:i]
	}
	return rel == "" || strings.HasSuffix(rel, "/") || strings.HasSuffix(rel, ".html")
}

// Lang returns the language of the site-relative path rel, and rel
// without its language prefix: "es/countries/" is ("es", "countries/").
// langs are the site's languages.
func Lang(rel string, langs []string) (lang, inner string) {
	for _, l := range langs {
		if l != DefaultLang && strings.HasPrefix(rel, l+"/") {
			return l, rel[len(l)+1:]
		}
	}
	return DefaultLang, rel
}

// LangURL returns the URL of the page or file rel as linked from a page in
// lang: pages in lang's tree, files at their one place.
func (b Base) LangURL(lang, rel string) string { return b.URL(InLang(lang, rel)) }

// Package linkcheck finds broken internal links in a built site: every URL
// in an HTML page (href, src, action, poster, srcset, CSS url()), in a
// stylesheet (url(), @import) or in an XML file (a sitemap's <loc>, a
// feed's href) that points inside the site must name a file that exists,
// and every #fragment an id on the page it points to. A link that leaves
// the site's base path is a problem too: a site published under /atlas/
// owns nothing outside it.
package linkcheck

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"atlas/internal/sitepath"
)

// Problem is a broken link.
type Problem struct {
	Page string // output path of the file, "countries/chile/index.html"
	Line int
	Link string
	Msg  string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.Page, p.Line, p.Link, p.Msg)
}

var (
	// attrRE matches the attributes whose values are one URL.
	attrRE = regexp.MustCompile(`\s(?:href|src|action|poster|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	// srcsetRE matches srcset, a comma-separated list of "URL descriptor".
	srcsetRE = regexp.MustCompile(`\s(?:srcset|imagesrcset)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	// cssURLRE matches url(...) in CSS, quoted or not, and @import "...".
	cssURLRE = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)
	// locRE matches a sitemap's <loc> elements.
	locRE = regexp.MustCompile(`<loc>([^<]*)</loc>`)
	idRE  = regexp.MustCompile(`\s(?:id|name)="([^"]*)"`)
)

// Site is a built site whose links can be checked: its files, where it
// is published, and the ids of each page.
type Site struct {
	files            map[string][]byte
	origin, basePath string
	ids              map[string]map[string]bool // page -> ids, filled on demand
}

// New returns the site of files, published under base.
func New(files map[string][]byte, base sitepath.Base) *Site {
	return &Site{files: files, ids: map[string]map[string]bool{}, origin: base.Origin, basePath: base.Path}
}

// Check checks the links of every HTML, CSS and XML file in files, a site
// published under base (see New). Links to other hosts are not checked;
// with an absolute base, links to its own origin are. A link on the
// site's own origin outside the base path is a problem, since it escapes
// the published site.
func Check(files map[string][]byte, base sitepath.Base) []Problem {
	s := New(files, base)
	var names []string
	for name := range files {
		switch path.Ext(name) {
		case ".html", ".css", ".xml":
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var out []Problem
	for _, name := range names {
		for i, line := range strings.Split(string(files[name]), "\n") {
			for _, link := range links(path.Ext(name), line) {
				if msg := s.Link(name, link); msg != "" {
					out = append(out, Problem{Page: name, Line: i + 1, Link: link, Msg: msg})
				}
			}
		}
	}
	return out
}

// links returns the URLs on one line of a file of the given extension.
func links(ext, line string) []string {
	var out []string
	if ext == ".html" || ext == ".xml" {
		for _, m := range attrRE.FindAllStringSubmatch(line, -1) {
			out = append(out, html.UnescapeString(m[1]+m[2]))
		}
	}
	switch ext {
	case ".html":
		for _, m := range srcsetRE.FindAllStringSubmatch(line, -1) {
			for _, cand := range strings.Split(html.UnescapeString(m[1]+m[2]), ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					out = append(out, f[0])
				}
			}
		}
		// Inline style attributes and <style> elements.
		for _, m := range cssURLRE.FindAllStringSubmatch(line, -1) {
			out = append(out, html.UnescapeString(strings.Join(m[1:], "")))
		}
	case ".css":
		for _, m := range cssURLRE.FindAllStringSubmatch(line, -1) {
			out = append(out, strings.Join(m[1:], ""))
		}
	case ".xml":
		for _, m := range locRE.FindAllStringSubmatch(line, -1) {
			out = append(out, html.UnescapeString(strings.TrimSpace(m[1])))
		}
	}
	return out
}

// pageIDs returns the ids on a page.
func (s *Site) pageIDs(page string) map[string]bool {
	if set, ok := s.ids[page]; ok {
		return set
	}
	set := map[string]bool{}
	for _, m := range idRE.FindAllSubmatch(s.files[page], -1) {
		set[html.UnescapeString(string(m[1]))] = true
	}
	s.ids[page] = set
	return set
}

// Link returns what is wrong with one link in the file page (an output
// path such as "cases/biobio/index.html"), or "" when it resolves.
func (s *Site) Link(page, link string) string {
	u, err := url.Parse(link)
	switch {
	case err != nil:
		return "not a valid URL"
	case link == "":
		return "empty link"
	case u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https":
		return "" // mailto:, data:
	case u.Host != "":
		if s.origin == "" || !sameOrigin(u, s.origin) {
			return "" // another site
		}
		if u.Path == "" {
			u.Path = "/"
		}
	}
	target := page
	if u.Path != "" {
		p, msg := s.sitePath(page, u.Path)
		if msg != "" {
			return msg
		}
		target = resolve(s.files, p)
		if target == "" {
			return "no such page or file"
		}
	}
	if u.Fragment != "" && path.Ext(page) == ".html" {
		if path.Ext(target) != ".html" {
			return "fragment on a file that is not a page"
		}
		if !s.pageIDs(target)[u.Fragment] {
			return fmt.Sprintf("no id %q on %s", u.Fragment, target)
		}
	}
	return ""
}

// sitePath turns a link's path into a path inside the output, or says
// why it cannot.
func (s *Site) sitePath(page, p string) (string, string) {
	if strings.HasPrefix(p, "/") {
		if p+"/" == s.basePath {
			return "", "" // "/atlas" for "/atlas/": the server redirects
		}
		if !strings.HasPrefix(p, s.basePath) {
			return "", fmt.Sprintf("escapes the site's base path %s", s.basePath)
		}
		return strings.TrimPrefix(p, s.basePath), ""
	}
	joined := path.Join(path.Dir(page), p)
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", fmt.Sprintf("escapes the site's base path %s", s.basePath)
	}
	if strings.HasSuffix(p, "/") {
		joined += "/"
	}
	return joined, ""
}

func sameOrigin(u *url.URL, origin string) bool {
	return strings.EqualFold(u.Scheme+"://"+u.Host, origin) ||
		(u.Scheme == "" && strings.EqualFold("//"+u.Host, origin[strings.Index(origin, "//"):]))
}

// resolve finds the output file that serves the site path p, as a static
// web server would: a directory serves its index.html.
func resolve(files map[string][]byte, p string) string {
	p = strings.TrimPrefix(p, "/")
	for _, cand := range []string{p, strings.TrimSuffix(p, "/") + "/index.html", p + "index.html"} {
		cand = strings.TrimPrefix(cand, "/")
		if cand == "" || cand == "." || cand == "./" {
			cand = "index.html"
		}
		if _, ok := files[cand]; ok {
			return cand
		}
	}
	return ""
}

// Targets returns the output files that a link in the file page could
// name: those a check of the link (Link) would read. It returns nil for a
// link to another site, or one that escapes the base path.
func (s *Site) Targets(page, link string) []string {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	if u.Host != "" {
		if s.origin == "" || !sameOrigin(u, s.origin) {
			return nil
		}
		if u.Path == "" {
			u.Path = "/"
		}
	}
	if u.Path == "" {
		return []string{page}
	}
	p, msg := s.sitePath(page, u.Path)
	if msg != "" {
		return nil
	}
	var out []string
	p = strings.TrimPrefix(p, "/")
	for _, cand := range []string{p, strings.TrimSuffix(p, "/") + "/index.html", p + "index.html"} {
		cand = strings.TrimPrefix(cand, "/")
		if cand == "" || cand == "." || cand == "./" {
			cand = "index.html"
		}
		out = append(out, cand)
	}
	return out
}

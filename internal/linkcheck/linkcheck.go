// Package linkcheck finds broken internal links in a built site: every
// href and src that points inside the site must name a file that exists,
// and every #fragment an id on the page it points to.
package linkcheck

import (
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
)

// Problem is a broken link.
type Problem struct {
	Page string // output path of the page, "countries/chile/index.html"
	Line int
	Link string
	Msg  string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.Page, p.Line, p.Link, p.Msg)
}

var (
	attrRE = regexp.MustCompile(`\s(?:href|src)="([^"]*)"`)
	idRE   = regexp.MustCompile(`\sid="([^"]*)"`)
)

// Site is a built site whose links can be checked: its files, published
// under basePath ("/" or "/atlas/"), and the ids of each page.
type Site struct {
	files    map[string][]byte
	basePath string
	ids      map[string]map[string]bool // page -> ids, filled on demand
}

// New returns the site of files, published under basePath.
func New(files map[string][]byte, basePath string) *Site {
	return &Site{files: files, basePath: basePath, ids: map[string]map[string]bool{}}
}

// Check checks the links of every HTML page in files, a site published
// under basePath. Links to other hosts are not checked; a site-absolute
// link outside basePath is a problem, since it escapes the published site.
func Check(files map[string][]byte, basePath string) []Problem {
	s := New(files, basePath)
	var pages []string
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			pages = append(pages, name)
		}
	}
	slices.Sort(pages)
	var out []Problem
	for _, page := range pages {
		for i, line := range strings.Split(string(files[page]), "\n") {
			for _, m := range attrRE.FindAllStringSubmatch(line, -1) {
				link := html.UnescapeString(m[1])
				if msg := s.Link(page, link); msg != "" {
					out = append(out, Problem{Page: page, Line: i + 1, Link: link, Msg: msg})
				}
			}
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

// Link returns what is wrong with one link on page (an output path such as
// "cases/biobio/index.html"), or "" when it resolves.
func (s *Site) Link(page, link string) string {
	files, basePath := s.files, s.basePath
	u, err := url.Parse(link)
	switch {
	case err != nil:
		return "not a valid URL"
	case u.Scheme != "" || u.Host != "":
		return "" // another site
	case link == "":
		return "empty link"
	}
	target := page
	if u.Path != "" {
		var p string
		if strings.HasPrefix(u.Path, "/") {
			if !strings.HasPrefix(u.Path, basePath) {
				return fmt.Sprintf("escapes the site's base path %s", basePath)
			}
			p = strings.TrimPrefix(u.Path, basePath)
		} else {
			p = path.Join(path.Dir(page), u.Path)
			if strings.HasSuffix(u.Path, "/") {
				p += "/"
			}
		}
		target = resolve(files, p)
		if target == "" {
			return "no such page or file"
		}
	}
	if u.Fragment != "" {
		if !strings.HasSuffix(target, ".html") {
			return "fragment on a file that is not a page"
		}
		if !s.pageIDs(target)[u.Fragment] {
			return fmt.Sprintf("no id %q on %s", u.Fragment, target)
		}
	}
	return ""
}

// resolve finds the output file that serves the site path p, as a static
// web server would: a directory serves its index.html.
func resolve(files map[string][]byte, p string) string {
	p = strings.TrimPrefix(p, "/")
	for _, cand := range []string{p, strings.TrimSuffix(p, "/") + "/index.html", p + "index.html"} {
		cand = strings.TrimPrefix(cand, "/")
		if cand == "" {
			cand = "index.html"
		}
		if _, ok := files[cand]; ok {
			return cand
		}
	}
	return ""
}

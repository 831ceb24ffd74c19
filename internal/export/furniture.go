package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"

	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// Sitemap and robots.txt.
//
// A sitemap must list absolute URLs (sitemaps.org), so the build writes
// sitemap.xml only when the base URL has a scheme and host, as it does on
// GitHub Pages (the workflow passes the URL that actions/configure-pages
// gives). A build for a bare path ("/", "/atlas/") writes robots.txt
// without a Sitemap line. Crawlers read robots.txt only at a host's root;
// under a project path it is harmless and ready for a custom domain.

// SitemapEntry is a page the sitemap lists.
type SitemapEntry struct {
	Loc     string `xml:"loc"`               // site-relative path
	LastMod string `xml:"lastmod,omitempty"` // YYYY-MM-DD, or "" when unknown
	// Alternates are the page in each language that has it, itself
	// included, and x-default: xhtml:link elements, as search engines read
	// a multilingual sitemap. Empty for a page in one language only.
	Alternates []SitemapAlternate `xml:"xhtml:link"`
}

// SitemapAlternate is a version of a page in one language.
type SitemapAlternate struct {
	Rel      string `xml:"rel,attr"`      // "alternate"
	Hreflang string `xml:"hreflang,attr"` // "es", or "x-default"
	Href     string `xml:"href,attr"`     // site-relative path, made absolute in the file
}

// Furniture returns robots.txt and, when s.Base has an origin, the two
// files that need absolute URLs: sitemap.xml, listing pages, and the Atom
// feed of the case studies cases. Their words are in the language of
// text.
func Furniture(s Site, pages []SitemapEntry, cases []Doc, text stats.Text) ([]File, error) {
	if s.Base.Origin == "" {
		return []File{robots(s.Base, false, text)}, nil
	}
	sitemap, err1 := sitemapFile(pages, s.Base)
	feed, err2 := feedFile(s, cases, text)
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	return []File{robots(s.Base, true, text), sitemap, feed}, nil
}

// sitemapFile returns sitemap.xml, listing the pages by their absolute URLs,
// in order of URL. base must have an origin.
func sitemapFile(pages []SitemapEntry, base sitepath.Base) (File, error) {
	urls := slices.Clone(pages)
	alternates := false
	for i := range urls {
		urls[i].Loc = base.Abs(urls[i].Loc)
		alts := slices.Clone(urls[i].Alternates)
		for j := range alts {
			alts[j].Href = base.Abs(alts[j].Href)
		}
		urls[i].Alternates = alts
		alternates = alternates || len(alts) > 0
	}
	slices.SortFunc(urls, func(x, y SitemapEntry) int { return strings.Compare(x.Loc, y.Loc) })
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	if alternates {
		buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	} else {
		buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	}
	for _, u := range urls {
		out, err := xml.Marshal(struct {
			XMLName xml.Name `xml:"url"`
			SitemapEntry
		}{SitemapEntry: u})
		if err != nil {
			return File{}, fmt.Errorf("%s: %w", sitepath.Sitemap, err)
		}
		buf.Write(out)
		buf.WriteByte('\n')
	}
	buf.WriteString("</urlset>\n")
	return File{sitepath.Sitemap, buf.Bytes()}, nil
}

// robots returns robots.txt, pointing to the sitemap if there is one, and
// otherwise saying why there is none, in comment lines of the message
// robots.no-sitemap.
func robots(base sitepath.Base, sitemap bool, text stats.Text) File {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if sitemap {
		fmt.Fprintf(&b, "Sitemap: %s\n", base.Abs(sitepath.Sitemap))
	} else {
		for line := range strings.Lines(text.Sprintf("robots.no-sitemap", base.Path)) {
			fmt.Fprintf(&b, "# %s\n", strings.TrimSuffix(line, "\n"))
		}
	}
	return File{sitepath.Robots, []byte(b.String())}
}

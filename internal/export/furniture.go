package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"

	"atlas/internal/sitepath"
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
}

// Furniture returns robots.txt and, when s.Base has an origin, the two
// files that need absolute URLs: sitemap.xml, listing pages, and the Atom
// feed of the case studies cases.
func Furniture(s Site, pages []SitemapEntry, cases []Doc) ([]File, error) {
	if s.Base.Origin == "" {
		return []File{robots(s.Base, false)}, nil
	}
	sitemap, err1 := sitemapFile(pages, s.Base)
	feed, err2 := feedFile(s, cases)
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	return []File{robots(s.Base, true), sitemap, feed}, nil
}

// sitemapFile returns sitemap.xml, listing the pages by their absolute URLs,
// in order of URL. base must have an origin.
func sitemapFile(pages []SitemapEntry, base sitepath.Base) (File, error) {
	urls := slices.Clone(pages)
	for i := range urls {
		urls[i].Loc = base.Abs(urls[i].Loc)
	}
	slices.SortFunc(urls, func(x, y SitemapEntry) int { return strings.Compare(x.Loc, y.Loc) })
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
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
// otherwise saying why there is none.
func robots(base sitepath.Base, sitemap bool) File {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if sitemap {
		fmt.Fprintf(&b, "Sitemap: %s\n", base.Abs(sitepath.Sitemap))
	} else {
		fmt.Fprintf(&b, "# No sitemap: this site was built for the path %s, and a sitemap needs absolute URLs\n# (build with -base-url https://HOST%s to get one).\n", base.Path, base.Path)
	}
	return File{sitepath.Robots, []byte(b.String())}
}

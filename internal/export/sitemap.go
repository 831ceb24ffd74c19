package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
)

// Sitemap and robots.txt.
//
// A sitemap must list absolute URLs (sitemaps.org), so the build writes
// sitemap.xml only when the base URL has a scheme and host, as it does on
// GitHub Pages (the workflow passes the URL that actions/configure-pages
// gives). A build for a bare path ("/", "/atlas/") writes robots.txt
// without a Sitemap line. Crawlers read robots.txt only at a host's root;
// under a project path it is harmless and ready for a custom domain.

// SitemapFile is the sitemap's path in the output.
const SitemapFile = "sitemap.xml"

// SitemapEntry is a page the sitemap lists.
type SitemapEntry struct {
	Loc     string `xml:"loc"`               // site-relative path
	LastMod string `xml:"lastmod,omitempty"` // YYYY-MM-DD, or "" when unknown
}

// Sitemap returns sitemap.xml, listing the pages by their absolute URLs,
// abs(Loc), in order of URL.
func Sitemap(pages []SitemapEntry, abs func(rel string) string) (File, error) {
	urls := slices.Clone(pages)
	for i := range urls {
		urls[i].Loc = abs(urls[i].Loc)
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
			return File{}, fmt.Errorf("%s: %w", SitemapFile, err)
		}
		buf.Write(out)
		buf.WriteByte('\n')
	}
	buf.WriteString("</urlset>\n")
	return File{SitemapFile, buf.Bytes()}, nil
}

// Robots returns robots.txt, pointing to the sitemap at the absolute URL
// sitemap; when sitemap is "", it says why a site built for basePath has
// none.
func Robots(basePath, sitemap string) File {
	var b strings.Builder
	b.WriteString("User-agent: *\nAllow: /\n")
	if sitemap == "" {
		fmt.Fprintf(&b, "# No sitemap: this site was built for the path %s, and a sitemap needs absolute URLs\n# (build with -base-url https://HOST%s to get one).\n", basePath, basePath)
	} else {
		fmt.Fprintf(&b, "Sitemap: %s\n", sitemap)
	}
	return File{"robots.txt", []byte(b.String())}
}

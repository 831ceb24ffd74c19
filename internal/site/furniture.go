package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"atlas/internal/render"
	"atlas/internal/sitepath"
)

// Sitemap and robots.txt.
//
// A sitemap must list absolute URLs (sitemaps.org), so the build writes
// sitemap.xml only when the base URL has a scheme and host, as it does on
// GitHub Pages (the workflow passes the URL that actions/configure-pages
// gives). A build for a bare path ("/", "/atlas/") writes robots.txt
// without a Sitemap line and says so in Result.Notes. Crawlers read
// robots.txt only at a host's root; under a project path it is harmless
// and ready for a custom domain.

// sitemapEntry is one page the sitemap lists.
type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// listed records a rendered page for the sitemap.
func (b *builder) listed(p *render.Frame) {
	if !p.NoIndex {
		b.sitemap = append(b.sitemap, sitemapEntry{Loc: p.Path, LastMod: p.Updated})
	}
}

// furniture writes sitemap.xml, robots.txt and the Atom feed.
func (b *builder) furniture() {
	base := b.site.Base
	var robots strings.Builder
	robots.WriteString("User-agent: *\nAllow: /\n")
	if base.Origin == "" {
		fmt.Fprintf(&robots, "# No sitemap: this site was built for the path %s, and a sitemap needs absolute URLs\n# (build with -base-url https://HOST%s to get one).\n", base.Path, base.Path)
		b.add("robots.txt", []byte(robots.String()))
		return
	}
	fmt.Fprintf(&robots, "Sitemap: %s\n", base.Abs("sitemap.xml"))
	b.add("robots.txt", []byte(robots.String()))
	b.feed()

	urls := slices.Clone(b.sitemap)
	for i := range urls {
		urls[i].Loc = base.Abs(urls[i].Loc)
	}
	slices.SortFunc(urls, func(x, y sitemapEntry) int { return strings.Compare(x.Loc, y.Loc) })
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		out, err := xml.Marshal(struct {
			XMLName xml.Name `xml:"url"`
			sitemapEntry
		}{sitemapEntry: u})
		if err != nil {
			b.errs = append(b.errs, fmt.Errorf("sitemap.xml: %w", err))
			return
		}
		buf.Write(out)
		buf.WriteByte('\n')
	}
	buf.WriteString("</urlset>\n")
	b.add("sitemap.xml", buf.Bytes())
}

// SitemapNote says why a build has no sitemap and feed, or is "" when it
// has them.
func SitemapNote(base sitepath.Base) string {
	if base.Origin != "" {
		return ""
	}
	return fmt.Sprintf("no sitemap.xml or feed.xml: the base URL %s has no scheme and host, and both need absolute URLs (build with -base-url https://HOST%s to get them)", base.Path, base.Path)
}

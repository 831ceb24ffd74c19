package export

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSitemap(t *testing.T) {
	f, err := Sitemap([]SitemapEntry{
		{Loc: "table-1/"},
		{Loc: ""},
		{Loc: "cases/a&b/", LastMod: "2026-11-22"},
	}, site.Abs)
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by URL, escaped, lastmod only when known.
	want := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.org/atlas/</loc></url>
<url><loc>https://example.org/atlas/cases/a&amp;b/</loc><lastmod>2026-11-22</lastmod></url>
<url><loc>https://example.org/atlas/table-1/</loc></url>
</urlset>
`
	if diff := cmp.Diff(File{SitemapFile, []byte(want)}, f); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestRobots(t *testing.T) {
	tests := []struct {
		name, sitemap, want string
	}{
		{"with a sitemap", "https://example.org/atlas/sitemap.xml",
			"User-agent: *\nAllow: /\nSitemap: https://example.org/atlas/sitemap.xml\n"},
		{"without", "",
			"User-agent: *\nAllow: /\n# No sitemap: this site was built for the path /atlas/, and a sitemap needs absolute URLs\n# (build with -base-url https://HOST/atlas/ to get one).\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(File{"robots.txt", []byte(tt.want)}, Robots("/atlas/", tt.sitemap)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

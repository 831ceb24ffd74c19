package export

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitepath"
)

func TestSitemap(t *testing.T) {
	f, err := sitemapFile([]SitemapEntry{
		{Loc: "table-1/"},
		{Loc: ""},
		{Loc: "cases/a&b/", LastMod: "2026-11-22"},
	}, site.Base)
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
	if diff := cmp.Diff(File{sitepath.Sitemap, []byte(want)}, f); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestFurniture checks which files a base URL gets, and robots.txt.
func TestFurniture(t *testing.T) {
	bare := site
	bare.Base = sitepath.Base{Path: "/atlas/"}
	tests := []struct {
		name   string
		s      Site
		files  []string
		robots string
	}{
		{"with a host", site, []string{"robots.txt", "sitemap.xml", "feed.xml"},
			"User-agent: *\nAllow: /\nSitemap: https://example.org/atlas/sitemap.xml\n"},
		{"a bare path", bare, []string{"robots.txt"},
			"User-agent: *\nAllow: /\n# No sitemap: this site was built for the path /atlas/, and a sitemap needs absolute URLs\n# (build with -base-url https://HOST/atlas/ to get one).\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := Furniture(tt.s, []SitemapEntry{{Loc: ""}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range files {
				names = append(names, f.Name)
			}
			if diff := cmp.Diff(tt.files, names); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.robots, byName(files)["robots.txt"]); diff != "" {
				t.Errorf("robots.txt (-want +got):\n%s", diff)
			}
		})
	}
}

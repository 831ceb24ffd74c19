package site

import (
	"encoding/json"
	"encoding/xml"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/linkcheck"
	"atlas/internal/sitepath"
	"atlas/internal/sitetest"
)

const ghBase = "https://example.github.io/atlas/"

// urlRE finds every URL-bearing attribute value, CSS url(), and meta
// content that is a URL (og:url).
var urlRE = regexp.MustCompile(`\s(?:href|src|action|poster)="([^"]*)"|\ssrcset="([^"]*)"|url\(\s*["']?([^)"']*)|\scontent="((?:https?:)?/[^"]*)"`)

// TestNothingEscapesSubPath builds the real repository for a project path
// and checks that no URL in any page or stylesheet leaves it: every
// site-absolute URL starts with /atlas/, every URL on the site's own host
// with https://example.github.io/atlas/, and every internal link and
// anchor resolves.
func TestNothingEscapesSubPath(t *testing.T) {
	for _, base := range []string{"/atlas/", ghBase} {
		t.Run(base, func(t *testing.T) {
			files := generateRepo(t, base)
			b, err := sitepath.ParseBase(base)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range linkcheck.Check(files, b) {
				t.Errorf("%s", p)
			}
			seen := 0
			for name, b := range files {
				if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".css") {
					continue
				}
				for _, m := range urlRE.FindAllStringSubmatch(string(b), -1) {
					for _, u := range candidates(m) {
						seen++
						switch {
						case strings.HasPrefix(u, "//"):
							t.Errorf("%s: protocol-relative URL %q", name, u)
						case strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "/atlas/"):
							t.Errorf("%s: %q escapes /atlas/", name, u)
						case strings.HasPrefix(u, "https://example.github.io") && !strings.HasPrefix(u, ghBase):
							t.Errorf("%s: %q escapes %s", name, u, ghBase)
						}
					}
				}
			}
			if seen < 500 {
				t.Errorf("only %d URLs seen: is the scan broken?", seen)
			}
		})
	}
}

func candidates(m []string) []string {
	switch {
	case m[1] != "":
		return []string{m[1]}
	case m[2] != "":
		var out []string
		for _, c := range strings.Split(m[2], ",") {
			if f := strings.Fields(c); len(f) > 0 {
				out = append(out, f[0])
			}
		}
		return out
	case m[3] != "":
		return []string{m[3]}
	case m[4] != "":
		return []string{m[4]}
	}
	return nil
}

// Test404WorksAtAnyDepth checks that every link on 404.html means the same
// from /atlas/404.html and from a missing page deep in the site, which is
// where GitHub Pages serves it.
func Test404WorksAtAnyDepth(t *testing.T) {
	files := generateRepo(t, "/atlas/")
	page := string(files["404.html"])
	top, _ := url.Parse("https://example.github.io/atlas/404.html")
	deep, _ := url.Parse("https://example.github.io/atlas/countries/xx/missing/page")
	n := 0
	for _, m := range urlRE.FindAllStringSubmatch(page, -1) {
		for _, u := range candidates(m) {
			ref, err := url.Parse(u)
			if err != nil {
				t.Fatal(err)
			}
			if ref.Path == "" && ref.Host == "" {
				continue // a fragment: the page itself
			}
			n++
			if a, b := top.ResolveReference(ref), deep.ResolveReference(ref); a.String() != b.String() {
				t.Errorf("404.html: %q points to %s from the top but to %s from a deep URL", u, a, b)
			}
		}
	}
	if n < 5 {
		t.Errorf("404.html has only %d links", n)
	}
	if !strings.Contains(page, `<meta name="robots" content="noindex">`) || strings.Contains(page, `rel="canonical"`) {
		t.Error("404.html should be noindex and have no canonical URL")
	}
}

// TestSitemapAndRobots checks that the sitemap lists the pages built and
// only them; export's tests check the formats.
func TestSitemapAndRobots(t *testing.T) {
	files := generateRepo(t, ghBase)
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	locs := map[string]bool{}
	for _, u := range sm.URLs {
		locs[u.Loc] = true
		rel := strings.TrimPrefix(u.Loc, ghBase)
		if rel == u.Loc {
			t.Errorf("sitemap URL %s is not under %s", u.Loc, ghBase)
		}
		if _, ok := files[rel+"index.html"]; !ok {
			t.Errorf("sitemap URL %s has no page", u.Loc)
		}
	}
	for _, want := range []string{ghBase, ghBase + "table-1/", ghBase + "data/", ghBase + "countries/"} {
		if !locs[want] {
			t.Errorf("sitemap lacks %s", want)
		}
	}
	if locs[ghBase+"404.html"] {
		t.Error("sitemap lists 404.html")
	}
	if robots := string(files["robots.txt"]); !strings.Contains(robots, "\nSitemap: "+ghBase+"sitemap.xml\n") {
		t.Errorf("robots.txt does not point to the sitemap:\n%s", robots)
	}

	// Without an origin there is no sitemap, and robots.txt says why.
	files = generateRepo(t, "/atlas/")
	if _, ok := files["sitemap.xml"]; ok {
		t.Error("sitemap.xml written for a base URL without a host")
	}
	if robots := string(files["robots.txt"]); strings.Contains(robots, "Sitemap:") || !strings.Contains(robots, "# No sitemap") {
		t.Errorf("robots.txt without a host:\n%s", robots)
	}
}

func TestCanonicalAndOpenGraph(t *testing.T) {
	page := string(generateRepo(t, ghBase)["table-1/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="` + ghBase + `table-1/">`,
		`<meta property="og:url" content="` + ghBase + `table-1/">`,
		`<meta property="og:title" content="Table 1: sister-city agreements between Asia and Latin America">`,
		`<meta property="og:type" content="website">`,
		`<meta property="og:site_name" content="Asia–Latin America Subnational Atlas">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("table-1/index.html lacks %s", want)
		}
	}
	// A path-only base knows no absolute URL to give.
	page = string(generateRepo(t, "/atlas/")["table-1/index.html"])
	if strings.Contains(page, `rel="canonical"`) || strings.Contains(page, "og:url") {
		t.Error("canonical or og:url written for a base URL without a host")
	}
}

var ldRE = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

func TestDatasetStructuredData(t *testing.T) {
	files := generateRepo(t, ghBase)
	for page, want := range map[string]int{"data/index.html": 5, "table-1/index.html": 1} {
		m := ldRE.FindSubmatch(files[page])
		if m == nil {
			t.Errorf("%s has no JSON-LD", page)
			continue
		}
		var sets []map[string]any
		if err := json.Unmarshal(m[1], &sets); err != nil {
			var one map[string]any
			if err := json.Unmarshal(m[1], &one); err != nil {
				t.Fatalf("%s: JSON-LD: %v", page, err)
			}
			sets = append(sets, one)
		}
		if len(sets) != want {
			t.Errorf("%s: %d datasets, want %d", page, len(sets), want)
		}
		// The format is export's (TestDataset there); here, that every
		// download it names was written.
		for _, ds := range sets {
			if d, _ := ds["description"].(string); len(d) < 50 {
				t.Errorf("%s: description %q is under 50 characters", page, d)
			}
			dist, _ := ds["distribution"].([]any)
			if len(dist) != 2 {
				t.Errorf("%s: %d distributions, want CSV and JSON", page, len(dist))
			}
			for _, d := range dist {
				u := d.(map[string]any)["contentUrl"].(string)
				if _, ok := files[strings.TrimPrefix(u, ghBase)]; !ok {
					t.Errorf("%s: download %s does not exist", page, u)
				}
			}
		}
	}
}

// TestAtomFeed checks that the feed lists every case study, newest first,
// and is written only for an absolute base URL.
func TestAtomFeed(t *testing.T) {
	files := generateRepo(t, ghBase)
	var feed struct {
		ID      string `xml:"id"`
		Updated string `xml:"updated"`
		Entries []struct {
			Title   string `xml:"title"`
			ID      string `xml:"id"`
			Updated string `xml:"updated"`
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(files[sitepath.Feed], &feed); err != nil {
		t.Fatalf("%s: %v", sitepath.Feed, err)
	}
	cases := 0
	for name := range files {
		if strings.HasPrefix(name, "cases/") && strings.HasSuffix(name, "/index.html") && strings.Count(name, "/") == 2 {
			cases++
		}
	}
	if len(feed.Entries) != cases || cases < 4 {
		t.Errorf("feed has %d entries for %d case pages", len(feed.Entries), cases)
	}
	for i, e := range feed.Entries {
		if !strings.HasPrefix(e.ID, ghBase+"cases/") {
			t.Errorf("entry %q: id %s; want the page's absolute URL", e.Title, e.ID)
		}
		if _, ok := files[strings.TrimPrefix(e.ID, ghBase)+"index.html"]; !ok {
			t.Errorf("entry %q links to a missing page", e.Title)
		}
		if len(e.Updated) != len("2026-11-22T00:00:00Z") || e.Summary == "" {
			t.Errorf("entry %q: updated %q, summary %q", e.Title, e.Updated, e.Summary)
		}
		if i > 0 && e.Updated > feed.Entries[i-1].Updated {
			t.Errorf("entry %q is newer than the one before it", e.Title)
		}
		if e.Updated > feed.Updated {
			t.Errorf("feed updated %s is before entry %q's %s", feed.Updated, e.Title, e.Updated)
		}
	}
	if _, ok := generateRepo(t, "/atlas/")[sitepath.Feed]; ok {
		t.Errorf("%s written for a base URL without a host", sitepath.Feed)
	}
}

func TestCaseStudyCitationTags(t *testing.T) {
	files := generateRepo(t, ghBase)
	page := string(files["cases/jujuy-guizhou/index.html"])
	for _, want := range []string{
		`<meta name="citation_title" content="Jujuy (Argentina) and Guizhou (China)">`,
		`<meta name="citation_author" content="Asia–Latin America Subnational Atlas contributors">`,
		`<meta name="citation_publication_date" content="`,
		`<meta name="citation_abstract_html_url" content="` + ghBase + `cases/jujuy-guizhou/">`,
		`<meta property="og:type" content="article">`,
		`<link rel="alternate" type="application/atom+xml" title="Case studies" href="` + ghBase + `feed.xml">`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("case page lacks %s", want)
		}
	}
	if strings.Contains(string(files["table-1/index.html"]), "citation_title") {
		t.Error("citation tags on a page that is not a case study")
	}
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	for _, u := range sm.URLs {
		if strings.HasPrefix(u.Loc, ghBase+"cases/") && u.Loc != ghBase+"cases/" && u.LastMod == "" {
			t.Errorf("sitemap: case %s has no lastmod", u.Loc)
		}
	}
}

// TestFurnitureDeterministic builds twice for an absolute base URL, which
// adds the sitemap, the feed and the absolute metadata, and compares.
func TestFurnitureDeterministic(t *testing.T) {
	a := generateRepo(t, ghBase)
	b, err := buildRepo(sitetest.Root(t), ghBase) // a second build, not the shared one
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a.Names(), b.Names()); diff != "" {
		t.Fatalf("file lists differ (-first +second):\n%s", diff)
	}
	for name, data := range a {
		if string(data) != string(b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	for _, name := range []string{"sitemap.xml", sitepath.Feed, "robots.txt"} {
		if _, ok := a[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
}

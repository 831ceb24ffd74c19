package export

import (
	"encoding/xml"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
	"atlas/internal/sitepath"
)

type feedEntry struct {
	Title   string `xml:"title"`
	ID      string `xml:"id"`
	Updated string `xml:"updated"`
	Summary string `xml:"summary"`
	Link    struct {
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Categories []struct {
		Term  string `xml:"term,attr"`
		Label string `xml:"label,attr"`
	} `xml:"category"`
}

type feedDoc struct {
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Entries []feedEntry `xml:"entry"`
}

func parseFeed(t *testing.T, f File) feedDoc {
	t.Helper()
	if f.Name != sitepath.Feed {
		t.Errorf("feed written to %s", f.Name)
	}
	var feed feedDoc
	if err := xml.Unmarshal(f.Data, &feed); err != nil {
		t.Fatalf("%s: %v", sitepath.Feed, err)
	}
	return feed
}

func TestFeed(t *testing.T) {
	_, ix := fixture()
	f, err := feedFile(site, []Doc{
		{Title: "Newer", Path: "cases/newer/", Summary: "S1", Updated: "2026-11-22", Countries: []*records.Country{ix.Country["AR"]}},
		{Title: "Older", Path: "cases/older/", Summary: "S2", Updated: "2025-01-02"},
	})
	if err != nil {
		t.Fatal(err)
	}
	feed := parseFeed(t, f)
	if feed.ID != "https://example.org/atlas/feed.xml" || feed.Title != "Atlas: case studies" || feed.Author != "Atlas contributors" {
		t.Errorf("feed id %q, title %q, author %q", feed.ID, feed.Title, feed.Author)
	}
	// The feed is as new as its newest entry, and entries keep their order.
	if feed.Updated != "2026-11-22T00:00:00Z" {
		t.Errorf("feed updated %q, want the newest entry's", feed.Updated)
	}
	var titles []string
	for _, e := range feed.Entries {
		titles = append(titles, e.Title)
		if e.ID != e.Link.Href {
			t.Errorf("entry %q: id %s, link %s; want the page's absolute URL for both", e.Title, e.ID, e.Link.Href)
		}
	}
	if diff := cmp.Diff([]string{"Newer", "Older"}, titles); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	e := feed.Entries[0]
	if e.ID != "https://example.org/atlas/cases/newer/" || e.Summary != "S1" || len(e.Categories) != 1 || e.Categories[0].Term != "AR" || e.Categories[0].Label != "Argentina" {
		t.Errorf("first entry %+v", e)
	}
}

func TestEmptyFeed(t *testing.T) {
	f, err := feedFile(site, nil)
	if err != nil {
		t.Fatal(err)
	}
	// An Atom feed needs a date even with no entries.
	if feed := parseFeed(t, f); feed.Updated != "1900-01-01T00:00:00Z" || len(feed.Entries) != 0 {
		t.Errorf("empty feed: updated %q, %d entries", feed.Updated, len(feed.Entries))
	}
}

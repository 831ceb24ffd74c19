package export

import (
	"bytes"
	"encoding/xml"
	"fmt"

	"atlas/internal/records"
	"atlas/internal/sitepath"
)

// The Atom feed of case studies (RFC 4287), at feed.xml.
//
// Atom ids and links must be absolute, so the feed, like the sitemap, is
// written only when the base URL has a scheme and host. Dates come from
// the case studies' "updated" front matter, never from the clock, so the
// feed is the same for the same input.

// Doc is a case study or a page as the feed and the search list it.
type Doc struct {
	Title, Path, Summary string             // Path is site-relative
	Updated              string             // YYYY-MM-DD, its last revision
	Countries            []*records.Country // the countries it is about
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Links    []atomLink  `xml:"link"`
	Author   atomAuthor  `xml:"author"`
	Rights   string      `xml:"rights"`
	Entries  []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Updated    string         `xml:"updated"`
	Summary    string         `xml:"summary"`
	Categories []atomCategory `xml:"category"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr"`
}

// feedFile returns feed.xml, with an entry per case study in the order of
// cases (newest first). s.Base must have an origin.
func feedFile(s Site, cases []Doc) (File, error) {
	abs := s.Base.Abs
	f := atomFeed{
		Lang:     "en",
		Title:    s.Title + ": case studies",
		Subtitle: "New and revised case studies of subnational relations between Latin America and Asia, every fact cited.",
		ID:       abs(sitepath.Feed),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: abs(sitepath.Feed)},
			{Rel: "alternate", Type: "text/html", Href: abs(sitepath.Cases)},
		},
		Author: atomAuthor{Name: s.Authors, URI: abs(sitepath.Home)},
		Rights: LicenceContent,
	}
	for _, c := range cases {
		e := atomEntry{
			Title:   c.Title,
			ID:      abs(c.Path),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: abs(c.Path)},
			Updated: c.Updated + "T00:00:00Z",
			Summary: c.Summary,
		}
		for _, co := range c.Countries {
			e.Categories = append(e.Categories, atomCategory{Term: co.Code, Label: co.Name})
		}
		if e.Updated > f.Updated {
			f.Updated = e.Updated
		}
		f.Entries = append(f.Entries, e)
	}
	if f.Updated == "" {
		// An empty feed still needs a date: the earliest the atlas allows.
		f.Updated = "1900-01-01T00:00:00Z"
	}
	return xmlFile(sitepath.Feed, f)
}

// xmlFile writes v as indented XML with a header.
func xmlFile(name string, v any) (File, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return File{}, fmt.Errorf("%s: %w", name, err)
	}
	buf.WriteByte('\n')
	return File{name, buf.Bytes()}, nil
}

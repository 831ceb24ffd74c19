package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"atlas/internal/render"
)

// The Atom feed of case studies (RFC 4287), at feed.xml.
//
// Atom ids and links must be absolute, so the feed, like the sitemap, is
// written only when the base URL has a scheme and host. Dates come from
// the case studies' "updated" front matter, never from the clock, so the
// feed is the same for the same input.

// FeedFile is the feed's path in the output.
const FeedFile = "feed.xml"

// Authors is how the atlas names its authors (see the how-to-cite page).
const Authors = "Asia–Latin America Subnational Atlas contributors"

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

// atomTime turns a front-matter date into an Atom date-time.
func atomTime(date string) string {
	return date + "T00:00:00Z"
}

// feed writes feed.xml, newest case study first.
func (b *builder) feed() {
	base := b.site.Base
	if base.Origin == "" {
		return
	}
	cases := b.m.caseViews("")
	f := atomFeed{
		Lang:     "en",
		Title:    b.site.Title + ": case studies",
		Subtitle: "New and revised case studies of subnational relations between Latin America and Asia, every fact cited.",
		ID:       base.Abs(FeedFile),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: base.Abs(FeedFile)},
			{Rel: "alternate", Type: "text/html", Href: base.Abs("cases/")},
		},
		Author: atomAuthor{Name: Authors, URI: base.Abs("")},
		Rights: "CC BY 4.0",
	}
	for _, c := range cases {
		e := atomEntry{
			Title:   c.Title,
			ID:      base.Abs(c.Path),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: base.Abs(c.Path)},
			Updated: atomTime(c.Updated),
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
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(f); err != nil {
		b.errs = append(b.errs, fmt.Errorf("%s: %w", FeedFile, err))
		return
	}
	buf.WriteByte('\n')
	b.add(FeedFile, buf.Bytes())
}

// caseCitation fills the Google Scholar tags of a case study: the atlas's
// contributors as author (as the how-to-cite page has it), and the date of
// its last revision.
func caseCitation(c caseView, publisher string) *render.Citation {
	return &render.Citation{
		Title:     c.Title,
		Authors:   []string{Authors},
		Date:      strings.ReplaceAll(c.Updated, "-", "/"),
		Publisher: publisher,
	}
}

package content

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Section is a part of a document's body as plain text: what comes before
// its first heading (ID "", Heading ""), or a heading and what follows it
// up to the next heading.
type Section struct {
	ID      string // the heading's id
	Heading string
	Text    string // the section's text without markup and citation marks
}

// Sections splits the body at its h2 and h3 headings, for the search.
func (d *Doc) Sections() []Section {
	var out []Section
	cur := Section{}
	var text, head strings.Builder
	inHead, skip := false, 0 // skip counts open elements whose text is left out
	flush := func() {
		cur.Text = strings.Join(strings.Fields(text.String()), " ")
		if cur.ID != "" || cur.Text != "" {
			out = append(out, cur)
		}
		text.Reset()
	}
	z := html.NewTokenizer(bytes.NewReader(d.HTML))
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return out
		case html.StartTagToken:
			t := z.Token()
			switch {
			case skip > 0:
				if t.DataAtom == atom.Span {
					skip++
				}
			case t.DataAtom == atom.Span && attr(t, "class") == "cite":
				skip = 1 // "[1; 2]": numbers, not words of the text
			case t.DataAtom == atom.H2 || t.DataAtom == atom.H3:
				flush()
				cur = Section{ID: attr(t, "id")}
				inHead = true
				head.Reset()
			default:
				if blockAtom(t.DataAtom) {
					text.WriteByte(' ')
				}
			}
		case html.EndTagToken:
			t := z.Token()
			switch {
			case skip > 0:
				if t.DataAtom == atom.Span {
					skip--
				}
			case inHead && (t.DataAtom == atom.H2 || t.DataAtom == atom.H3):
				inHead = false
				cur.Heading = strings.Join(strings.Fields(head.String()), " ")
			default:
				if blockAtom(t.DataAtom) {
					text.WriteByte(' ')
				}
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inHead {
				head.Write(z.Text())
			} else {
				text.Write(z.Text())
			}
		}
	}
}

// blockAtom reports whether an element separates words, as a paragraph or
// a table cell does.
func blockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Td, atom.Th, atom.Tr, atom.Br, atom.Div, atom.Blockquote, atom.Caption, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Table:
		return true
	}
	return false
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

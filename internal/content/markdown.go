package content

import (
	"atlas/internal/sitepath"

	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"atlas/internal/slug"
	"atlas/internal/srcpos"
)

// markdown renders document bodies.
type markdown struct {
	md       goldmark.Markdown
	basePath string
}

// newMarkdown configures goldmark, once, for every document.
func newMarkdown(basePath string) *markdown {
	md := goldmark.New(
		goldmark.WithExtensions(
			// GFM tables, for the occasional table of figures.
			extension.Table,
			// Citations: [@id] and [@id, locator].
			citations{},
			// Table captions from a "Table: ..." paragraph.
			captions{},
			// Typographic quotes, dashes and ellipses in prose, written as
			// characters rather than entities.
			extension.NewTypographer(extension.WithTypographicSubstitutions(typography)),
		),
		goldmark.WithParserOptions(
			// Heading ids, made by headingIDs from the text.
			parser.WithAutoHeadingID(),
		),
		// Raw HTML stays off: html.WithUnsafe is deliberately not set, so
		// goldmark would omit it, and render reports it as an error first.
	)
	return &markdown{md: md, basePath: basePath}
}

// typography maps typographic punctuation to UTF-8 characters. Angle
// quotes ("<<", ">>") are left alone.
var typography = map[extension.TypographicPunctuation]string{
	extension.LeftSingleQuote:  "‘",
	extension.RightSingleQuote: "’",
	extension.LeftDoubleQuote:  "“",
	extension.RightDoubleQuote: "”",
	extension.EnDash:           "–",
	extension.EmDash:           "—",
	extension.Ellipsis:         "…",
	extension.Apostrophe:       "’",
}

// render parses body, which starts on line bodyLine of d.File, fills d's
// HTML, headings, citations and links, and reports raw HTML and malformed
// citations at their positions.
func (m *markdown) render(d *Doc, body []byte, bodyLine int) error {
	pos := newPositions(d.File, body, bodyLine)
	if err := checkCost(body, pos); err != nil {
		return err
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	doc := m.md.Parser().Parse(text.NewReader(body), parser.WithContext(ctx))
	var errs srcpos.List
	tables(doc, body, pos, &errs)
	cites := citeState(ctx)
	for _, e := range cites.errs {
		errs.Add(pos.at(e.offset), "citation", "%s", e.msg)
	}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			errs.Add(pos.at(blockStart(n)), "body", "raw HTML is not allowed (write Markdown)")
		case *ast.RawHTML:
			seg := n.Segments.At(0)
			errs.Add(pos.at(seg.Start), "body", "raw HTML %q is not allowed (write Markdown)", firstLine(seg.Value(body)))
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			d.Headings = append(d.Headings, Heading{Level: n.Level, Text: plainText(n, body), ID: string(id.([]byte))})
		case *ast.Link:
			checkLink(n, string(n.Destination), pos, linkStart(n, body), &errs)
			m.link(d, n, pos, linkStart(n, body))
		case *ast.AutoLink:
			checkLink(n, string(n.URL(body)), pos, autoLinkStart(n, body), &errs)
		case *ast.Image:
			errs.Add(pos.at(linkStart(n, body)), "body", "images are not supported yet (link to the file instead)")
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return err
	}
	if err := errs.Err(); err != nil {
		return err
	}
	for _, c := range cites.cites {
		c.Pos = pos.at(c.offset)
		d.Citations = append(d.Citations, c.Citation)
	}
	d.Refs = cites.refs()
	var b bytes.Buffer
	if err := m.md.Renderer().Render(&b, body, doc); err != nil {
		return fmt.Errorf("%s: rendering: %w", d.File, err)
	}
	// Wide tables scroll inside their own box on narrow screens, like the
	// site's other tables. Raw HTML is refused, so every "<table>" here is
	// goldmark's own.
	html := bytes.ReplaceAll(b.Bytes(), []byte("<table>"), []byte(`<div class="scroll">`+"\n<table>"))
	d.HTML = bytes.ReplaceAll(html, []byte("</table>"), []byte("</table>\n</div>"))
	return nil
}

// link records a site-absolute link and rewrites it under the base path,
// into the tree of the document's language when it is a page ("/table-1/"
// in a Spanish text leads to /es/table-1/; a download stays where it is).
func (m *markdown) link(d *Doc, n *ast.Link, pos *positions, offset int) {
	dest := string(n.Destination)
	if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return
	}
	d.Links = append(d.Links, Link{Dest: dest, Pos: pos.at(offset)})
	n.Destination = []byte(m.basePath + sitepath.InLang(d.Lang, strings.TrimPrefix(dest, "/")))
}

// schemeRE matches a URL scheme. The site links only to http, https and
// mailto URLs and to its own paths: goldmark would turn "javascript:" and
// "data:" links into href="", silently.
var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// checkLink reports a link to a URL of a scheme the site does not link
// to, and a citation inside a link's text, which would nest a link in a
// link.
func checkLink(n ast.Node, dest string, pos *positions, offset int, errs *srcpos.List) {
	if scheme := schemeRE.FindString(strings.TrimSpace(dest)); scheme != "" {
		switch strings.ToLower(scheme) {
		case "http:", "https:", "mailto:":
		default:
			errs.Add(pos.at(offset), "link", "%q: a %s link is not allowed (an http:, https: or mailto: URL, or a path of the site)", firstLine([]byte(dest)), strings.ToLower(scheme))
		}
	}
	if c := firstCitation(n); c != nil {
		errs.Add(pos.at(c.offset), "citation", "a citation inside a link's text (cite before or after the link)")
	}
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	return s
}

// blockStart returns the offset of the first line of n's block: n's own
// if n is a block, else its nearest block ancestor's (goldmark panics on
// an inline node's Lines, as for an autolink inside emphasis: found by
// FuzzCitations).
func blockStart(n ast.Node) int {
	for n != nil && n.Type() != ast.TypeBlock {
		n = n.Parent()
	}
	if n != nil && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	return 0
}

// linkStart returns the offset of a link's text, the nearest position
// goldmark keeps for it (the "[" is one before).
func linkStart(n ast.Node, body []byte) int {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			if t.Segment.Start > 0 && body[t.Segment.Start-1] == '[' {
				return t.Segment.Start - 1
			}
			return t.Segment.Start
		}
	}
	if p := n.Parent(); p != nil {
		return blockStart(p)
	}
	return 0
}

// autoLinkStart returns the offset of an autolink's "<", which goldmark
// does not keep: the first "<URL" from the start of its block.
func autoLinkStart(n *ast.AutoLink, body []byte) int {
	start := linkStart(n, body)
	if i := bytes.Index(body[start:], append([]byte("<"), n.URL(body)...)); i >= 0 {
		return start + i
	}
	return start
}

// plainText returns the text of a node's inline children.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// positions maps byte offsets in a body to file positions.
type positions struct {
	file   string
	starts []int // offset of each line's start
	first  int   // file line of the body's first line
	src    []byte
}

func newPositions(file string, src []byte, first int) *positions {
	p := &positions{file: file, first: first, starts: []int{0}, src: src}
	for i, c := range src {
		if c == '\n' {
			p.starts = append(p.starts, i+1)
		}
	}
	return p
}

func (p *positions) at(offset int) srcpos.Position {
	// The last line starting at or before offset.
	line := sort.SearchInts(p.starts, offset+1) - 1
	col := 1 + len([]rune(string(p.src[p.starts[line]:min(offset, len(p.src))])))
	return srcpos.Position{File: p.file, Line: p.first + line, Col: col}
}

// headingIDs makes heading ids from their text with accents folded, unique
// within a document.
type headingIDs struct {
	used map[string]bool
	// next holds, per base id, the suffix to try next, so that n equal
	// headings cost n steps, not n²/2.
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := slug.Make(string(value))
	switch {
	case base == "":
		base = "section"
	case base[0] >= '0' && base[0] <= '9':
		// "2019: the letter": an id starting with a digit is valid HTML,
		// but no CSS selector names it as it is, and checkers report it.
		base = "section-" + base
	}
	id, i := base, h.next[base]
	if i > 0 {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	for h.used[id] || reserved(id) {
		i++
		id = fmt.Sprintf("%s-%d", base, i)
	}
	h.next[base] = i + 1
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

var reservedRE = regexp.MustCompile(`^(?:main|references|(?:ref|cite)-\d+)$`)

// reserved reports ids the page template uses around the body. Adding a
// suffix to any of them makes an id that is not reserved.
func reserved(id string) bool { return reservedRE.MatchString(id) }

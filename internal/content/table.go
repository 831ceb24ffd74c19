package content

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"atlas/internal/srcpos"
)

// captionPrefix starts the paragraph that captions the table after it.
const captionPrefix = "Table: "

var kindCaption = ast.NewNodeKind("TableCaption")

// captionNode is a table's caption, rendered as its first child.
type captionNode struct {
	ast.BaseBlock
	text string
}

func (n *captionNode) Kind() ast.NodeKind { return kindCaption }

func (n *captionNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// tables gives every GFM table the caption written in the paragraph just
// before it ("Table: what it shows") and scopes its header cells, so that
// tables in Markdown are as accessible as the site's own. A table without
// a caption is an error.
func tables(doc ast.Node, body []byte, pos *positions, errs *srcpos.List) {
	var found []*east.Table
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			found = append(found, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range found {
		p, ok := t.PreviousSibling().(*ast.Paragraph)
		text := ""
		if ok {
			text = plainText(p, body)
		}
		if !strings.HasPrefix(text, captionPrefix) {
			errs.Add(pos.at(tableStart(t)), "body", "a table without a caption (a paragraph %q right before the table)", captionPrefix+"what the table shows")
			continue
		}
		if !checkCaption(p, body, pos, errs) {
			continue
		}
		t.Parent().RemoveChild(t.Parent(), p)
		t.InsertBefore(t, t.FirstChild(), &captionNode{text: strings.TrimPrefix(text, captionPrefix)})
		for c := t.FirstChild(); c != nil; c = c.NextSibling() {
			if h, ok := c.(*east.TableHeader); ok {
				for cell := h.FirstChild(); cell != nil; cell = cell.NextSibling() {
					cell.SetAttributeString("scope", []byte("col"))
				}
			}
		}
	}
}

// checkCaption reports what a caption paragraph holds besides text, and
// reports whether it holds nothing else. A caption is plain text: a
// citation in it would be numbered but never shown, and raw HTML, images
// and links would be dropped without a word.
func checkCaption(p *ast.Paragraph, body []byte, pos *positions, errs *srcpos.List) bool {
	n := len(*errs)
	ast.Walk(p, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *citationNode:
			errs.Add(pos.at(c.offset), "citation", "a citation in a table caption (cite in the text before the table, or in a cell)")
		case *ast.RawHTML:
			seg := c.Segments.At(0)
			errs.Add(pos.at(seg.Start), "body", "raw HTML %q is not allowed (write Markdown)", firstLine(seg.Value(body)))
		case *ast.Image:
			errs.Add(pos.at(linkStart(c, body)), "body", "images are not supported yet (link to the file instead)")
		case *ast.Link, *ast.AutoLink:
			errs.Add(pos.at(linkStart(c, body)), "link", "a link in a table caption (captions are plain text; link in the text before the table)")
		default:
			return ast.WalkContinue, nil
		}
		return ast.WalkSkipChildren, nil
	})
	return len(*errs) == n
}

// tableStart returns the offset of a table's first cell text.
func tableStart(t *east.Table) int {
	start := -1
	ast.Walk(t, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if txt, ok := n.(*ast.Text); ok && entering && start < 0 {
			start = txt.Segment.Start
		}
		return ast.WalkContinue, nil
	})
	return max(start, 0)
}

// captions registers the caption renderer.
type captions struct{}

func (captions) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(captionRenderer{}, 500)))
}

type captionRenderer struct{}

func (captionRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCaption, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			w.WriteString("<caption>")
			w.Write(util.EscapeHTML([]byte(n.(*captionNode).text)))
			w.WriteString("</caption>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// firstCitation returns the first citation inside n, or nil.
func firstCitation(n ast.Node) *citationNode {
	var found *citationNode
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if cn, ok := c.(*citationNode); ok && entering && found == nil {
			found = cn
		}
		return ast.WalkContinue, nil
	})
	return found
}

package content

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// citations is the goldmark extension for [@source-id, locator] citations:
// an inline parser that runs before the link parser, and a renderer.
type citations struct{}

func (citations) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(
		// Before the link parser (200), which also starts at "[".
		util.Prioritized(citeParser{}, 199),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(citationRenderer{}, 500),
	))
}

var kindCitation = ast.NewNodeKind("Citation")

// citationNode is one bracket of citations: [@a; @b, p. 3].
type citationNode struct {
	ast.BaseInline
	items  []*cite
	offset int
}

func (n *citationNode) Kind() ast.NodeKind { return kindCitation }

func (n *citationNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// cite is a citation with its offset in the body.
type cite struct {
	Citation
	offset int
}

type citeError struct {
	offset int
	msg    string
}

// citeStateT numbers the sources of one document in order of first
// citation.
type citeStateT struct {
	cites   []*cite
	numbers map[string]int
	order   []string
	errs    []citeError
}

var citeKey = parser.NewContextKey()

func citeState(pc parser.Context) *citeStateT {
	if s, ok := pc.Get(citeKey).(*citeStateT); ok {
		return s
	}
	s := &citeStateT{numbers: map[string]int{}}
	pc.Set(citeKey, s)
	return s
}

func (s *citeStateT) add(id, locator string, offset int) *cite {
	n, ok := s.numbers[id]
	if !ok {
		s.order = append(s.order, id)
		n = len(s.order)
		s.numbers[id] = n
	}
	c := &cite{Citation: Citation{ID: id, Locator: locator, Number: n, Anchor: fmt.Sprintf("cite-%d", len(s.cites)+1)}, offset: offset}
	s.cites = append(s.cites, c)
	return c
}

// refs returns the numbered references with their back-links.
func (s *citeStateT) refs() []Ref {
	refs := make([]Ref, len(s.order))
	for i, id := range s.order {
		refs[i] = Ref{Number: i + 1, ID: id}
	}
	for _, c := range s.cites {
		r := &refs[c.Number-1]
		r.Backlinks = append(r.Backlinks, c.Anchor)
		if c.Locator != "" && !slices.Contains(r.Locators, c.Locator) {
			r.Locators = append(r.Locators, c.Locator)
		}
	}
	return refs
}

var citeIDRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

type citeParser struct{}

func (citeParser) Trigger() []byte { return []byte{'['} }

func (citeParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 3 || line[1] != '@' {
		return nil
	}
	end := bytes.IndexByte(line, ']')
	if end < 0 {
		return nil
	}
	if end+1 < len(line) && (line[end+1] == '(' || line[end+1] == '[') {
		return nil // a link whose text starts with "@"
	}
	s := citeState(pc)
	n := &citationNode{offset: seg.Start}
	off := seg.Start + 1
	for _, item := range strings.Split(string(line[1:end]), ";") {
		itemOff := off + len(item) - len(strings.TrimLeft(item, " "))
		off += len(item) + 1
		item = strings.TrimSpace(item)
		id, locator, _ := strings.Cut(strings.TrimPrefix(item, "@"), ",")
		id, locator = strings.TrimSpace(id), strings.TrimSpace(locator)
		switch {
		case !strings.HasPrefix(item, "@"):
			s.errs = append(s.errs, citeError{itemOff, fmt.Sprintf("%q is not a citation (expected @source-id, optionally followed by \", locator\")", item)})
		case !citeIDRE.MatchString(id):
			s.errs = append(s.errs, citeError{itemOff, fmt.Sprintf("%q is not a source id (lower-case letters, digits and hyphens)", id)})
		default:
			n.items = append(n.items, s.add(id, locator, itemOff))
		}
	}
	block.Advance(end + 1)
	return n
}

type citationRenderer struct{}

func (citationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCitation, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*citationNode)
		w.WriteString(`<span class="cite">[`)
		for i, c := range n.items {
			if i > 0 {
				w.WriteString("; ")
			}
			fmt.Fprintf(w, `<a href="#ref-%d" id="%s">%d</a>`, c.Number, c.Anchor, c.Number)
			if c.Locator != "" {
				w.WriteString(", ")
				w.Write(util.EscapeHTML([]byte(c.Locator)))
			}
		}
		w.WriteString(`]</span>`)
		return ast.WalkSkipChildren, nil
	})
}

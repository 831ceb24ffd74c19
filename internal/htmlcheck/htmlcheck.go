// Package htmlcheck checks that a built page is well-formed HTML with the
// structure every atlas page must have. It is the only importer of
// golang.org/x/net/html.
//
// It is not a full validator (the Nu validator and html-validate are Java
// and Node programs, which the build does not need); it checks, in one pass
// of the tokenizer so that every problem has a line:
//
//   - a <!DOCTYPE html> before anything else;
//   - <html lang="...">, a non-empty <title>, one <main> and one <h1>;
//   - ids that are unique on the page;
//   - alt on every <img>, a <caption> as the first child of every <table>,
//     scope on every <th> inside a <thead>;
//   - no attribute given twice on one element (browsers keep the first and
//     silently drop the rest);
//   - balance: every element but the void ones (br, img, meta, ...) is
//     closed by its own end tag, in order. That is stricter than HTML, which
//     lets some end tags be implied, and it is what the templates do: an
//     unclosed or misnested element there is a mistake, not a shortcut;
//   - no end tag on a void element, and no "/>" on an element that is not
//     void (browsers ignore it and leave the element open).
package htmlcheck

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Problem is one thing wrong with a page.
type Problem struct {
	Line int // 1-based; 0 for a problem of the whole page
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%d: %s", p.Line, p.Msg) }

// void elements have no content and no end tag.
var void = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true,
}

// open is an element whose end tag has not been seen yet.
type open struct {
	name  string
	line  int
	child bool // an element child has started (for <table>'s caption)
}

type checker struct {
	line     int // line of the current token
	stack    []open
	ids      map[string]int // id -> line of its first use
	h1, main []int          // lines
	title    strings.Builder
	inTitle  bool
	doctype  bool
	started  bool // a token other than white space or a comment was seen
	problems []Problem
}

// Check returns the problems of the page src, in the order of their lines.
func Check(src []byte) []Problem {
	c := &checker{line: 1, ids: map[string]int{}}
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); err != io.EOF {
				c.add("cannot tokenize: %v", err)
			}
			break
		}
		// Copy the raw token now: the tokenizer reuses its bytes.
		raw := bytes.Clone(z.Raw())
		c.token(tt, z, raw)
		c.line += bytes.Count(raw, []byte("\n"))
	}
	c.end()
	slices.SortStableFunc(c.problems, func(a, b Problem) int { return a.Line - b.Line })
	return c.problems
}

func (c *checker) add(format string, args ...any) {
	c.problems = append(c.problems, Problem{Line: c.line, Msg: fmt.Sprintf(format, args...)})
}

func (c *checker) token(tt html.TokenType, z *html.Tokenizer, raw []byte) {
	switch tt {
	case html.DoctypeToken:
		if c.started || c.doctype {
			c.add("doctype not at the start of the page")
		}
		if !strings.EqualFold(strings.TrimSpace(string(z.Text())), "html") {
			c.add("doctype %q (expected <!DOCTYPE html>)", z.Text())
		}
		c.doctype, c.started = true, true
	case html.CommentToken:
	case html.TextToken:
		text := z.Text()
		if c.inTitle {
			c.title.Write(text)
		}
		if len(bytes.TrimSpace(text)) > 0 {
			c.started = true
		}
	case html.StartTagToken, html.SelfClosingTagToken:
		c.started = true
		tok := z.Token()
		c.startTag(tok, tt == html.SelfClosingTagToken)
		c.duplicates(tok.Data, raw)
	case html.EndTagToken:
		c.started = true
		name, _ := z.TagName()
		c.endTag(string(name))
	}
}

func (c *checker) startTag(tok html.Token, selfClosing bool) {
	name := tok.Data
	attrs := map[string]string{}
	for _, a := range tok.Attr {
		attrs[a.Key] = a.Val
	}
	if id, ok := attrs["id"]; ok {
		switch first, dup := c.ids[id]; {
		case id == "":
			c.add("<%s>: empty id", name)
		case dup:
			c.add("<%s>: id %q already used on line %d", name, id, first)
		default:
			c.ids[id] = c.line
		}
	}
	if n := len(c.stack); n > 0 {
		if parent := &c.stack[n-1]; parent.name == "table" && !parent.child {
			parent.child = true
			if name != "caption" {
				c.add("<table> of line %d: first child is <%s> (expected a <caption>)", parent.line, name)
			}
		}
	}
	switch name {
	case "html":
		if strings.TrimSpace(attrs["lang"]) == "" {
			c.add("<html> without a lang attribute")
		}
	case "h1":
		c.h1 = append(c.h1, c.line)
	case "main":
		c.main = append(c.main, c.line)
	case "title":
		c.inTitle = true
	case "img":
		if _, ok := attrs["alt"]; !ok {
			c.add("<img src=%q> without alt (use alt=\"\" for a decorative image)", attrs["src"])
		}
	case "th":
		if c.inside("thead") && attrs["scope"] == "" {
			c.add("<th> in <thead> without scope")
		}
	}
	switch {
	case void[name]:
	case selfClosing:
		c.add("<%s/>: %s is not a void element, so the slash is ignored and the element stays open", name, name)
		c.stack = append(c.stack, open{name: name, line: c.line})
	default:
		c.stack = append(c.stack, open{name: name, line: c.line})
	}
}

func (c *checker) endTag(name string) {
	if void[name] {
		c.add("</%s>: %s is a void element and has no end tag", name, name)
		return
	}
	if name == "title" {
		c.inTitle = false
	}
	i := len(c.stack) - 1
	for i >= 0 && c.stack[i].name != name {
		i--
	}
	if i < 0 {
		c.add("</%s> without a matching <%s>", name, name)
		return
	}
	for _, o := range c.stack[i+1:] {
		c.add("<%s> of line %d not closed before </%s>", o.name, o.line, name)
	}
	if o := c.stack[i]; o.name == "table" && !o.child {
		c.add("<table> of line %d has no <caption>", o.line)
	}
	c.stack = c.stack[:i]
}

func (c *checker) inside(name string) bool {
	return slices.ContainsFunc(c.stack, func(o open) bool { return o.name == name })
}

// end checks what can only be checked for the whole page.
func (c *checker) end() {
	for _, o := range c.stack {
		c.problems = append(c.problems, Problem{Line: o.line, Msg: fmt.Sprintf("<%s> never closed", o.name)})
	}
	if !c.doctype {
		c.problems = append(c.problems, Problem{Msg: "no <!DOCTYPE html>"})
	}
	if strings.TrimSpace(c.title.String()) == "" {
		c.problems = append(c.problems, Problem{Msg: "no <title>, or an empty one"})
	}
	c.count("h1", c.h1)
	c.count("main", c.main)
}

// count reports an element that must appear exactly once.
func (c *checker) count(name string, lines []int) {
	switch len(lines) {
	case 0:
		c.problems = append(c.problems, Problem{Msg: fmt.Sprintf("no <%s> (expected one)", name)})
	case 1:
	default:
		for _, l := range lines[1:] {
			c.problems = append(c.problems, Problem{Line: l, Msg: fmt.Sprintf("another <%s> (expected one; the first is on line %d)", name, lines[0])})
		}
	}
}

// duplicates reports the attributes given twice in the raw start tag. The
// tokenizer keeps only the first, as browsers do, so it has to read the
// tag again.
func (c *checker) duplicates(name string, raw []byte) {
	seen := map[string]bool{}
	for _, k := range attrNames(raw) {
		if seen[k] {
			c.add("<%s>: attribute %q given twice", name, k)
		}
		seen[k] = true
	}
}

// attrNames returns the lower-cased names of the attributes of a raw start
// tag, "<a href=x title='y'>", in order and with repeats, following the
// HTML tokenizer's rules for attribute names and values.
func attrNames(raw []byte) []string {
	s := strings.TrimSuffix(strings.TrimPrefix(string(raw), "<"), ">")
	i := strings.IndexAny(s, " \t\n\f\r/")
	if i < 0 {
		return nil
	}
	s = s[i:]
	var names []string
	for {
		s = strings.TrimLeft(s, " \t\n\f\r/")
		if s == "" {
			return names
		}
		// A name runs to white space, "/", ">" or "="; a leading "="
		// belongs to the name.
		end := 1 + strings.IndexFunc(s[1:], func(r rune) bool { return strings.ContainsRune(" \t\n\f\r/>=", r) })
		if end == 0 {
			end = len(s)
		}
		names = append(names, strings.ToLower(s[:end]))
		s = strings.TrimLeft(s[end:], " \t\n\f\r")
		if !strings.HasPrefix(s, "=") {
			continue
		}
		s = strings.TrimLeft(s[1:], " \t\n\f\r")
		switch {
		case s == "":
		case s[0] == '"' || s[0] == '\'':
			if j := strings.IndexByte(s[1:], s[0]); j >= 0 {
				s = s[j+2:]
			} else {
				s = ""
			}
		default:
			if j := strings.IndexAny(s, " \t\n\f\r>"); j >= 0 {
				s = s[j:]
			} else {
				s = ""
			}
		}
	}
}

package htmlcheck

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Style is CSS written into a page rather than linked: a style attribute,
// or a <style> element.
type Style struct {
	Line  int
	Tag   string // the element: "div" for <div style=...>, "style" for <style>
	Class string // the element's class attribute
	CSS   string // the attribute's value, or the <style> element's text
}

// InlineStyles returns the CSS written into the page src, in the order of
// its lines. A Content-Security-Policy of style-src 'self' blocks every one
// of them. The content of <noscript>, which the tokenizer reads as text
// (as a browser does when scripting is on), is read as markup too, since a
// browser without scripting sees it so.
func InlineStyles(src []byte) []Style {
	var out []Style
	inlineStyles(src, 1, &out)
	return out
}

func inlineStyles(src []byte, line int, out *[]Style) {
	z := html.NewTokenizer(bytes.NewReader(src))
	var open *Style // a <style> element whose text comes next
	noscript := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				*out = append(*out, Style{Line: line, CSS: "(cannot tokenize the rest of the page)"})
			}
			return
		}
		raw := bytes.Clone(z.Raw())
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			var class string
			for _, a := range tok.Attr {
				if a.Key == "class" {
					class = a.Val
				}
			}
			for _, a := range tok.Attr {
				if a.Key == "style" {
					*out = append(*out, Style{Line: line, Tag: tok.Data, Class: class, CSS: a.Val})
				}
			}
			switch tok.Data {
			case "style":
				*out = append(*out, Style{Line: line, Tag: "style", Class: class})
				open = &(*out)[len(*out)-1]
			case "noscript":
				noscript = tt == html.StartTagToken
			}
		case html.TextToken:
			switch {
			case open != nil:
				open.CSS = strings.TrimSpace(string(raw))
			case noscript:
				inlineStyles(raw, line, out)
			}
			open, noscript = nil, false
		default:
			open, noscript = nil, false
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

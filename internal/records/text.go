package records

import (
	"strings"

	"atlas/internal/srcpos"
)

// formulaStarts are the characters with which a spreadsheet reads a cell
// of the CSV downloads as a formula ("=HYPERLINK(...)"). Text that reaches
// the downloads may not start with one: refusing it at validation keeps
// the downloads the records as written, unlike quoting each cell.
const formulaStarts = "=+-@"

// csvText reports text of field that a spreadsheet would run as a
// formula.
func (v *validator) csvText(fields srcpos.Fields, def srcpos.Position, field, s string) {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		v.errs.Add(fields.At(field, def), field, "%q starts with %q, which spreadsheets run as a formula from the CSV downloads (text that starts with another character)", s, s[:1])
	}
}

// bibURL reports a URL with a brace, which would end its field in
// sources.bib and let the rest add fields of its own.
func (v *validator) bibURL(fields srcpos.Fields, def srcpos.Position, url string) {
	if i := strings.IndexAny(url, "{}"); i >= 0 {
		v.errs.Add(fields.At("url", def), "url", "%q contains %q (a URL without braces: write %%7B for { and %%7D for })", url, url[i:i+1])
	}
}

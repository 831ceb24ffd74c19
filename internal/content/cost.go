package content

import (
	"regexp"
	"strings"

	"atlas/internal/srcpos"
)

// Bounds on a body that goldmark parses in time that grows faster than
// its size: deeply nested lists (quadratic in depth) and long lines of
// unclosed links ("[a](" repeated). They are far above what prose needs.
const (
	maxBody      = 1 << 20 // bytes in a body
	maxLine      = 10_000  // bytes in a line
	maxListDepth = 32      // levels of nested lists
)

// listItemRE matches a line that starts a list item, capturing its
// indentation.
var listItemRE = regexp.MustCompile(`^([ \t>]*)(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]|$)`)

// checkCost reports a body that is too large, too long a line, or a list
// nested too deep, before goldmark parses it.
func checkCost(body []byte, pos *positions) error {
	if len(body) > maxBody {
		return srcpos.Errorf(pos.at(0), "body", "%d bytes is too long (a body of at most %d bytes; split the page)", len(body), maxBody)
	}
	var errs srcpos.List
	for i, start := range pos.starts {
		end := len(body)
		if i+1 < len(pos.starts) {
			end = pos.starts[i+1]
		}
		line := string(body[start:end])
		if len(line) > maxLine {
			errs.Add(pos.at(start), "body", "a line of %d bytes is too long (lines of at most %d bytes; break the paragraph into lines)", len(line), maxLine)
			continue
		}
		if m := listItemRE.FindStringSubmatch(line); m != nil && indentWidth(m[1]) >= 2*maxListDepth {
			errs.Add(pos.at(start), "body", "a list item indented %d columns is nested too deep (lists nested at most %d deep)", indentWidth(m[1]), maxListDepth)
		}
	}
	return errs.Err()
}

// indentWidth counts columns, a tab as four, a quote marker as two
// (each level of nesting takes at least two).
func indentWidth(s string) int {
	return len(s) + 3*strings.Count(s, "\t") + strings.Count(s, ">")
}

package sitepath

import (
	"slices"
	"strings"
)

// ReservedIDs are the element ids the pages give elements of their own:
// the literal id="..." of templates/*.html (TestReservedIDsCoverTemplates
// keeps the list complete) and the ids of the tables the site names.
// Agreement and source ids become element ids too (AgreementAnchor, the
// bibliography's entries), so validation refuses these: a page would have
// two elements with one id, and a link to it would land on the wrong one.
var ReservedIDs = []string{
	"agreements", "asia", "atlas-words", "by-country", "by-level", "cases", "checks", "compare",
	"country-agreements", "data", "embed", "embed-code", "examples", "explore", "figures", "growth", "latam",
	"latest", "localities", "locator-title", "main", "milestones", "other-agreements", "others", "partner-agreements",
	"partners", "place-agreements", "places", "q", "reading", "reconciled", "references",
	"site-q", "source", "sources", "table-1", "unmapped",
}

// ReservedPrefixes start the ids the pages number or derive: citations
// (cite-1), references (ref-1), a country page's partner groups (with-cn,
// PartnerAnchor) and the places page's country groups (in-ar).
var ReservedPrefixes = []string{"cite-", "ref-", "with-", "in-"}

// ReservedID reports whether id is, or could be, the id of an element the
// pages make themselves (ReservedIDs, ReservedPrefixes).
func ReservedID(id string) bool {
	if slices.Contains(ReservedIDs, id) {
		return true
	}
	for _, p := range ReservedPrefixes {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

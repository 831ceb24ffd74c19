// Package content owns the Markdown under content/: case studies
// (content/cases/*.md) and research pages (content/pages/*.md). It decodes
// each file's YAML front matter strictly, renders the body with goldmark,
// and resolves citations. It is the only importer of goldmark.
//
// # Files
//
// A file starts with a line "---", YAML front matter, and a closing "---";
// the Markdown body follows. Case front matter:
//
//	title: "Biobío Region (Chile) and its Chinese partners"   (required)
//	slug: biobio                  (required; lowercase letters, digits and hyphens; equals the file name)
//	summary: "One or two sentences."                          (required)
//	countries: [CL]               Latin American country codes ([] builds, for a fresh scaffold)
//	localities: [cl/biobio-region, cn/hubei]                  locality ids
//	partners: [CN]                Asian country codes
//	period: {from: 2014, to: 2017}                            years covered; either may be left out
//	sources: [araya-heredia-rsa]  the main sources ([] builds too; fill both before publishing)
//	updated: 2026-11-22           (required)
//
// Page front matter: title, slug, summary, order (navigation order),
// updated. A page's slug is a top-level path of the site, so it may not be
// one of the site's own (checked by package site).
//
// # Languages
//
// English texts are in content/cases and content/pages; a text in another
// language is in content/<lang>/cases or content/<lang>/pages (content/es/
// cases/biobio.md), with the front matter of its English version and two
// more fields:
//
//	lang: es        the text's language; must be its directory's (English files may leave it out)
//	key: biobio     the translation key shared by every version of the text (default: the slug)
//
// A text's page is at its key in its language's tree (/es/cases/biobio/),
// so the key is a slug; two texts of one language with one key are an
// error. Which languages the site has is data/site.yaml's to say: package
// site refuses a directory of another.
//
// A .md file anywhere else under content/ is an error, and so is a
// symbolic link or other non-regular file (see srcfs).
//
// # Markdown
//
// CommonMark with GFM tables. Raw HTML is an error, not passed through.
// Site-absolute links ("/table-1/") are rewritten under the site's base
// path. Citations: [@source-id], [@source-id, p. 23], and several in one
// bracket separated by semicolons: [@a; @b, table 1]. Each distinct source
// gets a number in order of first citation; the page lists the references
// with links back to every place that cites them. A citation stays on one
// line and outside a link's text; an unclosed "[@" is an error. Links go
// to http:, https: and mailto: URLs or to paths: any other scheme
// (javascript:, data:) is an error. A "Table:" caption is plain text:
// raw HTML, images, links and citations in it are errors. Headings get ids made
// from their text with accents folded ("Biobío" -> "biobio").
//
// A body is at most 1 MiB, a line at most 10,000 bytes and a list nested
// at most 32 deep: goldmark's time grows faster than the input beyond
// that (a long line of unclosed links, a deep list), so larger inputs are
// refused with their position rather than parsed for minutes.
package content

import "atlas/internal/srcpos"

// Directories of the two kinds of document.
const (
	CasesDir = "content/cases"
	PagesDir = "content/pages"
)

// Case is the front matter of a case study.
type Case struct {
	Title      string   `yaml:"title,required"`
	Slug       string   `yaml:"slug,required"`
	Summary    string   `yaml:"summary,required"`
	Countries  []string `yaml:"countries,required"`
	Localities []string `yaml:"localities"`
	Partners   []string `yaml:"partners"`
	Period     *Period  `yaml:"period"`
	Sources    []string `yaml:"sources,required"`
	Updated    string   `yaml:"updated,required"`
	Lang       string   `yaml:"lang"` // see Doc.Lang
	Key        string   `yaml:"key"`  // see Doc.Key

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Period is the span of years a case study covers.
type Period struct {
	From *int `yaml:"from"`
	To   *int `yaml:"to"`

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Page is the front matter of a research page.
type Page struct {
	Title   string `yaml:"title,required"`
	Slug    string `yaml:"slug,required"`
	Summary string `yaml:"summary,required"`
	Order   int    `yaml:"order,required"`
	Updated string `yaml:"updated,required"`
	Lang    string `yaml:"lang"` // see Doc.Lang
	Key     string `yaml:"key"`  // see Doc.Key

	Pos    srcpos.Position
	Fields srcpos.Fields
}

// Doc is a rendered document: its front matter (Case or Page), its body
// as HTML, and what the body cites and links to.
type Doc struct {
	File string // "content/cases/biobio.md"
	Case *Case  // set for case studies
	Page *Page  // set for research pages
	// Lang is the language the text is written in: its directory's,
	// "en" for content/cases and content/pages, "es" for content/es/cases.
	Lang string
	// Key links the translations of one text: the front matter's key, or
	// the slug. Every translation of a text has its key, and its page has
	// the key as its slug in every language: /cases/biobio/ and
	// /es/cases/biobio/.
	Key string

	HTML      []byte
	Headings  []Heading
	Citations []Citation // every citation, in document order
	Refs      []Ref      // the numbered references, in order
	Links     []Link     // site-relative links, to check once the site is built
}

// Heading is a section heading of the body.
type Heading struct {
	Level int
	Text  string
	ID    string
}

// Citation is one cited source at one place in the body.
type Citation struct {
	ID      string // source id
	Locator string // "p. 23", or ""
	Number  int    // its reference number
	Anchor  string // the id of the citing element, for back-links
	Pos     srcpos.Position
}

// Ref is a numbered reference and the places citing it.
type Ref struct {
	Number    int
	ID        string
	Locators  []string // distinct locators used, in order
	Backlinks []string // anchors of the citing places
}

// Link is a link in the body to a page of the site.
type Link struct {
	Dest string // as written: "/table-1/#compare"
	Pos  srcpos.Position
}

// Package benchcorpus writes a synthetic source tree for the benchmarks:
// N agreements between localities of the 33 Latin American and Caribbean
// countries and ten Asian partners, the sources they cite with locators,
// and N/10 case studies of about 1,500 words, in the layout of the real
// data/ and content/. The site's own templates/ and static/, the country
// list and the published figures are copied from the repository, so that
// `atlas build -src DIR` builds the corpus as it builds the atlas.
//
// The output depends only on N and the repository's files: the same N
// gives the same bytes. The text is filler drawn from a fixed word list
// by a seeded generator; no fact in it is meant to be read.
package benchcorpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"atlas/internal/sitepath"
	"atlas/internal/slug"
)

// Day is the day every generated record was "read" and every document
// "updated": build the corpus with a -date on or after it.
const Day = "2026-11-01"

// LatAm are the 33 Latin American and Caribbean countries, with the share
// of the localities each gets (per mille, roughly the skew of the real
// records: Brazil and Mexico hold most).
var LatAm = []struct {
	Code, Name string
	Weight     int
}{
	{"AG", "Antigua and Barbuda", 2}, {"AR", "Argentina", 90}, {"BS", "Bahamas", 2}, {"BB", "Barbados", 2},
	{"BZ", "Belize", 3}, {"BO", "Bolivia", 15}, {"BR", "Brazil", 380}, {"CL", "Chile", 60},
	{"CO", "Colombia", 40}, {"CR", "Costa Rica", 12}, {"CU", "Cuba", 15}, {"DM", "Dominica", 2},
	{"DO", "Dominican Republic", 10}, {"EC", "Ecuador", 20}, {"SV", "El Salvador", 8}, {"GD", "Grenada", 2},
	{"GT", "Guatemala", 10}, {"GY", "Guyana", 3}, {"HT", "Haiti", 3}, {"HN", "Honduras", 6},
	{"JM", "Jamaica", 5}, {"MX", "Mexico", 150}, {"NI", "Nicaragua", 5}, {"PA", "Panama", 8},
	{"PY", "Paraguay", 12}, {"PE", "Peru", 50}, {"KN", "Saint Kitts and Nevis", 2}, {"LC", "Saint Lucia", 2},
	{"VC", "Saint Vincent and the Grenadines", 2}, {"SR", "Suriname", 3}, {"TT", "Trinidad and Tobago", 4},
	{"UY", "Uruguay", 20}, {"VE", "Venezuela", 12},
}

// Asia are the ten Asian partner countries.
var Asia = []struct{ Code, Name string }{
	{"CN", "China"}, {"JP", "Japan"}, {"KR", "South Korea"}, {"TW", "Taiwan"}, {"IN", "India"},
	{"ID", "Indonesia"}, {"PH", "Philippines"}, {"VN", "Vietnam"}, {"MY", "Malaysia"}, {"BD", "Bangladesh"},
}

var (
	kinds      = []string{"sister-city", "friendship", "cooperation", "letter-of-intent", "mou"}
	levels     = []string{"city", "city", "city", "municipality", "province", "state", "district", "region", "department"}
	srcKinds   = []string{"news", "official", "register", "report", "article", "web", "list", "blog"}
	statuses   = []string{"signed", "active", "proposed", "unknown"}
	dateBases  = []string{"signature", "declaration", "council-resolution", "approval", "announcement"}
	syllables  = []string{"ba", "ca", "da", "fe", "go", "hu", "la", "ma", "na", "pa", "qui", "ra", "sa", "ta", "vi", "zo"}
	asiaSyl    = []string{"an", "bei", "chang", "dong", "feng", "guang", "hai", "jin", "kou", "lin", "ming", "nan", "ping", "qing", "shan", "tai"}
	vocabulary = strings.Fields(`the region city province council delegation agreement partner exchange trade culture
		university port investment mission visit forum mayor governor programme network cooperation office
		records report press archive minutes signature ceremony committee plan year decade early later local
		municipal provincial national foreign affairs officials students teachers farmers exporters market
		route shipping festival museum library hospital school water energy transport tourism technology
		research joint working group annual meeting memorandum letter intent friendship sister twinning
		documented undated stated published announced approved reported signed renewed lapsed revived`)
	connectives = strings.Fields(`and but while because although since after before when so yet`)
)

// Corpus describes a generated tree.
type Corpus struct {
	N          int // agreements
	Cases      int
	Localities int
	Sources    int
}

// Generate writes a corpus of n agreements into dir, which must be empty
// or absent, copying templates/, static/, data/countries.yaml and
// data/published/ from the repository at repo.
func Generate(dir, repo string, n int) (*Corpus, error) {
	if n < 1 {
		return nil, fmt.Errorf("benchcorpus: N is %d (at least 1)", n)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("benchcorpus: %s is not empty (an empty or new directory)", dir)
	}
	for _, d := range []string{"templates", "static"} {
		if err := copyTree(filepath.Join(repo, d), filepath.Join(dir, d)); err != nil {
			return nil, err
		}
	}
	for _, f := range []string{"data/countries.yaml"} {
		if err := copyFile(filepath.Join(repo, f), filepath.Join(dir, f)); err != nil {
			return nil, err
		}
	}
	published, err := filepath.Glob(filepath.Join(repo, "data", "published", "*.yaml"))
	if err != nil {
		return nil, err
	}
	slices.Sort(published)
	var cited []string // the sources the published figures name
	for _, f := range published {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, m := range sourceRE.FindAllSubmatch(b, -1) {
			cited = append(cited, string(m[1]))
		}
		if err := write(filepath.Join(dir, "data", "published", filepath.Base(f)), b); err != nil {
			return nil, err
		}
	}
	g := newGen(n)
	files := g.files(cited)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := write(filepath.Join(dir, filepath.FromSlash(name)), files[name]); err != nil {
			return nil, err
		}
	}
	return &Corpus{N: n, Cases: len(g.cases), Localities: len(g.latam) + len(g.asia), Sources: len(g.sources)}, nil
}

var sourceRE = regexp.MustCompile(`(?m)^\s*source:\s*"?([a-z0-9-]+)"?\s*$`)

type locality struct {
	id, name, level, country string
	lat, lng                 float64
	coords                   bool
}

type agreement struct {
	id           string
	latam, asia  *locality
	kind, term   string
	year         int
	date, basis  string
	status, note string
	sources      []cite
	wikidata     []string
}

type cite struct{ source, locator string }

type source struct {
	id, kind, title, container string
	authors                    []string
	year                       int
	url                        string
}

type gen struct {
	n          int
	latam      []*locality
	asia       []*locality
	agreements []*agreement
	sources    []*source
	cases      []int
	byCountry  map[string][]*agreement
	byLocality map[string][]*agreement
}

func newGen(n int) *gen {
	g := &gen{n: n, byCountry: map[string][]*agreement{}, byLocality: map[string][]*agreement{}}
	nl := max(len(LatAm), n/4)
	na := max(len(Asia), n/8)
	weights := 0
	for _, c := range LatAm {
		weights += c.Weight
	}
	for i := range nl {
		var cc string
		if i < len(LatAm) {
			cc = LatAm[i].Code // every country has a locality
		} else {
			w := int(mix(uint64(i)) % uint64(weights))
			for _, c := range LatAm {
				if w < c.Weight {
					cc = c.Code
					break
				}
				w -= c.Weight
			}
		}
		name := placeName(syllables, i)
		g.latam = append(g.latam, &locality{
			id: strings.ToLower(cc) + "/" + slug.Make(name), name: name, level: levels[i%len(levels)], country: cc,
			lat: -40 + float64(mix(uint64(i)+7)%6000)/100, lng: -100 + float64(mix(uint64(i)+9)%6000)/100, coords: i%3 != 0,
		})
	}
	for i := range na {
		cc := Asia[i%len(Asia)].Code
		name := placeName(asiaSyl, i)
		g.asia = append(g.asia, &locality{
			id: strings.ToLower(cc) + "/" + slug.Make(name), name: name, level: levels[(i+1)%len(levels)], country: cc,
			lat: 5 + float64(mix(uint64(i)+11)%4000)/100, lng: 80 + float64(mix(uint64(i)+13)%6000)/100, coords: i%4 != 0,
		})
	}
	ns := max(40, n/20)
	for i := range ns {
		s := &source{
			id: fmt.Sprintf("bench-source-%d", i+1), kind: srcKinds[i%len(srcKinds)],
			title:     fmt.Sprintf("Report %d on %s ties", i+1, strings.Join(words(rand.New(rand.NewPCG(uint64(i), 1)), 3), " ")),
			container: []string{"", "Regional Gazette", "Journal of Local Diplomacy", "City Bulletin"}[i%4],
		}
		if i%3 != 2 {
			s.authors = []string{"A. " + placeName(syllables, i+100), "B. " + placeName(syllables, i+200)}[:1+i%2]
		}
		if i%2 == 0 {
			s.year = 1990 + i%35
		}
		if s.kind != "register" || i%2 == 0 {
			s.url = fmt.Sprintf("https://example.org/bench/%d", i+1)
		}
		g.sources = append(g.sources, s)
	}
	// Agreement i joins Latin American locality i mod nl with Asian
	// locality (l·7919 + i/nl) mod na: for one Latin American locality
	// the Asian sides differ, so no pair repeats.
	for i := range n {
		l, k := i%nl, i/nl
		la, as := g.latam[l], g.asia[(l*7919+k)%na]
		h := mix(uint64(i) + 101)
		a := &agreement{
			id:    sitepath.LocalityAnchor(la.id) + "--" + sitepath.LocalityAnchor(as.id),
			latam: la, asia: as, kind: kinds[h%5],
		}
		if h%7 == 0 {
			a.term = "friendship and cooperation agreement"
		}
		if h%2 == 0 {
			a.year = 1960 + int(h>>8%65)
			if h%6 == 0 {
				a.date = fmt.Sprintf("%d-%02d", a.year, 1+h>>16%12)
				a.basis = dateBases[h>>20%5]
			}
		}
		if h%5 == 1 {
			a.status = statuses[h>>24%4]
		}
		for j := range 1 + int(h>>28%3) {
			s := g.sources[(i*3+j*17)%ns]
			a.sources = append(a.sources, cite{source: s.id, locator: fmt.Sprintf("paragraph %d", 1+(i+j)%12)})
		}
		if h%11 == 0 {
			a.note = "The date is given by one report only; a second report of the same signing names no year."
		}
		if h%13 == 0 {
			a.wikidata = []string{fmt.Sprintf("Q%d", 1000+i), fmt.Sprintf("Q%d", 500000+i)}
		}
		g.agreements = append(g.agreements, a)
		g.byCountry[la.country] = append(g.byCountry[la.country], a)
		g.byLocality[la.id] = append(g.byLocality[la.id], a)
	}
	for i := range n / 10 {
		g.cases = append(g.cases, i)
	}
	return g
}

// mix is a fixed integer hash (splitmix64's finaliser).
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// placeName spells i in base len(syl), at least two syllables: distinct
// numbers give distinct names.
func placeName(syl []string, i int) string {
	var parts []string
	for n := i + len(syl); n > 0; n /= len(syl) {
		parts = append(parts, syl[n%len(syl)])
	}
	s := strings.Join(parts, "")
	return strings.ToUpper(s[:1]) + s[1:]
}

func words(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	return out
}

func q(s string) string { return fmt.Sprintf("%q", s) }

func (g *gen) files(cited []string) map[string][]byte {
	out := map[string][]byte{}
	out["data/site.yaml"] = []byte(siteYAML)
	out["data/sources.yaml"] = g.sourcesYAML(cited)
	out["data/localities.yaml"] = g.localitiesYAML()
	for _, c := range LatAm {
		as := g.byCountry[c.Code]
		if len(as) == 0 {
			continue
		}
		out["data/agreements/"+strings.ToLower(c.Code)+".yaml"] = agreementsYAML(c.Name, as)
	}
	for _, i := range g.cases {
		slug, body := g.caseStudy(i)
		out["content/cases/"+slug+".md"] = body
	}
	out["content/pages/about.md"] = []byte(aboutMD)
	out["content/pages/methodology.md"] = []byte(methodMD)
	return out
}

const siteYAML = `# A synthetic corpus for the benchmarks (internal/benchcorpus).
title: "Benchmark Atlas"
nav:
  - title: Case studies
    path: cases/
  - title: Table 1
    path: table-1/
  - title: Countries
    path: countries/
  - title: Partners
    path: partners/
  - title: Places
    path: places/
  - title: Charts
    path: charts/
  - title: Agreements
    path: agreements/
  - title: Sources
    path: sources/
  - title: Data
    path: data/
  - title: Search
    path: search/
  - title: About
    path: about/
`

const aboutMD = `---
title: "About this corpus"
slug: about
summary: "A synthetic corpus that the benchmarks build."
order: 1
updated: ` + Day + `
---

## What it is

A generated set of records and case studies, for measuring the build. No fact in it is real.
`

const methodMD = `---
title: "Methodology"
slug: methodology
summary: "How the synthetic corpus is made."
order: 2
updated: ` + Day + `
---

## How it is made

Package benchcorpus draws names and words from fixed lists with a seeded generator, so the same size gives the same files.
`

func (g *gen) sourcesYAML(cited []string) []byte {
	var b bytes.Buffer
	b.WriteString("# Synthetic bibliography (internal/benchcorpus).\nsources:\n")
	seen := map[string]bool{}
	for _, id := range cited {
		if seen[id] {
			continue
		}
		seen[id] = true
		fmt.Fprintf(&b, "  - id: %s\n    kind: report\n    title: %s\n", id, q("Published figures ("+id+")"))
	}
	for _, s := range g.sources {
		fmt.Fprintf(&b, "  - id: %s\n    kind: %s\n", s.id, s.kind)
		if len(s.authors) > 0 {
			fmt.Fprintf(&b, "    authors: [%s]\n", strings.Join(mapq(s.authors), ", "))
		}
		fmt.Fprintf(&b, "    title: %s\n", q(s.title))
		if s.container != "" {
			fmt.Fprintf(&b, "    container: %s\n", q(s.container))
		}
		if s.year != 0 {
			fmt.Fprintf(&b, "    year: %d\n", s.year)
		}
		if s.url != "" {
			fmt.Fprintf(&b, "    url: %s\n    accessed: %q\n", q(s.url), Day)
		}
		b.WriteString("    note: \"Synthetic source for the benchmarks.\"\n")
	}
	return b.Bytes()
}

func mapq(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = q(s)
	}
	return out
}

func (g *gen) localitiesYAML() []byte {
	var b bytes.Buffer
	b.WriteString("# Synthetic localities (internal/benchcorpus).\nlocalities:\n")
	for _, l := range slices.Concat(g.latam, g.asia) {
		fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    level: %s\n    country: %s\n", l.id, q(l.name), l.level, l.country)
		if l.coords {
			fmt.Fprintf(&b, "    lat: %.2f\n    lng: %.2f\n    coords_source: %s\n", l.lat, l.lng, g.sources[0].id)
		}
	}
	return b.Bytes()
}

func agreementsYAML(country string, as []*agreement) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Synthetic agreements of %s (internal/benchcorpus).\nagreements:\n", country)
	for _, a := range as {
		fmt.Fprintf(&b, "  - id: %s\n    latam: %s\n    asia: %s\n    kind: %s\n", a.id, a.latam.id, a.asia.id, a.kind)
		if a.term != "" {
			fmt.Fprintf(&b, "    term: %s\n", q(a.term))
		}
		if a.year != 0 {
			fmt.Fprintf(&b, "    year: %d\n", a.year)
		}
		if a.date != "" {
			fmt.Fprintf(&b, "    date: %q\n    date_basis: %s\n", a.date, a.basis)
		}
		if a.status != "" {
			fmt.Fprintf(&b, "    status: %s\n", a.status)
		}
		b.WriteString("    sources:\n")
		for _, c := range a.sources {
			fmt.Fprintf(&b, "      - source: %s\n        locator: %s\n", c.source, q(c.locator))
		}
		if len(a.wikidata) > 0 {
			fmt.Fprintf(&b, "    wikidata: [%s]\n", strings.Join(a.wikidata, ", "))
		}
		if a.note != "" {
			fmt.Fprintf(&b, "    note: %s\n", q(a.note))
		}
	}
	return b.Bytes()
}

func countryName(code string) string {
	for _, c := range LatAm {
		if c.Code == code {
			return c.Name
		}
	}
	for _, c := range Asia {
		if c.Code == code {
			return c.Name
		}
	}
	return code
}

// caseStudy writes case study i: about one Latin American locality with
// agreements, its partners, and about 1,500 words in six sections with a
// list, a captioned table, links to pages of the site and citations.
func (g *gen) caseStudy(i int) (string, []byte) {
	r := rand.New(rand.NewPCG(uint64(i), 0x5eed))
	la := g.latam[i%len(g.latam)]
	as := g.byLocality[la.id]
	if len(as) == 0 {
		as = g.agreements[i%len(g.agreements) : i%len(g.agreements)+1]
		la = as[0].latam
	}
	slugText := fmt.Sprintf("%s-%d", slug.Make(la.name), i+1)
	var srcs, partners, locs []string
	locs = append(locs, la.id)
	for _, a := range as {
		for _, c := range a.sources {
			if !slices.Contains(srcs, c.source) {
				srcs = append(srcs, c.source)
			}
		}
		if !slices.Contains(partners, a.asia.country) {
			partners = append(partners, a.asia.country)
		}
		if !slices.Contains(locs, a.asia.id) {
			locs = append(locs, a.asia.id)
		}
	}
	for len(srcs) < 4 {
		srcs = append(srcs, g.sources[(i+len(srcs)*5)%len(g.sources)].id)
	}
	cite := func() string {
		s := srcs[r.IntN(len(srcs))]
		if r.IntN(2) == 0 {
			return fmt.Sprintf("[@%s, paragraph %d]", s, 1+r.IntN(20))
		}
		return "[@" + s + "]"
	}
	sentence := func() string {
		w := words(r, 8+r.IntN(10))
		w[4] = connectives[r.IntN(len(connectives))]
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	paragraph := func(b *bytes.Buffer, n int) {
		for j := range n {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence())
			if j%2 == 1 {
				b.WriteString(" " + cite())
			}
			b.WriteByte('.')
		}
		b.WriteString("\n\n")
	}
	country := countryName(la.country)
	var b bytes.Buffer
	fmt.Fprintf(&b, "---\ntitle: %s\nslug: %s\nsummary: %s\ncountries: [%s]\nlocalities: [%s]\npartners: [%s]\n",
		q(fmt.Sprintf("%s (%s) and its Asian partners, study %d", la.name, country, i+1)), slugText,
		q(fmt.Sprintf("How %s built ties with %d Asian localities: the records, the reports and what they leave open.", la.name, len(as))),
		la.country, strings.Join(locs, ", "), strings.Join(partners, ", "))
	from := 1990 + r.IntN(20)
	fmt.Fprintf(&b, "period: {from: %d, to: %d}\nsources: [%s]\nupdated: %s\n---\n\n", from, from+r.IntN(10), strings.Join(srcs, ", "), Day)

	b.WriteString("## Context\n\n")
	fmt.Fprintf(&b, "%s is a %s of [%s](/%s) with %d recorded agreements %s. ", la.name, la.level, country, sitepath.Country(country), len(as), cite())
	paragraph(&b, 12)
	paragraph(&b, 10)
	b.WriteString("## The agreements\n\n")
	for _, a := range as {
		fmt.Fprintf(&b, "- **%s.** A %s with [%s](/%s) (%s), [recorded](/%s) %s.\n", a.asia.name, a.kind, a.asia.name,
			sitepath.Place(a.asia.id), countryName(a.asia.country), sitepath.AgreementPage(a.id), cite())
	}
	b.WriteString("\n")
	paragraph(&b, 10)
	b.WriteString("Table: Agreements of " + la.name + " by partner and year\n\n| Partner | Kind | Year |\n| --- | --- | --- |\n")
	for _, a := range as {
		year := "not stated"
		if a.year != 0 {
			year = fmt.Sprint(a.year)
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", a.asia.name, a.kind, year)
	}
	b.WriteString("\n")
	b.WriteString("## Documented history\n\n")
	for range 5 {
		fmt.Fprintf(&b, "- **%d.** ", from+r.IntN(15))
		paragraph(&b, 2)
		b.Truncate(b.Len() - 2)
		b.WriteString("\n")
	}
	b.WriteString("\n")
	paragraph(&b, 12)
	b.WriteString("## What the case shows\n\n")
	paragraph(&b, 14)
	fmt.Fprintf(&b, "The published counts are on [Table 1](/%s). ", sitepath.Table1)
	paragraph(&b, 12)
	b.WriteString("### Open questions\n\n")
	for range 6 {
		b.WriteString("- " + sentence() + "?\n")
	}
	b.WriteString("\n")
	paragraph(&b, 8)
	return slugText, b.Bytes()
}

func write(name string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, b, 0o644)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return write(to, b)
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, filepath.Join(to, rel))
	})
}

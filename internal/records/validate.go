package records

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"atlas/internal/sitepath"
	"atlas/internal/slug"
	"atlas/internal/srcpos"
)

// FirstYear is the earliest year a record may carry.
const FirstYear = 1900

// MaxCount bounds a count in a published table: no source counts a million
// agreements, and a bound keeps the sums far from overflowing.
const MaxCount = 1_000_000

// Allowed values of enumerated fields.
var (
	Regions = []string{LatinAmerica, Asia}
	Levels  = []string{"city", "municipality", "district", "department", "province", "state", "region"}
	Kinds   = []string{"sister-city", "friendship", "cooperation", "letter-of-intent", "mou"}
	// TwinningKinds are the kinds that Table 1 ("Sister Cities
	// Agreements") counts: sister-city ties and friendship-city ties (the
	// Chinese and Japanese registers' word for the same tie). Comparisons
	// with the table count these, and show the other kinds apart.
	TwinningKinds = []string{"sister-city", "friendship"}
	Statuses      = []string{"signed", "active", "proposed", "unknown"}
	Bounds        = []string{Exact, AtLeast, MoreThan}
	SourceKind    = []string{"article", "chapter", "report", "blog", "web", "news", "dataset", "list", "book", "register", "official"}
	// DateBases say what an agreement's date rests on.
	DateBases = []string{"signature", "declaration", "council-resolution", "approval", "announcement"}
)

var (
	codeRE     = regexp.MustCompile(`^[A-Z]{2}$`)
	slugRE     = `[a-z0-9]+(?:-[a-z0-9]+)*`
	idRE       = regexp.MustCompile(`^` + slugRE + `$`)
	agreeIDRE  = regexp.MustCompile(`^` + slugRE + `(?:--` + slugRE + `)*$`)
	localityRE = regexp.MustCompile(`^([a-z]{2})/(` + slugRE + `)$`)
	wikidataRE = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	dateRE     = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	dayRE      = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// Index gives access to validated records by id.
type Index struct {
	Country  map[string]*Country  // by code
	Locality map[string]*Locality // by id
	Source   map[string]*Source   // by id
}

// Validate checks every record and cross-reference in d, for data built on
// the day day in the year now (the latest year a record may carry), and
// returns the index of its records. No date of a record may be later than
// day. All problems are reported at once, sorted by position, as a
// srcpos.List.
func Validate(d *Data, now int, day time.Time) (*Index, error) {
	v := &validator{d: d, now: now, day: day, ix: &Index{
		Country:  map[string]*Country{},
		Locality: map[string]*Locality{},
		Source:   map[string]*Source{},
	}}
	v.countries()
	v.sources()
	v.localities()
	v.agreements()
	v.anchors()
	v.tables()
	v.figures()
	if err := v.errs.Err(); err != nil {
		return nil, err
	}
	return v.ix, nil
}

type validator struct {
	d    *Data
	now  int
	day  time.Time
	ix   *Index
	errs srcpos.List
}

func (v *validator) oneOf(fields srcpos.Fields, def srcpos.Position, field, val string, allowed []string) {
	if val != "" && !slices.Contains(allowed, val) {
		v.errs.Add(fields.At(field, def), field, "unknown value %q (expected one of %s)", val, strings.Join(allowed, ", "))
	}
}

func (v *validator) year(fields srcpos.Fields, def srcpos.Position, field string, y int) {
	switch {
	case y < FirstYear:
		v.errs.Add(fields.At(field, def), field, "%d is before %d (a year from %d to %d)", y, FirstYear, FirstYear, v.now)
	case y > v.now:
		v.errs.Add(fields.At(field, def), field, "%d is after the current year (a year from %d to %d)", y, FirstYear, v.now)
	}
}

// unique reports a second definition of id.
func (v *validator) unique(seen map[string]srcpos.Position, id string, pos srcpos.Position, what string) bool {
	if first, ok := seen[id]; ok {
		v.errs.Add(pos, "id", "duplicate %s %q (first defined at %s)", what, id, first)
		return false
	}
	seen[id] = pos
	return true
}

func (v *validator) countries() {
	seen := map[string]srcpos.Position{}
	slugs := map[string]*Country{} // by region and slug of the name
	for _, c := range v.d.Countries {
		p := c.Fields.At("code", c.Pos)
		if !codeRE.MatchString(c.Code) {
			v.errs.Add(p, "code", "%q is not a country code (two upper-case letters, ISO 3166-1 alpha-2)", c.Code)
			continue
		}
		if first, ok := seen[c.Code]; ok {
			v.errs.Add(p, "code", "duplicate country code %q (first defined at %s)", c.Code, first)
			continue
		}
		seen[c.Code] = p
		v.oneOf(c.Fields, c.Pos, "region", c.Region, Regions)
		v.csvText(c.Fields, c.Pos, "name", c.Name)
		v.csvText(c.Fields, c.Pos, "name_es", c.NameES)
		v.csvText(c.Fields, c.Pos, "name_pt", c.NamePT)
		v.countrySlug(slugs, c)
		v.ix.Country[c.Code] = c
	}
}

// countrySlug reports a country whose name gives no slug, or the slug of
// another country of its region: the slug is the path of the country's
// page (countries/argentina/, partners/china/), and two pages at one path
// would overwrite each other.
func (v *validator) countrySlug(slugs map[string]*Country, c *Country) {
	if strings.TrimSpace(c.Name) == "" {
		return // reported as an empty name
	}
	p := c.Fields.At("name", c.Pos)
	s := slug.Make(c.Name)
	if s == "" {
		v.errs.Add(p, "name", "%q gives an empty slug, the path of its page (a name with Latin letters or digits)", c.Name)
		return
	}
	key := c.Region + "/" + s
	if first, ok := slugs[key]; ok {
		v.errs.Add(p, "name", "%q gives the slug %q, the path of its page, as %q does (first at %s) (a name that differs in its letters or digits)",
			c.Name, s, first.Name, first.Fields.At("name", first.Pos))
		return
	}
	slugs[key] = c
}

// anchors reports agreement and source ids that would give an element the
// id of another one on the same page: an id the pages use for elements of
// their own (sitepath.ReservedIDs), or a Latin American locality's anchor
// on its country's page, which also lists the locality's agreements.
func (v *validator) anchors() {
	localities := map[string]string{} // anchor -> locality id
	for _, l := range v.d.Localities {
		localities[sitepath.LocalityAnchor(l.ID)] = l.ID
	}
	check := func(fields srcpos.Fields, def srcpos.Position, what, id string) {
		p := fields.At("id", def)
		switch l, ok := localities[id]; {
		case id != "" && id[0] >= '0' && id[0] <= '9':
			// Valid HTML, but a CSS selector cannot name it as it is,
			// and HTML checkers report it.
			v.errs.Add(p, "id", "%s %q starts with a digit, and the pages use it as an element id (an id that starts with a letter)", what, id)
		case sitepath.ReservedID(id):
			v.errs.Add(p, "id", "%s %q is an element id the pages use (an id other than %s, and not starting with %s)",
				what, id, strings.Join(sitepath.ReservedIDs, ", "), strings.Join(sitepath.ReservedPrefixes, ", "))
		case ok:
			v.errs.Add(p, "id", "%s %q is the anchor of locality %q on its country's page (another id)", what, id, l)
		}
	}
	for _, s := range v.d.Sources {
		check(s.Fields, s.Pos, "source id", s.ID)
	}
	for _, a := range v.d.Agreements {
		check(a.Fields, a.Pos, "agreement id", a.ID)
	}
}

// country checks that code names a known country of region.
func (v *validator) country(fields srcpos.Fields, def srcpos.Position, field, code, region string) {
	if err := v.ix.CheckCountry(fields, def, field, code, region); err != nil {
		v.errs = append(v.errs, err)
	}
}

// CheckCountry reports, at field's position, a code that names no known
// country, or a country outside region (any region when it is "").
func (ix *Index) CheckCountry(fields srcpos.Fields, def srcpos.Position, field, code, region string) *srcpos.Error {
	c, ok := ix.Country[code]
	switch {
	case !ok:
		return srcpos.Errorf(fields.At(field, def), field, "unknown country code %q (a code from %s)", code, CountriesFile)
	case region != "" && c.Region != region:
		return srcpos.Errorf(fields.At(field, def), field, "country %q is in region %s (expected a country in %s)", code, c.Region, region)
	}
	return nil
}

// langTagRE is a BCP 47 language tag: a language and optional subtags.
var langTagRE = regexp.MustCompile(`^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)

func (v *validator) sources() {
	seen := map[string]srcpos.Position{}
	for _, s := range v.d.Sources {
		p := s.Fields.At("id", s.Pos)
		if !idRE.MatchString(s.ID) {
			v.errs.Add(p, "id", "%q is not a valid source id (lower-case letters, digits and hyphens)", s.ID)
			continue
		}
		if !v.unique(seen, s.ID, p, "source id") {
			continue
		}
		if s.Lang != "" && !langTagRE.MatchString(s.Lang) {
			v.errs.Add(s.Fields.At("lang", s.Pos), "lang", "%q is not a language tag (a BCP 47 tag such as \"es\", \"pt\" or \"zh-Hans\")", s.Lang)
		}
		v.ix.Source[s.ID] = s
		v.oneOf(s.Fields, s.Pos, "kind", s.Kind, SourceKind)
		for _, a := range s.Authors {
			if strings.TrimSpace(a) == "" {
				v.errs.Add(s.Fields.At("authors", s.Pos), "authors", "an empty name (each author's name, or leave the list out)")
			}
			v.csvText(s.Fields, s.Pos, "authors", a)
		}
		for field, text := range map[string]string{"title": s.Title, "container": s.Container, "publisher": s.Publisher, "licence": s.Licence} {
			v.csvText(s.Fields, s.Pos, field, text)
		}
		if s.Year != nil {
			v.year(s.Fields, s.Pos, "year", *s.Year)
		}
		if s.Date != "" {
			p := s.Fields.At("date", s.Pos)
			if _, ok := parseDate(s.Date); !ok {
				v.errs.Add(p, "date", "%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", s.Date)
			} else {
				v.notAfterDay(p, "date", s.Date)
			}
		}
		v.accessed(s)
		if s.URL != "" {
			if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				v.errs.Add(s.Fields.At("url", s.Pos), "url", "%q is not a web address (an absolute http or https URL)", s.URL)
			}
			v.bibURL(s.Fields, s.Pos, s.URL)
		}
	}
}

// accessed checks a source's access date: required for a web source (one
// with a url), a real day, and not after the build's day.
func (v *validator) accessed(s *Source) {
	if s.Accessed == "" {
		if s.URL != "" {
			v.errs.Add(s.Pos, "accessed", "missing (the day the web page was read, YYYY-MM-DD)")
		}
		return
	}
	p := s.Fields.At("accessed", s.Pos)
	if _, err := time.Parse(time.DateOnly, s.Accessed); !dayRE.MatchString(s.Accessed) || err != nil {
		v.errs.Add(p, "accessed", "%q is not a day (YYYY-MM-DD)", s.Accessed)
		return
	}
	v.notAfterDay(p, "accessed", s.Accessed)
}

// parseDate reads a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)
// as its first day, and says whether it is one: a month from 01 to 12,
// a day that the month has.
func parseDate(s string) (time.Time, bool) {
	if !dateRE.MatchString(s) {
		return time.Time{}, false
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: time.DateOnly}[len(s)]
	t, err := time.Parse(layout, s)
	return t, err == nil
}

// notAfterDay reports a date (YYYY, YYYY-MM or YYYY-MM-DD, already
// checked) whose first day is after the build's day: a month is later
// only once it has begun after the day, a day when it follows it.
func (v *validator) notAfterDay(p srcpos.Position, field, date string) {
	t, ok := parseDate(date)
	if ok && !v.day.IsZero() && t.After(v.day) {
		v.errs.Add(p, field, "%q is after the build's day, %s (a date no later than it; build with -date to set the day)", date, v.day.Format(time.DateOnly))
	}
}

// source checks that id names a source.
func (v *validator) source(fields srcpos.Fields, def srcpos.Position, field, id string) {
	if _, ok := v.ix.Source[id]; !ok {
		v.errs.Add(fields.At(field, def), field, "unknown source id %q (an id from %s)", id, SourcesFile)
	}
}

func (v *validator) localities() {
	seen := map[string]srcpos.Position{}
	for _, l := range v.d.Localities {
		p := l.Fields.At("id", l.Pos)
		m := localityRE.FindStringSubmatch(l.ID)
		if m == nil {
			v.errs.Add(p, "id", "%q is not a valid locality id (country code, slash, slug: \"ar/jujuy\")", l.ID)
			continue
		}
		if !v.unique(seen, l.ID, p, "locality id") {
			continue
		}
		v.ix.Locality[l.ID] = l
		v.country(l.Fields, l.Pos, "country", l.Country, "")
		if _, known := v.ix.Country[l.Country]; known && m[1] != strings.ToLower(l.Country) {
			v.errs.Add(p, "id", "locality id %q does not start with its country code (expected %q)", l.ID, strings.ToLower(l.Country)+"/"+m[2])
		}
		v.oneOf(l.Fields, l.Pos, "level", l.Level, Levels)
		v.csvText(l.Fields, l.Pos, "name", l.Name)
		v.coords(l)
		v.aliases(l)
	}
}

// aliases checks a locality's other names: each named once, in a valid
// language, from a known source; at most one local, and that one with its
// language.
func (v *validator) aliases(l *Locality) {
	seen := map[string]bool{l.Name + "\x00": true}
	var local *Alias
	for i, a := range l.Aliases {
		p := a.Fields.At("name", a.Pos)
		if a.Local {
			lp := a.Fields.At("local", a.Pos)
			switch {
			case local != nil:
				v.errs.Add(lp, "local", "%q is the second local name of %q (at most one, the usual form; first %q at %s)", a.Name, l.ID, local.Name, local.Fields.At("local", local.Pos))
			case a.Lang == "":
				v.errs.Add(lp, "local", "%q is marked local without its language (add lang, such as es or pt)", a.Name)
			}
			if local == nil {
				local = &l.Aliases[i]
			}
		}
		switch {
		case strings.TrimSpace(a.Name) == "":
			v.errs.Add(p, "name", "empty (the other name, as the source writes it)")
		case seen[a.Name+"\x00"+a.Lang]:
			v.errs.Add(p, "name", "%q is already a name of %q (each name once)", a.Name, l.ID)
		}
		seen[a.Name+"\x00"+a.Lang] = true
		if a.Lang != "" {
			if _, err := language.Parse(a.Lang); err != nil {
				v.errs.Add(a.Fields.At("lang", a.Pos), "lang", "%q is not a language tag (BCP 47, such as zh, ja, ko, es)", a.Lang)
			}
		}
		v.source(a.Fields, a.Pos, "source", a.Source)
	}
}

func (v *validator) coords(l *Locality) {
	switch {
	case (l.Lat == nil) != (l.Lng == nil):
		v.errs.Add(l.Pos, "lat", "only one of lat and lng is given (both or neither)")
		return
	case l.Lat == nil:
		if l.CoordsSource != "" {
			v.errs.Add(l.Fields.At("coords_source", l.Pos), "coords_source", "given without coordinates (omit it, or add lat and lng)")
		}
		return
	}
	if *l.Lat < -90 || *l.Lat > 90 {
		v.errs.Add(l.Fields.At("lat", l.Pos), "lat", "%g is out of range (a latitude from -90 to 90)", *l.Lat)
	}
	if *l.Lng < -180 || *l.Lng > 180 {
		v.errs.Add(l.Fields.At("lng", l.Pos), "lng", "%g is out of range (a longitude from -180 to 180)", *l.Lng)
	}
	if l.CoordsSource == "" {
		v.errs.Add(l.Pos, "coords_source", "missing (the source id of the coordinates)")
		return
	}
	v.source(l.Fields, l.Pos, "coords_source", l.CoordsSource)
}

func (v *validator) agreements() {
	seen := map[string]srcpos.Position{}
	pairs := map[string]srcpos.Position{}
	for _, a := range v.d.Agreements {
		p := a.Fields.At("id", a.Pos)
		if !agreeIDRE.MatchString(a.ID) {
			v.errs.Add(p, "id", "%q is not a valid agreement id (lower-case letters, digits, hyphens)", a.ID)
		} else {
			v.unique(seen, a.ID, p, "agreement id")
		}
		v.side(a, "latam", a.LatAm, LatinAmerica)
		v.side(a, "asia", a.Asia, Asia)
		v.oneOf(a.Fields, a.Pos, "kind", a.Kind, Kinds)
		v.oneOf(a.Fields, a.Pos, "status", a.Status, Statuses)
		v.csvText(a.Fields, a.Pos, "provenance", a.Provenance)
		v.csvText(a.Fields, a.Pos, "term", a.Term)
		if a.Year != nil {
			v.year(a.Fields, a.Pos, "year", *a.Year)
		}
		v.agreementDate(a)
		pair := a.LatAm + " " + a.Asia + " " + a.Kind
		if first, ok := pairs[pair]; ok {
			v.errs.Add(p, "id", "the same %s between %q and %q is already recorded at %s (one record per relationship)", a.Kind, a.LatAm, a.Asia, first)
		} else {
			pairs[pair] = p
		}
		if len(a.Sources) == 0 {
			v.errs.Add(a.Fields.At("sources", a.Pos), "sources", "empty list (at least one source)")
		}
		for _, c := range a.Sources {
			v.source(c.Fields, c.Pos, "source", c.Source)
		}
		for _, q := range a.Wikidata {
			if !wikidataRE.MatchString(q) {
				v.errs.Add(a.Fields.At("wikidata", a.Pos), "wikidata", "%q is not a Wikidata item id (Q followed by digits)", q)
			}
		}
	}
}

// agreementDate checks that a date is a month or day within the record's
// year, and that its basis is named only with a year or date.
func (v *validator) agreementDate(a *Agreement) {
	v.oneOf(a.Fields, a.Pos, "date_basis", a.DateBasis, DateBases)
	if a.DateBasis != "" && a.Year == nil {
		v.errs.Add(a.Fields.At("date_basis", a.Pos), "date_basis", "given without a year (omit it, or add the year the source gives)")
	}
	if a.Date == "" {
		return
	}
	p := a.Fields.At("date", a.Pos)
	if _, ok := parseDate(a.Date); !ok || len(a.Date) == 4 {
		v.errs.Add(p, "date", "%q is not a month or day (YYYY-MM or YYYY-MM-DD; a bare year goes in year)", a.Date)
		return
	}
	switch {
	case a.Year == nil:
		v.errs.Add(p, "date", "given without a year (add year: %s)", a.Date[:4])
	case a.Date[:4] != fmt.Sprint(*a.Year):
		v.errs.Add(p, "date", "%q is not in the year %d (a date in the record's year)", a.Date, *a.Year)
	default:
		v.notAfterDay(p, "date", a.Date)
	}
}

// side checks one end of an agreement: a known locality in region.
func (v *validator) side(a *Agreement, field, id, region string) {
	l, ok := v.ix.Locality[id]
	if !ok {
		v.errs.Add(a.Fields.At(field, a.Pos), field, "unknown locality id %q (an id from %s)", id, LocalitiesFile)
		return
	}
	if c, ok := v.ix.Country[l.Country]; ok && c.Region != region {
		v.errs.Add(a.Fields.At(field, a.Pos), field, "locality %q is in %s, region %s (expected a locality in %s)", id, c.Name, c.Region, region)
	}
}

func (v *validator) tables() {
	seen := map[string]srcpos.Position{}
	for _, t := range v.d.Tables {
		v.unique(seen, t.ID, t.Fields.At("id", t.Pos), "table id")
		v.source(t.Fields, t.Pos, "source", t.Source)
		partnerCol := map[string]int{}
		for i, c := range t.Columns {
			for _, code := range c.Partners {
				v.country(c.Fields, c.Pos, "partners", code, Asia)
				if j, dup := partnerCol[code]; dup {
					v.errs.Add(c.Fields.At("partners", c.Pos), "partners", "%q is already counted in column %q (each partner in one column)", code, t.Columns[j].Label)
				}
				partnerCol[code] = i
			}
			if c.Plain != "" && !slices.Contains(c.Partners, c.Plain) {
				v.errs.Add(c.Fields.At("plain", c.Pos), "plain", "%q is not a partner of this column (one of %s)", c.Plain, strings.Join(c.Partners, ", "))
			}
		}
		rowSeen := map[string]srcpos.Position{}
		sums := make([]int, len(t.Columns))
		for _, r := range t.Rows {
			p := r.Fields.At("country", r.Pos)
			v.country(r.Fields, r.Pos, "country", r.Country, LatinAmerica)
			if first, ok := rowSeen[r.Country]; ok {
				v.errs.Add(p, "country", "duplicate row %q (first at %s)", r.Country, first)
			}
			rowSeen[r.Country] = p
			for _, code := range sortedKeys(r.Counts) {
				n := r.Counts[code]
				kp := r.Fields.At("counts."+code, r.Pos)
				i, ok := partnerCol[code]
				switch {
				case !ok:
					v.errs.Add(kp, "counts", "partner %q is in no column (one of the columns' partners)", code)
				case n <= 0:
					v.errs.Add(kp, "counts", "count %d for %q is not positive (omit zero counts)", n, code)
				case n > MaxCount:
					v.errs.Add(kp, "counts", "count %d for %q is too large (a count from 1 to %d)", n, code, MaxCount)
				default:
					sums[i] += n
				}
			}
		}
		v.totals(t, sums)
		for _, c := range t.Claims {
			v.oneOf(c.Fields, c.Pos, "check", c.Check, []string{ClaimTotalAbove, ClaimRowShare})
			if c.Check == ClaimRowShare {
				if _, ok := rowSeen[c.Country]; !ok {
					v.errs.Add(c.Fields.At("country", c.Pos), "country", "%q has no row in this table (a row's country code)", c.Country)
				}
			}
		}
	}
}

// totals compares the column sums of a published table with its printed
// TOTAL row.
func (v *validator) totals(t *Table, sums []int) {
	p := t.Fields.At("totals", t.Pos)
	if len(t.Totals) != len(t.Columns) {
		v.errs.Add(p, "totals", "%d totals for %d columns (one printed total per column)", len(t.Totals), len(t.Columns))
		return
	}
	for i, c := range t.Columns {
		if t.Totals[i] < 0 || t.Totals[i] > MaxCount {
			v.errs.Add(p, "totals", "column %q: %d is out of range (a total from 0 to %d)", c.Label, t.Totals[i], MaxCount)
			continue
		}
		if sums[i] != t.Totals[i] {
			v.errs.Add(p, "totals", "column %q: the cells add up to %d but the printed total is %d (cells that add up to the printed total)", c.Label, sums[i], t.Totals[i])
		}
	}
}

func (v *validator) figures() {
	seen := map[string]srcpos.Position{}
	for _, f := range v.d.Figures {
		v.unique(seen, f.ID, f.Fields.At("id", f.Pos), "figure set id")
		v.source(f.Fields, f.Pos, "source", f.Source)
		v.country(f.Fields, f.Pos, "partner", f.Partner, Asia)
		if len(f.Items) == 0 {
			v.errs.Add(f.Fields.At("items", f.Pos), "items", "empty list (at least one figure)")
		}
		for _, it := range f.Items {
			if it.Scope != "all" {
				v.country(it.Fields, it.Pos, "scope", it.Scope, LatinAmerica)
			}
			v.year(it.Fields, it.Pos, "as_of", it.AsOf)
			v.oneOf(it.Fields, it.Pos, "bound", it.Bound, Bounds)
			if it.Value < 0 {
				v.errs.Add(it.Fields.At("value", it.Pos), "value", "%d is negative (a count)", it.Value)
			} else if it.Value > MaxCount {
				v.errs.Add(it.Fields.At("value", it.Pos), "value", "%d is too large (a count from 0 to %d)", it.Value, MaxCount)
			}
		}
		v.figureGrid(f)
	}
}

// figureGrid reports the scopes of a figure set that lack a figure in one
// of the set's years: a set is charted as one row per scope and one column
// per year, and a gap would read as zero.
func (v *validator) figureGrid(f *FigureSet) {
	var scopes []string
	var years []int
	has := map[string]bool{}
	for _, it := range f.Items {
		if !slices.Contains(scopes, it.Scope) {
			scopes = append(scopes, it.Scope)
		}
		if !slices.Contains(years, it.AsOf) {
			years = append(years, it.AsOf)
		}
		has[fmt.Sprint(it.Scope, "@", it.AsOf)] = true
	}
	slices.Sort(years)
	for _, s := range scopes {
		for _, y := range years {
			if !has[fmt.Sprint(s, "@", y)] {
				v.errs.Add(f.Fields.At("items", f.Pos), "items", "no figure for scope %q as of %d (the chart needs every scope in every year)", s, y)
			}
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

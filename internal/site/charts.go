package site

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"atlas/internal/chart"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/stats"
)

// Vendored assets the charts load (see static/vendor/*/README.md; `make
// vendor` re-vendors them).
const (
	echartsJS = "static/vendor/echarts/echarts.custom.min.js"
	latamMap  = "static/vendor/world-atlas/latam.geo.json"
	mapName   = "latam"
)

// Colours of the partners in Table 1's columns (Okabe and Ito's palette,
// told apart with every kind of colour vision), and of other series.
var (
	table1Colors  = []string{"#0072b2", "#009e73", "#d55e00", "#cc79a7", "#e69f00"} // Japan, Korea, China, Taiwan, Other
	compareColors = []string{"#0072b2", "#e69f00"}                                  // published, records
	yearColors    = []string{"#009e73", "#0072b2"}                                  // earlier, later
	barColor      = "#0b5c8c"                                                       // the site's accent
)

// chartPage is one page under /charts/.
type chartPage struct {
	Slug    string
	Title   string
	Summary string // the lede, and the entry on /charts/
	Chart   template.HTML
	Notes   []string // how to read the chart, under it
	Data    *stats.Dataset
	Sources []citeView
	Records bool // the chart counts today's records
	Method  []string
	File    string // downloads' path without extension
}

// Path is the page's site-relative path.
func (p *chartPage) Path() string { return "charts/" + p.Slug + "/" }

type chartsData struct {
	Pages []*chartPage
}

// chartFile is the name, without extension, of a chart's downloads and
// saved images.
func chartFile(slug string) string { return "atlas-" + slug }

func (b *builder) charts() {
	// Each returns nil when its data is not in the source tree.
	specs := []func() (*chartPage, bool, error){
		b.table1Chart,
		b.partnersChart,
		b.chinaChart,
		b.compareChart,
		b.mapChart,
	}
	var pages []*chartPage
	b.charted = map[string]bool{}
	for _, spec := range specs {
		p, wikipedia, err := spec()
		if err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		if p == nil {
			continue
		}
		pages = append(pages, p)
		b.charted[p.Slug] = true
		b.chartPage(p, wikipedia)
	}
	b.page("charts", &render.LegacyPage{
		Frame: render.Frame{
			Path:        "charts/",
			Title:       "Charts",
			Description: "Charts of the atlas's figures: Rouvinski's Table 1, the Latinoamérica21 counts and today's records, each with its data as a table and downloads.",
		},
		Data: chartsData{pages},
	})
}

// chartPage writes a chart's page and its downloads. wikipedia marks data
// counted from records that include ones derived from Wikipedia.
func (b *builder) chartPage(p *chartPage, wikipedia bool) {
	p.File = p.Path() + chartFile(p.Slug)
	b.chartFiles(p, wikipedia)
	b.page("chart", &render.LegacyPage{
		Frame: render.Frame{
			Path:        p.Path(),
			Title:       p.Title,
			Description: p.Summary,
			Wikipedia:   wikipedia,
			Scripts:     []string{echartsJS},
		},
		Data: p,
	})
}

// bars builds a bar chart of a dataset's rows, its HTML snippet ready.
func (b *builder) bars(spec chart.Bars, d *stats.Dataset) (template.HTML, error) {
	spec.Categories, spec.Links = chart.DatasetCategories(d, b.site.Base.URL)
	c, err := chart.NewBars(spec)
	if err != nil {
		return "", err
	}
	return c.HTML()
}

func (m *model) cite(id, locator string) citeView {
	return citeView{Source: m.ix.Source[id], Locator: locator}
}

// sourceLine is the one-line source printed under a chart's title.
func sourceLine(s *records.Source, locator string) string {
	name := s.Title
	if len(s.Authors) > 0 {
		if f := strings.Fields(s.Authors[0]); len(f) > 0 {
			name = f[len(f)-1]
		}
	}
	switch {
	case locator != "":
		name += ", " + locator
	case s.Container != "":
		name += ", " + s.Container
	}
	return "Source: " + name
}

// recordsSource is the source line of charts of today's records.
const recordsSource = "Source: the atlas's agreement records"

// table1Chart draws Table 1 as one stacked bar per country.
func (b *builder) table1Chart() (*chartPage, bool, error) {
	t := b.m.table1
	paths := b.m.countryPaths()
	partners := [][]string{{"JP"}, {"KR"}, {"CN"}, {"TW"}, nil}
	for _, c := range t.Columns {
		if len(c.Partners) > 0 && c.Plain == "" {
			partners[4] = c.Partners // the "Other" column
		}
	}
	d := &stats.Dataset{
		Title:   t.Title + ": agreements per country and partner",
		Caption: "Table 1's agreements per Latin American country and Asian partner, with China and Taiwan apart",
		RowHead: "Country", RowKey: "country", Codes: true,
		Columns: []stats.DataColumn{
			{Key: "japan", Label: "Japan"},
			{Key: "korea", Label: "Korea"},
			{Key: "china", Label: "China"},
			{Key: "taiwan", Label: "Taiwan"},
			{Key: "other", Label: "Other"},
			{Key: "other_partners", Label: "Other partners", Text: true},
			{Key: "total", Label: "Total"},
		},
	}
	foot := stats.DataRow{Label: "Total", Cells: make([]stats.DataCell, len(d.Columns))}
	for i, r := range t.Table.Rows {
		row := stats.DataRow{Label: t.Rows[i].Country.Name, Code: r.Country, Link: paths[r.Country] + "#table-1"}
		total := 0
		for j, ps := range partners {
			n := 0
			for _, p := range ps {
				n += r.Counts[p]
			}
			row.Cells = append(row.Cells, stats.DataCell{N: n})
			foot.Cells[j].N += n
			total += n
		}
		var others []string
		for _, p := range partners[4] {
			if r.Counts[p] > 0 {
				others = append(others, b.m.ix.Country[p].Name)
			}
		}
		row.Cells = append(row.Cells, stats.DataCell{Text: strings.Join(others, ", ")}, stats.DataCell{N: total})
		foot.Cells[6].N += total
		d.Rows = append(d.Rows, row)
	}
	d.Foot = &foot
	src := b.m.ix.Source[t.Source]
	top := t.Largest()
	if top == nil {
		return nil, false, nil
	}
	h, err := b.bars(chart.Bars{
		ID:        chart.ID("table-1"),
		Title:     "Table 1 by country and partner",
		Subtitle:  sourceLine(src, t.Locator),
		Label:     fmt.Sprintf("Stacked bar chart of Table 1: %d agreements between %d Latin American countries and Asian partners, one bar per country split into Japan, Korea, China, Taiwan and other partners. %s's bar, %d, is the longest. The table below gives every number.", t.GrandTotal, len(t.Rows), top.Country.Name, top.Total),
		File:      chartFile("table-1"),
		ValueName: "Agreements",
		Series:    chart.DatasetSeries(d, []int{0, 1, 2, 3, 4}, table1Colors),
		Stacked:   true,
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{
		Slug:    "table-1",
		Title:   "Table 1 by country and partner",
		Summary: fmt.Sprintf("Rouvinski's Table 1 as one bar per Latin American country, split by Asian partner: %d agreements, %d of them %s's.", t.GrandTotal, top.Total, top.Country.Name),
		Chart:   h,
		Notes: []string{
			"Each bar is one country's row of Table 1; its segments are the partners, and the number at its end is the row's total. The table's “China and Taiwan” column is split into China and Taiwan, as its cells name them; “Other” is India, Indonesia and the Philippines.",
		},
		Data:    d,
		Sources: []citeView{b.m.cite(t.Source, t.Locator)},
		Method: []string{
			"The counts are the table's cells as printed (see how the atlas reads them on the Table 1 page). The totals are computed from the cells; the build checks them against the table's printed TOTAL row.",
			"Table 1 does not list the agreements it counts, so no record stands behind a bar: each country's row links to its page, where its Table 1 row sits beside the agreements the atlas has recorded.",
		},
	}, false, nil
}

// partnersChart draws each partner country's share of Table 1.
func (b *builder) partnersChart() (*chartPage, bool, error) {
	t := b.m.table1
	totals := map[string]int{}
	for _, r := range t.Table.Rows {
		for p, n := range r.Counts {
			totals[p] += n
		}
	}
	var ps []stats.Partner
	for p, n := range totals {
		if n > 0 {
			ps = append(ps, stats.Partner{Country: b.m.ix.Country[p], N: n})
		}
	}
	slices.SortFunc(ps, func(a, b stats.Partner) int {
		return cmp.Or(cmp.Compare(b.N, a.N), strings.Compare(a.Country.Name, b.Country.Name))
	})
	d := &stats.Dataset{
		Title:   t.Title + ": agreements per partner country",
		Caption: fmt.Sprintf("Table 1's %d agreements per Asian partner country", t.GrandTotal),
		RowHead: "Partner country", RowKey: "partner", Codes: true,
		Columns: []stats.DataColumn{
			{Key: "agreements", Label: "Agreements"},
			{Key: "share", Label: "Share", Text: true},
		},
	}
	series := chart.Series{Name: "Agreements", Color: barColor}
	for _, p := range ps {
		share := stats.Share{Part: p.N, Whole: t.GrandTotal}.Percent()
		d.Rows = append(d.Rows, stats.DataRow{
			Label: p.Country.Name, Code: p.Country.Code, Link: "table-1/#table-1",
			Cells: []stats.DataCell{{N: p.N}, {Text: share}},
		})
		series.Values = append(series.Values, chart.Value{N: p.N, Text: strconv.Itoa(p.N) + " · " + share})
	}
	d.Foot = &stats.DataRow{Label: "Total", Cells: []stats.DataCell{{N: t.GrandTotal}, {Text: "100.0%"}}}
	src := b.m.ix.Source[t.Source]
	if len(ps) == 0 {
		return nil, false, nil
	}
	top := ps[0]
	h, err := b.bars(chart.Bars{
		ID:        chart.ID("table-1", "partners"),
		Title:     "Table 1: partners' shares",
		Subtitle:  sourceLine(src, t.Locator),
		Label:     fmt.Sprintf("Bar chart of Table 1's %d agreements by Asian partner country, largest first: %s has %d, %s. The table below gives every number.", t.GrandTotal, top.Country.Name, top.N, stats.Share{Part: top.N, Whole: t.GrandTotal}.Percent()),
		File:      chartFile("table-1-partners"),
		ValueName: "Agreements",
		Series:    []chart.Series{series},
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{
		Slug:    "table-1-partners",
		Title:   "Table 1: the partners' shares",
		Summary: fmt.Sprintf("How Table 1's %d agreements divide among the Asian partner countries: %s alone has %d, %s.", t.GrandTotal, top.Country.Name, top.N, stats.Share{Part: top.N, Whole: t.GrandTotal}.Percent()),
		Chart:   h,
		Notes:   []string{fmt.Sprintf("Each bar is one partner country's agreements over all %d Latin American countries of the table, with its share of the table's total.", len(t.Rows))},
		Data:    d,
		Sources: []citeView{b.m.cite(t.Source, t.Locator)},
		Method: []string{
			"The counts add up the table's cells per partner country; a share is the count over the table's total, rounded to one decimal.",
			"Table 1 does not list the agreements it counts; each row links to the table itself.",
		},
	}, false, nil
}

// chinaFigures is the id of the Latinoamérica21 counts.
const chinaFigures = "l21-china-twinning"

// chinaChart draws the Latinoamérica21 counts, with their lower bounds.
func (b *builder) chinaChart() (*chartPage, bool, error) {
	var set *records.FigureSet
	for _, s := range b.m.d.Figures {
		if s.ID == chinaFigures {
			set = s
		}
	}
	if set == nil {
		return nil, false, nil
	}
	var years, scopes []string
	cells := map[[2]string]records.Figure{}
	for _, f := range set.Items {
		y := strconv.Itoa(f.AsOf)
		if !slices.Contains(years, y) {
			years = append(years, y)
		}
		if !slices.Contains(scopes, f.Scope) {
			scopes = append(scopes, f.Scope)
		}
		cells[[2]string{f.Scope, y}] = f
	}
	slices.Sort(years)
	partner := b.m.ix.Country[set.Partner].Name
	d := &stats.Dataset{
		Title:   set.Title,
		Caption: fmt.Sprintf("Agreements between %s and Latin American localities, as published", partnerAdj(partner)),
		RowHead: "Scope", RowKey: "scope", Codes: true,
	}
	for _, y := range years {
		d.Columns = append(d.Columns, stats.DataColumn{Key: "agreements_" + y, Label: y, Bounded: true})
	}
	paths := b.m.countryPaths()
	bounds := 0
	for _, s := range scopes {
		row := stats.DataRow{Label: "Latin America", Link: "agreements/"}
		if c := b.m.ix.Country[s]; c != nil {
			row = stats.DataRow{Label: c.Name, Code: c.Code, Link: paths[c.Code] + "#figures"}
		}
		for _, y := range years {
			f := cells[[2]string{s, y}] // validation reports a missing one
			row.Cells = append(row.Cells, stats.DataCell{N: f.Value, Bound: f.Bound})
			if f.Bound != records.Exact {
				bounds++
			}
		}
		d.Rows = append(d.Rows, row)
	}
	src := b.m.ix.Source[set.Source]
	h, err := b.bars(chart.Bars{
		ID:        chart.ID(set.ID),
		Title:     partner + "–Latin America agreements",
		Subtitle:  sourceLine(src, set.Locator),
		Label:     fmt.Sprintf("Bar chart of the agreements between %s and Latin American localities in %s, for Latin America as a whole and %d countries. %d of the bars are lower bounds, labelled “at least” or “more than”. The table below gives every number.", partnerAdj(partner), strings.Join(years, " and "), len(scopes)-1, bounds),
		File:      chartFile("china-2015-2021"),
		ValueName: "Agreements",
		Series:    chart.DatasetSeries(d, seq(len(years)), yearColors),
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{
		Slug:    "china-2015-2021",
		Title:   partner + "–Latin America agreements, " + strings.Join(years, " and "),
		Summary: fmt.Sprintf("Twinning agreements between %s and Latin American localities in %s, as Latinoamérica21 published them; most of the later figures are lower bounds.", partnerAdj(partner), strings.Join(years, " and ")),
		Chart:   h,
		Notes: []string{
			"Pale bars with a dashed outline and an arrow (→) are lower bounds: the source says “at least” or “more than” that number, so the true count is that number or higher (“at least”) or above it (“more than”). The bar stops at the published number; how far the count goes on is unknown.",
		},
		Data:    d,
		Sources: []citeView{b.m.cite(set.Source, set.Locator)},
		Method: []string{
			"The figures are the source's, with its wording kept: “more than 200” is stored as the number 200 with the bound “more than”, never as 200 or 201.",
			"The source does not list the agreements it counts; each country's row links to its page, where the figure sits beside the agreements the atlas has recorded.",
		},
	}, false, nil
}

// partnerAdj is the adjective of a partner country in a caption.
func partnerAdj(name string) string {
	if name == "China" {
		return "Chinese"
	}
	return name + "'s"
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// compareChart draws Table 1's totals beside today's records.
func (b *builder) compareChart() (*chartPage, bool, error) {
	t := b.m.table1
	paths := b.m.countryPaths()
	d := &stats.Dataset{
		Title:   t.Title + ", beside today's records",
		Caption: "Agreements per country: Table 1 against today's records, counted over Table 1's partner countries",
		RowHead: "Country", RowKey: "country", Codes: true,
		Columns: []stats.DataColumn{
			{Key: "table_1", Label: "Table 1"},
			{Key: "records", Label: "Today's records"},
		},
	}
	_, recTotal := t.RecordsSums()
	for _, r := range t.Rows {
		d.Rows = append(d.Rows, stats.DataRow{
			Label: r.Country.Name, Code: r.Country.Code, Link: paths[r.Country.Code] + "#agreements",
			Cells: []stats.DataCell{{N: r.Total}, {N: r.RecordsTotal}},
		})
	}
	d.Foot = &stats.DataRow{Label: "Total", Cells: []stats.DataCell{{N: t.GrandTotal}, {N: recTotal}}}
	h, err := b.bars(chart.Bars{
		ID:        chart.ID("table-1", "records"),
		Title:     "Table 1 against today's records",
		Subtitle:  "Sources: Rouvinski, Table 1; the atlas's records",
		Label:     fmt.Sprintf("Bar chart comparing, for each of Table 1's %d countries, its total in Table 1 with the number of today's records over the same partner countries: %d in Table 1 against %d records in all. The table below gives every number.", len(t.Rows), t.GrandTotal, recTotal),
		File:      chartFile("table-1-vs-records"),
		ValueName: "Agreements",
		Series:    chart.DatasetSeries(d, []int{0, 1}, compareColors),
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{
		Slug:    "table-1-vs-records",
		Title:   "Table 1 against today's records",
		Summary: fmt.Sprintf("Each Table 1 country's total beside the agreements the atlas records today with the same partner countries: %d against %d.", t.GrandTotal, recTotal),
		Chart:   h,
		Notes: []string{
			"The records count only Table 1's seven partner countries (Japan, South Korea, China, Taiwan, India, Indonesia and the Philippines), so that both bars count the same kind of partner. A difference is a lead to follow, not an error in either: the records come from other, mostly later, sources.",
		},
		Data: d,
		Sources: []citeView{
			b.m.cite(t.Source, t.Locator),
		},
		Records: true,
		Method: []string{
			"Table 1's totals are the sums of each country's printed cells. Today's records are counted from the atlas's agreement records, one per relationship between a Latin American and an Asian locality, whatever its kind (sister city, friendship, cooperation agreement, letter of intent or memorandum).",
			"Each row links to the country's list of records.",
		},
	}, true, nil
}

// mapChart draws today's records per Latin American and Caribbean country
// on a map.
func (b *builder) mapChart() (*chartPage, bool, error) {
	geo, err := mapRegions(b.src)
	if err != nil || geo == nil {
		return nil, false, err
	}
	paths := b.m.countryPaths()
	d := &stats.Dataset{
		Title:   "Agreements per Latin American and Caribbean country, today's records",
		Caption: "Recorded agreements per Latin American and Caribbean country, most first",
		RowHead: "Country", RowKey: "country", Codes: true,
		Columns: []stats.DataColumn{{Key: "agreements", Label: "Agreements"}},
	}
	var regions []chart.Region
	var missing []string
	total, with := 0, 0
	for _, c := range b.m.d.Countries {
		if c.Region != records.LatinAmerica {
			continue
		}
		n := b.m.counts.Total(c.Code)
		row := stats.DataRow{Label: c.Name, Code: c.Code, Cells: []stats.DataCell{{N: n}}}
		if n > 0 {
			row.Link = paths[c.Code] + "#agreements"
			with++
		}
		total += n
		d.Rows = append(d.Rows, row)
		name, ok := geo.Names[c.Code]
		if !ok {
			if n > 0 {
				missing = append(missing, fmt.Sprintf("%s (%d)", c.Name, n))
			}
			continue
		}
		link := ""
		if row.Link != "" {
			link = b.site.Base.URL(row.Link)
		}
		regions = append(regions, chart.Region{Name: name, N: n, Link: link})
	}
	slices.SortStableFunc(d.Rows, func(a, b stats.DataRow) int {
		return cmp.Or(cmp.Compare(b.Cells[0].N, a.Cells[0].N), strings.Compare(a.Label, b.Label))
	})
	d.Foot = &stats.DataRow{Label: "Total", Cells: []stats.DataCell{{N: total}}}
	if len(d.Rows) == 0 {
		return nil, false, nil
	}
	top := d.Rows[0]
	c, err := chart.NewChoropleth(chart.Choropleth{
		ID:        chart.ID("map", "agreements"),
		Title:     "Agreements by country",
		Subtitle:  recordsSource,
		Label:     fmt.Sprintf("Map of Latin America and the Caribbean, each country shaded by its number of recorded agreements with Asian localities: %d agreements in %d countries; %s has the most, %d. The table below gives every number.", total, with, top.Label, top.Cells[0].N),
		File:      chartFile("map"),
		Map:       chart.MapSource{Name: mapName, URL: b.site.Base.URL(latamMap)},
		Bounds:    geo.Bounds,
		ValueName: "Agreements",
		Regions:   regions,
		Classes:   []int{1, 2, 5, 10, 20, 50},
	})
	if err != nil {
		return nil, false, err
	}
	h, err := c.HTML()
	if err != nil {
		return nil, false, err
	}
	notes := []string{"Darker countries have more recorded agreements with Asian localities; grey ones have none recorded. A click on a country opens its list of records."}
	if len(missing) > 0 {
		notes = append(notes, "Too small to draw at the map's scale (1:110 million), but counted in the table: "+strings.Join(missing, ", ")+".")
	}
	return &chartPage{
		Slug:    "map",
		Title:   "Map of the agreements by country",
		Summary: fmt.Sprintf("Latin America and the Caribbean shaded by the number of agreements with Asian localities that the atlas records for each country: %d in %d countries.", total, with),
		Chart:   h,
		Notes:   notes,
		Data:    d,
		Records: true,
		Method: []string{
			"Each country's count is the number of the atlas's agreement records whose Latin American side lies in it, whatever the partner and the kind of agreement.",
			"The map is Natural Earth's 1:110m country boundaries (public domain), from the world-atlas package, converted to GeoJSON once and served by this site.",
			"The map shows no lines from Latin American localities to their Asian partners: it covers only Latin America and the Caribbean, so every line would run off its edge.",
		},
	}, true, nil
}

// mapRegions reads the vendored map; nil when the source tree has no map
// (as small test sites do; the repository's link check catches a missing
// one).
func mapRegions(fsys fs.FS) (*chart.GeoMap, error) {
	data, err := fs.ReadFile(fsys, latamMap)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	m, err := chart.ParseGeoJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", latamMap, err)
	}
	return m, nil
}

// countryChart draws a country's recorded agreements by partner, for its
// page.
func (b *builder) countryChart(c countryView, ps []stats.Partner) (template.HTML, error) {
	s := chart.Series{Name: "Agreements", Color: barColor}
	var names, links []string
	for _, p := range ps {
		names = append(names, p.Country.Name)
		links = append(links, b.site.Base.URL(c.Path)+"#"+partnerAnchor(p.Country.Code))
		s.Values = append(s.Values, chart.Value{N: p.N})
	}
	ch, err := chart.NewBars(chart.Bars{
		ID:         chart.ID("country", c.Code, "partners"),
		Title:      c.Name + ": agreements by partner",
		Subtitle:   recordsSource,
		Label:      fmt.Sprintf("Bar chart of %s's %s by Asian partner country, most first. The table below gives every number.", c.Name, pluralize(c.Agreements, "recorded agreement", "recorded agreements")),
		File:       chartFile(strings.TrimSuffix(strings.TrimPrefix(c.Path, "countries/"), "/")),
		ValueName:  "Agreements",
		Categories: names,
		Links:      links,
		Series:     []chart.Series{s},
	})
	if err != nil {
		return "", err
	}
	return ch.HTML()
}

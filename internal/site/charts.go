package site

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"strconv"
	"strings"

	"atlas/internal/chart"
	"atlas/internal/export"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// Vendored assets the charts load (see static/vendor/*/README.md; `make
// vendor` re-vendors them).
const (
	echartsJS = "static/vendor/echarts/echarts.custom.min.js"
	latamMap  = "static/vendor/world-atlas/latam.geo.json"
)

// Colours of the partners in Table 1's columns (Okabe and Ito's palette,
// told apart with every kind of colour vision), and of other series.
var (
	table1Colors  = []string{"#0072b2", "#009e73", "#d55e00", "#cc79a7", "#e69f00"} // Japan, Korea, China, Taiwan, Other
	compareColors = []string{"#0072b2", "#e69f00"}                                  // published, records
	yearColors    = []string{"#009e73", "#0072b2"}                                  // earlier, later
	barColor      = "#0b5c8c"                                                       // the site's accent
)

// chartPage is one page under /charts/, with the chart it draws.
type chartPage struct {
	*render.Chart
	chart *chart.Chart
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
		b.pairsChart,
		b.timelineChart,
	}
	var pages []*render.Chart
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
		pages = append(pages, p.Chart)
		b.chartList = append(b.chartList, p.Chart)
		b.charted[p.Slug] = true
		b.chartPage(p, wikipedia)
	}
	b.page("charts", &render.ChartsPage{
		Frame: render.Frame{
			Path:        "charts/",
			Title:       b.msg.Sprintf("charts.title"),
			Description: b.msg.Sprintf("charts.description"),
		},
		Charts: pages,
	})
}

// chartPage writes a chart's page and its downloads. wikipedia marks data
// counted from records that include ones derived from Wikipedia.
func (b *builder) chartPage(p *chartPage, wikipedia bool) {
	p.File = p.Path() + chartFile(p.Slug)
	b.chartFiles(p, wikipedia)
	p.Words = render.EmbedWords{
		Heading: b.msg.Sprintf("chart.embed.heading"),
		Intro:   b.msg.Sprintf("chart.embed.intro"),
		Label:   b.msg.Sprintf("chart.embed.label"),
		Copy:    b.msg.Sprintf("chart.embed.copy"),
		Copied:  b.msg.Sprintf("chart.embed.copied"),
		Back:    b.msg.Sprintf("chart.embed.back", b.site.Title),
	}
	if p.chart != nil {
		if svg := p.chart.Thumbnail(); svg != nil {
			// A thumbnail has no words: one file serves every language.
			p.Thumb = p.Path() + "thumbnail.svg"
			if b.m.lang == sitepath.DefaultLang {
				b.add(p.Thumb, svg)
			}
		}
		credit := b.credit(p.Path(), wikipedia)
		credit.Data = b.site.Base.URL(p.File)
		h, err := p.chart.HTML(credit)
		if err != nil {
			b.errs = append(b.errs, err)
		}
		p.HTML = h
		// The iframe is as high as the chart, its title and its source line.
		p.Embed = fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" loading="lazy"></iframe>`,
			b.embedURL(p.EmbedPath()), template.HTMLEscapeString(p.Title), p.chart.BoxHeight()+160)
	}
	b.page("chart", &render.ChartPage{
		Frame: render.Frame{
			Path:        p.Path(),
			Title:       p.Title,
			Description: p.Summary,
			Wikipedia:   wikipedia,
			Scripts:     append([]string{sitepath.ChartsJS}, p.Scripts...),
			Styles:      []string{sitepath.ChartsCSS},
		},
		Chart: p.Chart,
	})
	b.page("chart-embed", &render.ChartEmbedPage{
		Frame: render.Frame{
			Path:        p.EmbedPath(),
			Title:       p.Title,
			Description: p.Summary,
			Wikipedia:   wikipedia,
			Scripts:     []string{sitepath.ChartsJS},
			Styles:      []string{sitepath.ChartsCSS},
			Bare:        true,
			NoIndex:     true,
		},
		Chart: p.Chart,
	})
}

// embedURL is the address an embed snippet points at: absolute when the
// base URL has a host, else the site path (the snippet then needs the
// site's host put in front).
func (b *builder) embedURL(sitePath string) string {
	if b.site.Base.Origin != "" {
		return b.site.Base.Abs(sitePath)
	}
	return b.site.Base.URL(sitePath)
}

// credit is what a chart's exports carry: its licence and its page's URL.
func (b *builder) credit(pagePath string, wikipedia bool) chart.Credit {
	lic := export.LicenceContent
	if wikipedia {
		lic = export.LicenceWikipedia
	}
	u := b.embedURL(pagePath)
	return chart.Credit{Footer: b.msg.Sprintf("chart.export.footer", b.site.Title, lic, u), URL: u}
}

// bars builds a bar chart of a dataset's rows; the chart page renders it.
func (b *builder) bars(spec chart.Bars, d *stats.Dataset) (*chart.Chart, error) {
	spec.Categories, spec.Links = chart.DatasetCategories(d, b.site.Base.URL)
	spec.ValueName = b.msg.Sprintf("chart.value-name")
	spec.Text = b.msg
	return chart.NewBars(spec)
}

// paras returns the paragraphs key.1, key.2, … that the messages give,
// each printed with args.
func (b *builder) paras(key string, args ...any) []string {
	var out []string
	for i := 1; i == 1 || b.msg.Has(key+"."+strconv.Itoa(i)); i++ {
		out = append(out, b.msg.Sprintf(key+"."+strconv.Itoa(i), args...))
	}
	return out
}

// link returns a stats.Link to the country pages' section anchor, or to
// whole for a row that covers the whole region.
func (b *builder) link(anchor, whole string) stats.Link {
	return func(code string) string {
		if code == "" {
			return whole
		}
		return b.m.countryPaths()[code] + anchor
	}
}

func (m *model) cite(id, locator string) citeView {
	return citeView{Source: m.ix.Source[id], Locator: locator}
}

// sourceLine is the one-line source printed under a chart's title.
func (b *builder) sourceLine(s *records.Source, locator string) string {
	name := s.Title
	if len(s.Authors) > 0 {
		if f := strings.Fields(s.Authors[0]); len(f) > 0 {
			name = f[len(f)-1]
		}
	}
	switch {
	case locator != "":
		name = b.msg.Sprintf("chart.source.part", name, locator)
	case s.Container != "":
		name = b.msg.Sprintf("chart.source.part", name, s.Container)
	}
	return b.msg.Sprintf("chart.source", name)
}

// table1Chart draws Table 1 as one stacked bar per country.
func (b *builder) table1Chart() (*chartPage, bool, error) {
	t := b.m.table1
	top := t.Largest()
	if top == nil {
		return nil, false, nil
	}
	const slug = sitepath.ChartTable1
	d := stats.Table1Dataset(t, b.m.ix, b.msg, b.link("#table-1", ""))
	h, err := b.bars(chart.Bars{
		ID:       chart.ID("table-1"),
		Title:    b.msg.Sprintf("chart.table-1.chart-title"),
		Subtitle: b.sourceLine(b.m.ix.Source[t.Source], t.Locator),
		Label:    b.msg.Sprintf("chart.table-1.label", t.GrandTotal, len(t.Rows), top.Country.Name, top.Total),
		File:     chartFile(slug),
		Series:   chart.DatasetSeries(d, []int{0, 1, 2, 3, 4}, table1Colors),
		Stacked:  true,
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{chart: h, Chart: &render.Chart{
		Slug:    slug,
		Title:   b.msg.Sprintf("chart.table-1.title"),
		Summary: b.msg.Sprintf("chart.table-1.summary", t.GrandTotal, top.Total, top.Country.Name),
		Notes:   b.paras("chart.table-1.note"),
		Data:    d,
		Sources: []citeView{b.m.cite(t.Source, t.Locator)},
		Method:  b.paras("chart.table-1.method"),
	}}, false, nil
}

// partnersChart draws each partner country's share of Table 1.
func (b *builder) partnersChart() (*chartPage, bool, error) {
	t := b.m.table1
	d := stats.PartnersDataset(t, b.m.ix, b.msg, func(string) string { return "table-1/#table-1" })
	if len(d.Rows) == 0 {
		return nil, false, nil
	}
	series := chart.Series{Name: d.Columns[0].Label, Color: barColor}
	for _, r := range d.Rows {
		bar := b.msg.Sprintf("chart.table-1-partners.bar", r.Cells[0].N, r.Cells[1].Text)
		series.Values = append(series.Values, chart.Value{N: r.Cells[0].N, Text: bar})
	}
	const slug = sitepath.ChartPartners
	top := d.Rows[0]
	args := []any{t.GrandTotal, top.Label, top.Cells[0].N, top.Cells[1].Text}
	h, err := b.bars(chart.Bars{
		ID:       chart.ID("table-1", "partners"),
		Title:    b.msg.Sprintf("chart.table-1-partners.chart-title"),
		Subtitle: b.sourceLine(b.m.ix.Source[t.Source], t.Locator),
		Label:    b.msg.Sprintf("chart.table-1-partners.label", args...),
		File:     chartFile(slug),
		Series:   []chart.Series{series},
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{chart: h, Chart: &render.Chart{
		Slug:    slug,
		Title:   b.msg.Sprintf("chart.table-1-partners.title"),
		Summary: b.msg.Sprintf("chart.table-1-partners.summary", args...),
		Notes:   b.paras("chart.table-1-partners.note", len(t.Rows)),
		Data:    d,
		Sources: []citeView{b.m.cite(t.Source, t.Locator)},
		Method:  b.paras("chart.table-1-partners.method"),
	}}, false, nil
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
	const slug = sitepath.ChartChina
	d := stats.FiguresDataset(set, b.m.ix, b.msg, b.link("#figures", "agreements/"))
	var years []string
	for _, c := range d.Columns {
		years = append(years, c.Label)
	}
	partner := b.m.ix.Country[set.Partner]
	adj := b.adjective(partner)
	h, err := b.bars(chart.Bars{
		ID:       chart.ID(set.ID),
		Title:    b.msg.Sprintf("chart.china-2015-2021.chart-title", partner.Name),
		Subtitle: b.sourceLine(b.m.ix.Source[set.Source], set.Locator),
		Label:    b.msg.Sprintf("chart.china-2015-2021.label", adj, b.msg.List(years), d.Coded(), d.Bounded()),
		File:     chartFile(slug),
		Series:   chart.DatasetSeries(d, seq(len(years)), yearColors),
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{chart: h, Chart: &render.Chart{
		Slug:    slug,
		Title:   b.msg.Sprintf("chart.china-2015-2021.title", partner.Name, b.msg.List(years)),
		Summary: b.msg.Sprintf("chart.china-2015-2021.summary", adj, b.msg.List(years)),
		Notes:   b.paras("chart.china-2015-2021.note"),
		Data:    d,
		Sources: []citeView{b.m.cite(set.Source, set.Locator)},
		Method:  b.paras("chart.china-2015-2021.method"),
	}}, false, nil
}

// adjective is a partner country's adjective, as in "Chinese localities"
// (the message partner.adj).
func (b *builder) adjective(c *records.Country) string {
	return b.msg.Sprintf("partner.adj", c.Code, c.Name)
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
	const slug = sitepath.ChartCompare
	d := stats.CompareDataset(t, b.msg, b.link("#agreements", ""))
	recTotal := d.Foot.Cells[1].N
	h, err := b.bars(chart.Bars{
		ID:       chart.ID("table-1", "records"),
		Title:    b.msg.Sprintf("chart.table-1-vs-records.chart-title"),
		Subtitle: b.msg.Sprintf("chart.table-1-vs-records.subtitle"),
		Label:    b.msg.Sprintf("chart.table-1-vs-records.label", len(t.Rows), t.GrandTotal, recTotal),
		File:     chartFile(slug),
		Series:   chart.DatasetSeries(d, []int{0, 1}, compareColors),
	}, d)
	if err != nil {
		return nil, false, err
	}
	return &chartPage{chart: h, Chart: &render.Chart{
		Slug:    slug,
		Title:   b.msg.Sprintf("chart.table-1-vs-records.title"),
		Summary: b.msg.Sprintf("chart.table-1-vs-records.summary", t.GrandTotal, recTotal),
		Notes:   b.paras("chart.table-1-vs-records.note"),
		Data:    d,
		Sources: []citeView{b.m.cite(t.Source, t.Locator)},
		Records: true,
		Method:  b.paras("chart.table-1-vs-records.method"),
	}}, true, nil
}

// mapChart draws today's records per Latin American and Caribbean country
// on a map.
func (b *builder) mapChart() (*chartPage, bool, error) {
	geo, err := mapRegions(b.src)
	if err != nil || geo == nil {
		return nil, false, err
	}
	d := stats.MapDataset(b.m.counts, b.m.d.Countries, b.msg, b.link("#agreements", ""))
	if len(d.Rows) == 0 {
		return nil, false, nil
	}
	regions, missing := b.mapRegionsOf(d, geo)
	total, with, top := d.Foot.Cells[0].N, d.Count(0), d.Rows[0]
	c, err := chart.NewChoropleth(chart.Choropleth{
		ID:        chart.ID("map", "agreements"),
		Title:     b.msg.Sprintf("chart.map.chart-title"),
		Subtitle:  b.msg.Sprintf("chart.source.records"),
		Label:     b.msg.Sprintf("chart.map.label", total, with, top.Label, top.Cells[0].N),
		File:      chartFile(sitepath.ChartMap),
		Bounds:    geo.Bounds,
		Shapes:    geo.Shapes,
		ValueName: b.msg.Sprintf("chart.value-name"),
		Regions:   regions,
		Classes:   []int{1, 2, 5, 10, 20, 50},
		Text:      b.msg,
	})
	if err != nil {
		return nil, false, err
	}
	h := c
	notes := b.paras("chart.map.note")
	if len(missing) > 0 {
		notes = append(notes, b.msg.Sprintf("chart.map.small", strings.Join(missing, ", ")))
	}
	return &chartPage{chart: h, Chart: &render.Chart{
		Slug:    sitepath.ChartMap,
		Title:   b.msg.Sprintf("chart.map.title"),
		Summary: b.msg.Sprintf("chart.map.summary", total, with),
		Notes:   notes,
		Data:    d,
		Records: true,
		Method:  b.paras("chart.map.method"),
	}}, true, nil
}

// mapRegionsOf returns the map's regions with their counts, in the order
// of the country records, and the countries with records that are too
// small to draw, as "Name (N)".
func (b *builder) mapRegionsOf(d *stats.Dataset, geo *chart.GeoMap) (regions []chart.Region, missing []string) {
	for _, c := range b.m.d.Countries {
		row := d.Row(c.Code)
		if row == nil {
			continue // not Latin American
		}
		n := row.Cells[0].N
		name, ok := geo.Names[c.Code]
		if !ok {
			if n > 0 {
				missing = append(missing, b.msg.Sprintf("chart.map.small-item", c.Name, n))
			}
			continue
		}
		link := ""
		if row.Link != "" {
			link = b.site.Base.URL(row.Link)
		}
		regions = append(regions, chart.Region{Name: name, Label: row.Label, N: n, Link: link})
	}
	return regions, missing
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
func (b *builder) countryChart(c countryView, ps []stats.Partner, groups []agreementGroup, wikipedia bool) (template.HTML, error) {
	bars := make([]render.Count, len(ps))
	for i, p := range ps {
		// A bar leads to its group on the page, or to its paged list when
		// the page has too many to show (groups are in the order of ps).
		link := c.Path + "#" + partnerAnchor(p.Country.Code)
		if i < len(groups) && groups[i].Path != "" {
			link = groups[i].Path
		}
		bars[i] = render.Count{Label: p.Country.Name, N: p.N, Path: link}
	}
	return b.pageBars(chart.ID("country", c.Code, "partners"), c.Path, "countries/",
		b.msg.Sprintf("country.chart.title", c.Name), b.msg.Sprintf("country.chart.label", c.Name, c.Agreements), bars, wikipedia)
}

// pageBars draws the bar chart of a country's or partner's page (at
// path, under dir): one bar per count, each followed to its Path.
func (b *builder) pageBars(id, path, dir, title, label string, bars []render.Count, wikipedia bool) (template.HTML, error) {
	s := chart.Series{Name: b.msg.Sprintf("chart.value-name"), Color: barColor}
	var names, links []string
	for _, r := range bars {
		names = append(names, r.Label)
		links = append(links, b.site.Base.URL(r.Path))
		s.Values = append(s.Values, chart.Value{N: r.N})
	}
	ch, err := chart.NewBars(chart.Bars{
		ID:         id,
		Title:      title,
		Subtitle:   b.msg.Sprintf("chart.source.records"),
		Label:      label,
		File:       chartFile(strings.TrimSuffix(strings.TrimPrefix(path, dir), "/")),
		ValueName:  b.msg.Sprintf("chart.value-name"),
		Categories: names,
		Links:      links,
		Series:     []chart.Series{s},
		Text:       b.msg,
	})
	if err != nil {
		return "", err
	}
	return ch.HTML(b.credit(path, wikipedia))
}

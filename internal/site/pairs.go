package site

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"atlas/internal/chart"
	"atlas/internal/records"
	"atlas/internal/render"
	"atlas/internal/sitepath"
	"atlas/internal/stats"
)

// The world basemap of the map of pairs (see static/vendor/world-atlas/README.md),
// and the script of its filter.
const (
	worldMap     = "static/vendor/world-atlas/world.geo.json"
	worldMapName = "world"
	pairsJS      = "static/js/pairs.js"
)

// pairGroups are the colours of the lines by partner: the partners of
// Table 1's columns in its colours (table1Colors), the rest together.
var pairGroups = []struct{ code, color string }{
	{"CN", "#d55e00"}, {"JP", "#0072b2"}, {"KR", "#009e73"}, {"TW", "#cc79a7"}, {"", "#e69f00"},
}

// pairGroup is the colour group of a partner country.
func pairGroup(code string) string {
	for _, g := range pairGroups {
		if g.code == code {
			return code
		}
	}
	return "other"
}

// pairsChart draws every agreement whose places both have coordinates as a
// line on a world map, lists those it cannot draw, and offers a filter
// by partner and kind.
func (b *builder) pairsChart() (*chartPage, bool, error) {
	if _, err := fs.Stat(b.src, worldMap); errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil // small test sites have no map
	}
	pairs := stats.Pairs(b.m.d, b.m.ix)
	if len(pairs) == 0 {
		return nil, false, nil
	}
	world, err := fs.ReadFile(b.src, worldMap)
	if err != nil {
		return nil, false, err
	}
	basemap, err := chart.ParseShapes(world)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", worldMap, err)
	}
	const slug = sitepath.ChartPairs
	url := b.site.Base.URL
	d := stats.PairsDataset(pairs, b.msg, func(code string) string { return b.m.partnerPath(b.m.ix.Country[code]) })
	unmapped := stats.Unmapped(pairs)
	mapped := len(pairs) - len(unmapped)

	var groups []chart.Group
	for _, g := range pairGroups {
		if g.code == "" {
			groups = append(groups, chart.Group{Key: "other", Name: b.msg.Sprintf("chart.pairs.other-partners"), Color: g.color})
			continue
		}
		if c := b.m.ix.Country[g.code]; c != nil {
			groups = append(groups, chart.Group{Key: g.code, Name: c.Name, Color: g.color})
		}
	}
	// Points are named "Place, Country"; lines "Place – Place", with the
	// kind and then the id added where two would have one name.
	pointName := map[string]string{}
	taken := map[string]bool{}
	unique := func(name string, more ...string) string {
		for _, m := range more {
			if !taken[name] {
				break
			}
			name += " (" + m + ")"
		}
		taken[name] = true
		return name
	}
	var points []chart.Point
	n := stats.Ends(pairs)
	addPoint := func(l *records.Locality, c *records.Country) {
		if _, ok := pointName[l.ID]; ok || !l.HasCoords() {
			return
		}
		name := unique(l.Name+", "+c.Name, l.ID)
		pointName[l.ID] = name
		group := ""
		if c.Region == records.Asia {
			group = pairGroup(c.Code)
		}
		points = append(points, chart.Point{
			Name: name, Lat: *l.Lat, Lng: *l.Lng, Group: group, N: n[l.ID], Link: url(sitepath.Place(l.ID)),
		})
	}
	for _, p := range pairs {
		addPoint(p.LatAm, p.LatAmCountry)
	}
	for _, p := range pairs {
		addPoint(p.Asia, p.Partner)
	}
	var lines []chart.Line
	for _, p := range pairs {
		if !p.Mapped() {
			continue
		}
		a := p.Agreement
		lines = append(lines, chart.Line{
			Name: unique(p.LatAm.Name+" – "+p.Asia.Name, b.kindName(a.Kind), a.ID),
			From: pointName[p.LatAm.ID], To: pointName[p.Asia.ID],
			Group: pairGroup(p.Partner.Code), Partner: p.Partner.Code, Kind: a.Kind,
			Link: url(sitepath.AgreementPage(a.ID)),
		})
	}
	c, err := chart.NewPairMap(chart.PairMap{
		ID:       chart.ID("pairs"),
		Title:    b.msg.Sprintf("chart.pairs.chart-title"),
		Subtitle: b.msg.Sprintf("chart.pairs.subtitle", mapped, len(pairs)),
		Label:    b.msg.Sprintf("chart.pairs.label", mapped, len(pairs), len(points), len(unmapped)),
		File:     chartFile(slug),
		Map:      chart.MapSource{Name: worldMapName, URL: url(worldMap)},
		Points:   points,
		Lines:    lines,
		Groups:   groups,
		Text:     b.msg,
		Basemap:  basemap,
	})
	if err != nil {
		return nil, false, err
	}
	return &chartPage{chart: c, Chart: &render.Chart{
		Slug:    slug,
		Title:   b.msg.Sprintf("chart.pairs.title"),
		Summary: b.msg.Sprintf("chart.pairs.summary", mapped, len(pairs)),
		Notes:   b.paras("chart.pairs.note"),
		Data:    d,
		Records: true,
		Method:  b.paras("chart.pairs.method"),
		Filter:  b.pairsFilter(c.ID, pairs, d),
		Lists:   []render.ChartList{b.unmappedList(unmapped, len(pairs))},
		Scripts: []string{pairsJS},
	}}, true, nil
}

// kindName is a kind of agreement in words (data.kind.<kind>).
func (b *builder) kindName(kind string) string { return b.msg.Sprintf("data.kind." + kind) }

// pairsFilter is the map's filter: a partner country (those with a line
// on the map, as the table orders them) and a kind, each with the number
// of lines it selects.
func (b *builder) pairsFilter(id string, pairs []stats.Pair, d *stats.Dataset) *render.ChartFilter {
	mappedCol := len(d.Columns) - 3
	all := d.Foot.Cells[mappedCol].N
	partners := render.ChartSelect{Name: "partner", Label: b.msg.Sprintf("chart.pairs.filter.partner"),
		Options: []render.ChartOption{{Value: "", Label: b.msg.Sprintf("chart.pairs.filter.all-partners", all)}}}
	for _, r := range d.Rows {
		if n := r.Cells[mappedCol].N; n > 0 {
			partners.Options = append(partners.Options, render.ChartOption{Value: r.Code, Label: b.msg.Sprintf("chart.pairs.filter.option", r.Label, n)})
		}
	}
	kinds := render.ChartSelect{Name: "kind", Label: b.msg.Sprintf("chart.pairs.filter.kind"),
		Options: []render.ChartOption{{Value: "", Label: b.msg.Sprintf("chart.pairs.filter.all-kinds", all)}}}
	ks, ns := stats.PairKinds(pairs)
	for i, k := range ks {
		if ns[i] > 0 {
			kinds.Options = append(kinds.Options, render.ChartOption{Value: k, Label: b.msg.Sprintf("chart.pairs.filter.option", b.kindName(k), ns[i])})
		}
	}
	return &render.ChartFilter{
		Chart:   id,
		Label:   b.msg.Sprintf("chart.pairs.filter.label"),
		Selects: []render.ChartSelect{partners, kinds},
		Status:  b.msg.Sprintf("chart.pairs.filter.status", all),
		Submit:  b.msg.Sprintf("chart.pairs.filter.submit"),
	}
}

// unmappedList names every agreement the map cannot draw, with the places
// that lack coordinates.
func (b *builder) unmappedList(unmapped []stats.Pair, total int) render.ChartList {
	l := render.ChartList{
		ID:      "unmapped",
		Heading: b.msg.Sprintf("chart.pairs.unmapped.heading", len(unmapped)),
		Intro:   b.paras("chart.pairs.unmapped.intro", len(unmapped), total),
	}
	missing := map[string]map[string]bool{records.Asia: {}, records.LatinAmerica: {}}
	for _, p := range unmapped {
		item := render.ChartItem{
			Label:  p.LatAm.Name + " – " + p.Asia.Name,
			Path:   sitepath.AgreementPage(p.Agreement.ID),
			Detail: b.msg.Sprintf("chart.pairs.unmapped.item", b.kindName(p.Agreement.Kind)),
		}
		for _, s := range []struct {
			l *records.Locality
			c *records.Country
		}{{p.LatAm, p.LatAmCountry}, {p.Asia, p.Partner}} {
			if !s.l.HasCoords() {
				item.Links = append(item.Links, render.ChartLink{Label: s.l.Name + ", " + s.c.Name, Path: sitepath.Place(s.l.ID)})
				missing[s.c.Region][s.l.ID] = true
			}
		}
		l.Items = append(l.Items, item)
	}
	l.Outro = b.paras("chart.pairs.unmapped.outro", len(missing[records.Asia]), len(missing[records.LatinAmerica]))
	return l
}

// timelineColors are the colours of the partners in the timeline: the
// map of pairs' colours for its groups, then others.
var timelineColors = []string{"#e69f00", "#56b4e9", "#882255", "#999999"}

// timelineChart draws the agreements by the year a source gives, with the
// share that no source dates written on the chart, and marks the first
// dated agreement with each partner country.
func (b *builder) timelineChart() (*chartPage, bool, error) {
	pairs := stats.Pairs(b.m.d, b.m.ix)
	d := stats.TimelineDataset(pairs, b.msg)
	years := d.Rows[:len(d.Rows)-1]
	if len(years) == 0 {
		return nil, false, nil // no dated agreement: nothing to draw
	}
	const slug = sitepath.ChartTimeline
	url := b.site.Base.URL
	np := len(d.Columns) - 3 // the partners' columns
	unknown := d.Rows[len(d.Rows)-1].Cells[np+1].N
	total := d.Foot.Cells[np+1].N
	share := stats.Share{Part: unknown, Whole: total}.Percent(b.msg)

	var cats []string
	for _, r := range years {
		cats = append(cats, r.Label)
	}
	var series []chart.Series
	extra := 0
	for i, col := range d.Columns[:np] {
		color := ""
		for _, g := range pairGroups {
			if g.code != "" && strings.EqualFold(g.code, col.Key) {
				color = g.color
			}
		}
		if color == "" {
			color = timelineColors[extra%len(timelineColors)]
			extra++
		}
		s := chart.Series{Name: col.Label, Color: color}
		for _, r := range years {
			s.Values = append(s.Values, chart.Value{N: r.Cells[i].N})
		}
		series = append(series, s)
	}
	milestones := stats.Milestones(pairs)
	var markers []chart.Marker
	list := render.ChartList{
		ID:      "milestones",
		Heading: b.msg.Sprintf("chart.timeline.milestones.heading"),
		Intro:   b.paras("chart.timeline.milestones.intro"),
	}
	for _, m := range milestones {
		a := m.Pair.Agreement
		name := b.msg.Sprintf("chart.timeline.marker", m.Partner.Name, m.Pair.LatAm.Name, m.Pair.Asia.Name, strconv.Itoa(m.Year))
		markers = append(markers, chart.Marker{
			Name: name, Year: strconv.Itoa(m.Year), Label: m.Partner.Name, Link: url(sitepath.AgreementPage(a.ID)),
		})
		list.Items = append(list.Items, render.ChartItem{
			Lead:   b.msg.Sprintf("chart.timeline.milestones.lead", strconv.Itoa(m.Year), m.Partner.Name),
			Label:  m.Pair.LatAm.Name + " – " + m.Pair.Asia.Name,
			Path:   sitepath.AgreementPage(a.ID),
			Detail: b.msg.Sprintf("chart.timeline.milestones.detail", b.kindName(a.Kind)),
		})
	}
	var undated []string
	for _, p := range stats.Undated(pairs) {
		undated = append(undated, b.msg.Sprintf("chart.map.small-item", p.Country.Name, p.N))
	}
	if len(undated) > 0 {
		list.Outro = []string{b.msg.Sprintf("chart.timeline.milestones.undated", b.msg.List(undated))}
	}
	c, err := chart.NewTimeline(chart.Timeline{
		ID:         chart.ID("timeline"),
		Title:      b.msg.Sprintf("chart.timeline.chart-title"),
		Subtitle:   b.msg.Sprintf("chart.source.records"),
		Label:      b.msg.Sprintf("chart.timeline.label", total-unknown, total, cats[0], cats[len(cats)-1], unknown, share, len(markers)),
		File:       chartFile(slug),
		ValueName:  b.msg.Sprintf("chart.value-name"),
		Years:      cats,
		Series:     series,
		Markers:    markers,
		MarkerName: b.msg.Sprintf("chart.timeline.marker-name"),
		Unknown:    b.msg.Sprintf("chart.timeline.unknown", unknown, total, share),
		Text:       b.msg,
	})
	if err != nil {
		return nil, false, err
	}
	return &chartPage{chart: c, Chart: &render.Chart{
		Slug:    slug,
		Title:   b.msg.Sprintf("chart.timeline.title"),
		Summary: b.msg.Sprintf("chart.timeline.summary", total-unknown, total, cats[0], cats[len(cats)-1], unknown),
		Notes:   b.paras("chart.timeline.note", unknown, total, share),
		Data:    d,
		Records: true,
		Method:  b.paras("chart.timeline.method"),
		Lists:   []render.ChartList{list},
	}}, true, nil
}

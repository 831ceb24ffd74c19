package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/output"
	"atlas/internal/sitetest"
)

// chartSlugs are the chart pages the repository's data gives.
var chartSlugs = []string{"table-1", "table-1-partners", "china-2015-2021", "table-1-vs-records", "map", "pairs", "timeline"}

var (
	dataRE = regexp.MustCompile(`<script type="application/json" class="chart-data">(.*?)</script>`)
	wideRE = regexp.MustCompile(`(?s)<svg class="chart chart-svg chart-wide".*?</svg>`)
	mapRE  = regexp.MustCompile(`(?s)<svg class="chart chart-svg chart-map".*?</svg>`)
	// A drawn map's region with its count.
	regionRE = regexp.MustCompile(`<path class="region[^"]*" data-name="([^"]+)" data-v="(\d+)"`)
)

// chartData returns the JSON data block of the only chart on a page.
func chartData(t *testing.T, page []byte) map[string]any {
	t.Helper()
	ms := dataRE.FindAllSubmatch(page, -1)
	if len(ms) != 1 {
		t.Fatalf("%d chart data blocks on the page, want 1", len(ms))
	}
	var d map[string]any
	if err := json.Unmarshal(ms[0][1], &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// drawn returns what the only chart on a page draws: its categories (or
// regions), and per series its name and values. A bar chart is read from
// its wide SVG image, a map from its SVG image (one series, Agreements),
// any other from its ECharts option.
func drawn(t *testing.T, page []byte) (cats []string, series map[string][]string) {
	t.Helper()
	d := chartData(t, page)
	if o, ok := d["option"].(map[string]any); ok {
		if b, ok := o["baseOption"].(map[string]any); ok {
			o = b
		}
		return drawnOption(o)
	}
	if svg := mapRE.Find(page); svg != nil {
		series = map[string][]string{}
		for _, m := range regionRE.FindAllSubmatch(svg, -1) {
			cats = append(cats, string(m[1]))
			series["Agreements"] = append(series["Agreements"], string(m[2]))
		}
		return cats, series
	}
	svg := wideRE.Find(page)
	if svg == nil {
		t.Fatal("a chart with neither an ECharts option nor an SVG image")
	}
	var names []string
	for _, n := range d["series"].([]any) {
		names = append(names, n.(string))
	}
	series = map[string][]string{}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	inCat := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the chart's SVG: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			inCat = tok.Name.Local == "text" && attr["class"] == "cat"
			if tok.Name.Local == "rect" && attr["class"] == "bar" {
				i, _ := strconv.Atoi(attr["data-s"])
				series[names[i]] = append(series[names[i]], attr["data-v"])
			}
		case xml.CharData:
			if inCat {
				cats = append(cats, string(tok))
			}
		case xml.EndElement:
			inCat = false
		}
	}
	return cats, series
}

// drawnOption returns what an ECharts option draws.
func drawnOption(o map[string]any) (cats []string, series map[string][]string) {
	series = map[string][]string{}
	if ys, ok := o["yAxis"].([]any); ok {
		for _, c := range ys[0].(map[string]any)["data"].([]any) {
			cats = append(cats, c.(string))
		}
	}
	for _, s := range o["series"].([]any) {
		s := s.(map[string]any)
		name := s["name"].(string)
		for _, d := range s["data"].([]any) {
			d := d.(map[string]any)
			if n, ok := d["name"].(string); ok {
				cats = append(cats, n)
			}
			series[name] = append(series[name], fmt.Sprint(d["value"]))
		}
	}
	return cats, series
}

func readCSV(t *testing.T, files output.Files, name string) [][]string {
	t.Helper()
	b, ok := files[name]
	if !ok {
		t.Fatalf("no %s", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return rows
}

// csvColumn returns a CSV column by its header, without the header and
// without the rows whose first cell is in skip.
func csvColumn(rows [][]string, key string, skip ...string) []string {
	i := -1
	for j, h := range rows[0] {
		if h == key {
			i = j
		}
	}
	if i < 0 {
		return nil
	}
	var out []string
	for _, r := range rows[1:] {
		if !has(skip, r[0]) {
			out = append(out, r[i])
		}
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestChartPages checks that every chart page has its chart, table,
// downloads, source, permalink, export control and embed, all under the
// base path.
func TestChartPages(t *testing.T) {
	files := generateRepo(t, "https://example.github.io/atlas/")
	index := string(files["charts/index.html"])
	for _, slug := range chartSlugs {
		t.Run(slug, func(t *testing.T) {
			name := "charts/" + slug + "/index.html"
			page := string(files[name])
			if page == "" {
				t.Fatalf("no %s", name)
			}
			file := "charts/" + slug + "/atlas-" + slug
			for _, want := range []string{
				`<script defer src="/atlas/static/js/charts.js"></script>`,
				`<link rel="stylesheet" href="/atlas/static/charts.css">`,
				`class="chart `,
				`role="img" aria-label="`,
				`<button type="button" data-chart-export="png">PNG</button> <button type="button" data-chart-export="svg">SVG</button>`,
				`"file":"atlas-` + slug + `"`,
				`"footer":"Asia–Latin America Subnational Atlas. Licence: CC BY`,
				`<p class="chart-downloads">Its data: <a href="/atlas/` + file + `.csv">CSV</a>`,
				`<textarea id="embed-code" readonly rows="3">&lt;iframe src=&#34;https://example.github.io/atlas/charts/` + slug + `/embed/&#34;`,
				`<table class="data">`,
				`<caption>`,
				`<th scope="col">`,
				`<th scope="row">`,
				`<a href="/atlas/` + file + `.csv">CSV</a>`,
				`<a href="/atlas/` + file + `.json">JSON</a>`,
				`Permalink: <a href="/atlas/charts/` + slug + `/">https://example.github.io/atlas/charts/` + slug + `/</a>`,
				`<h2 id="source">Source and method</h2>`,
				`href="/atlas/sources/`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %q", name, want)
				}
			}
			for _, ext := range []string{".csv", ".json"} {
				if _, ok := files[file+ext]; !ok {
					t.Errorf("no download %s%s", file, ext)
				}
			}
			if !strings.Contains(index, `<a href="/atlas/charts/`+slug+`/">`) {
				t.Errorf("/charts/ does not link to %s", slug)
			}
			// The embed: the chart, its source line and a link back, no
			// header, navigation or footer, and not for search engines.
			embed := string(files["charts/"+slug+"/embed/index.html"])
			for _, want := range []string{
				`<body class="bare">`,
				`class="chart `,
				`<a href="/atlas/charts/` + slug + `/" target="_top">The chart, its data and its sources in the Asia–Latin America Subnational Atlas</a>`,
				`<meta name="robots" content="noindex">`,
			} {
				if !strings.Contains(embed, want) {
					t.Errorf("the embed of %s lacks %q", slug, want)
				}
			}
			for _, bad := range []string{`<header`, `<nav`, `<footer`} {
				if strings.Contains(embed, bad) {
					t.Errorf("the embed of %s has %s", slug, bad)
				}
			}
			// The charts of published figures name their source; those of
			// today's records say so in their subtitle.
			if has([]string{"table-1", "table-1-partners", "china-2015-2021"}, slug) && !strings.Contains(embed, `<p class="source">`) {
				t.Errorf("the embed of %s has no source line", slug)
			}
		})
	}
	// The map is drawn at build time: its page loads no chart library.
	if d := chartData(t, files["charts/map/index.html"]); d["bundle"] != nil || d["option"] != nil {
		t.Errorf("the map asks for ECharts: bundle %v", d["bundle"])
	}
}

// TestChartData checks that each chart draws exactly the numbers of its
// CSV download.
func TestChartData(t *testing.T) {
	files := generateRepo(t, "/")
	tests := []struct {
		slug   string
		series map[string]string // series name -> CSV column
		rowKey string
	}{
		{"table-1", map[string]string{"Japan": "japan", "Korea": "korea", "China": "china", "Taiwan": "taiwan", "Other": "other"}, "country"},
		{"table-1-partners", map[string]string{"Agreements": "agreements"}, "partner"},
		{"china-2015-2021", map[string]string{"2015": "agreements_2015", "2021": "agreements_2021"}, "scope"},
		{"table-1-vs-records", map[string]string{"Table 1": "table_1", "Today's records": "records"}, "country"},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			rows := readCSV(t, files, "charts/"+tt.slug+"/atlas-"+tt.slug+".csv")
			cats, series := drawn(t, files["charts/"+tt.slug+"/index.html"])
			if diff := cmp.Diff(csvColumn(rows, tt.rowKey, "Total"), cats); diff != "" {
				t.Errorf("categories (-csv +chart):\n%s", diff)
			}
			want := map[string][]string{}
			for name, key := range tt.series {
				want[name] = csvColumn(rows, key, "Total")
			}
			if diff := cmp.Diff(want, series); diff != "" {
				t.Errorf("series (-csv +chart):\n%s", diff)
			}
		})
	}
	t.Run("map", func(t *testing.T) {
		rows := readCSV(t, files, "charts/map/atlas-map.csv")
		want := map[string]string{}
		for _, r := range rows[1:] {
			want[r[0]] = r[2]
		}
		cats, series := drawn(t, files["charts/map/index.html"])
		got := map[string]string{}
		for i, c := range cats {
			got[c] = series["Agreements"][i]
		}
		// Countries too small for the map are counted in the table only.
		for _, small := range []string{"Grenada", "Saint Kitts and Nevis", "Saint Lucia", "Saint Vincent and the Grenadines", "Antigua and Barbuda", "Barbados", "Dominica"} {
			if _, ok := got[small]; ok {
				t.Errorf("%s is drawn, but the map has no polygon for it", small)
			}
			delete(want, small)
		}
		delete(want, "Total")
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("regions (-csv +chart):\n%s", diff)
		}
	})
}

// TestLowerBounds checks that published lower bounds stay bounds in the
// chart, the table and the downloads.
func TestLowerBounds(t *testing.T) {
	files := generateRepo(t, "/")
	page := string(files["charts/china-2015-2021/index.html"])
	for _, want := range []string{
		`>at least 147 →</text>`,
		`>more than 200 →</text>`,
		`stroke-dasharray="4 2"`,
		`<td class="num">more than 200</td>`,
		`<td class="num">at least 147</td>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("chart page lacks %q", want)
		}
	}
	rows := readCSV(t, files, "charts/china-2015-2021/atlas-china-2015-2021.csv")
	want := [][]string{
		{"scope", "code", "agreements_2015", "agreements_2015_bound", "agreements_2021", "agreements_2021_bound"},
		{"Latin America", "", "147", "at-least", "200", "more-than"},
		{"Argentina", "AR", "17", "exact", "40", "more-than"},
		{"Chile", "CL", "13", "exact", "30", "more-than"},
		{"Uruguay", "UY", "4", "exact", "15", "more-than"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
}

// TestRowLinks checks that every row of a chart's table links to where
// the records it counts are listed, and that the chart follows the same
// links on a click on what it draws.
func TestRowLinks(t *testing.T) {
	files := generateRepo(t, "/")
	rowLink := regexp.MustCompile(`<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th>`)
	for _, slug := range []string{"table-1-vs-records", "map"} {
		page := files["charts/"+slug+"/index.html"]
		cats, _ := drawn(t, page)
		ms := rowLink.FindAllSubmatch(page, -1)
		if len(ms) < 17 {
			t.Errorf("%s: %d rows with links, want at least 17", slug, len(ms))
		}
		for _, m := range ms {
			if !strings.HasSuffix(string(m[1]), "#agreements") {
				t.Errorf("%s: row %s links to %s, want a country's #agreements", slug, m[2], m[1])
			}
			click := fmt.Sprintf(`%q:%q`, m[2], m[1])
			if has(cats, string(m[2])) && !bytes.Contains(page, []byte(click)) {
				t.Errorf("%s: a click on %s does not lead to %s", slug, m[2], m[1])
			}
		}
	}
}

// TestCountryCharts checks that every country page with agreements has a
// chart of them by partner that draws its partner table.
func TestCountryCharts(t *testing.T) {
	files := generateRepo(t, "/")
	cell := regexp.MustCompile(`<tr><th scope="row"><a href="#with-[a-z]{2}">([^<]+)</a></th><td class="num">(\d+)</td></tr>`)
	n := 0
	for name, page := range files {
		if !strings.HasPrefix(name, "countries/") || name == "countries/index.html" {
			continue
		}
		ms := cell.FindAllSubmatch(page, -1)
		if len(ms) == 0 {
			if bytes.Contains(page, []byte(`class="chart"`)) {
				t.Errorf("%s: a chart but no agreements", name)
			}
			continue
		}
		n++
		var names, counts []string
		for _, m := range ms {
			names = append(names, string(m[1]))
			counts = append(counts, string(m[2]))
		}
		cats, series := drawn(t, page)
		if diff := cmp.Diff(names, cats); diff != "" {
			t.Errorf("%s: partners (-table +chart):\n%s", name, diff)
		}
		if diff := cmp.Diff(counts, series["Agreements"]); diff != "" {
			t.Errorf("%s: counts (-table +chart):\n%s", name, diff)
		}
		if !bytes.Contains(page, []byte(`<script defer src="/static/js/charts.js"></script>`)) {
			t.Errorf("%s does not load the chart script", name)
		}
		if bytes.Contains(page, []byte(`echarts`)) {
			t.Errorf("%s, with a bar chart only, names ECharts", name)
		}
	}
	if n < 20 {
		t.Errorf("%d country pages with charts, want at least 20", n)
	}
}

// TestChartsWithoutData builds a site without the Latinoamérica21 figures
// or a map: their chart pages are left out, and nothing links to them.
func TestChartsWithoutData(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, slug := range chartSlugs {
		if _, ok := files["charts/"+slug+"/index.html"]; ok {
			got = append(got, slug)
		}
	}
	if diff := cmp.Diff([]string{"table-1", "table-1-partners", "table-1-vs-records", "timeline"}, got); diff != "" {
		t.Errorf("chart pages (-want +got):\n%s", diff)
	}
	for name, b := range files {
		for _, slug := range []string{"map", "pairs", "china-2015-2021"} {
			if bytes.Contains(b, []byte("charts/"+slug+"/")) {
				t.Errorf("%s links to the missing chart %s", name, slug)
			}
		}
	}
}

// TestChartCSVTotals checks the totals rows against the sums of the
// columns they total.
func TestChartCSVTotals(t *testing.T) {
	files := generateRepo(t, "/")
	for _, tt := range []struct{ slug, key string }{
		{"table-1", "total"}, {"table-1", "japan"}, {"table-1-vs-records", "records"}, {"map", "agreements"},
	} {
		rows := readCSV(t, files, "charts/"+tt.slug+"/atlas-"+tt.slug+".csv")
		col := csvColumn(rows, tt.key)
		sum := 0
		for _, v := range col[:len(col)-1] {
			n, err := strconv.Atoi(v)
			if err != nil {
				t.Fatal(err)
			}
			sum += n
		}
		if last := col[len(col)-1]; last != strconv.Itoa(sum) {
			t.Errorf("%s: %s total %s, sum of the rows %d", tt.slug, tt.key, last, sum)
		}
	}
	if got := csvColumn(readCSV(t, files, "charts/table-1/atlas-table-1.csv"), "total"); got[len(got)-1] != "126" {
		t.Errorf("Table 1 total = %s, want 126", got[len(got)-1])
	}
}

// TestMissingMessage builds a site whose message file lacks a key that a
// chart page needs: the build fails, naming the key and the file.
func TestMissingMessage(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal)
	name := filepath.Join(src, "templates", "messages", "en.yaml")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b = regexp.MustCompile(`(?m)^  chart\.table-1\.summary: .*\n`).ReplaceAll(b, nil)
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	want := "templates/messages/en.yaml: chart.table-1.summary: no such message (add it to every language's file)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// chartOption returns the ECharts option of the only chart on a page, one
// drawn in the browser (its base option, when it has media rules).
func chartOption(t *testing.T, page []byte) map[string]any {
	t.Helper()
	o, ok := chartData(t, page)["option"].(map[string]any)
	if !ok {
		t.Fatal("the chart has no ECharts option")
	}
	if b, ok := o["baseOption"].(map[string]any); ok {
		return b
	}
	return o
}

// TestPartnerChart checks that a partner's page draws its agreements by
// Latin American country: the rows of its table, in its order, each bar
// followed to the same list as the table's link.
func TestPartnerChart(t *testing.T) {
	files := generateRepo(t, "/")
	page := files["partners/china/index.html"]
	section := regexp.MustCompile(`(?s)<section aria-labelledby="by-country">.*?</section>`).Find(page)
	if section == nil {
		t.Fatal("the page of China has no section by country")
	}
	row := regexp.MustCompile(`<tr><th scope="row"><a href="([^"]+)">([^<]+)</a></th><td class="num">(\d+)</td></tr>`)
	var names, counts, links []string
	for _, m := range row.FindAllSubmatch(section, -1) {
		links, names, counts = append(links, string(m[1])), append(names, string(m[2])), append(counts, string(m[3]))
	}
	if len(names) < 2 {
		t.Fatalf("%d rows in the table by country", len(names))
	}
	cats, series := drawn(t, section)
	if diff := cmp.Diff(names, cats); diff != "" {
		t.Errorf("bars (-table +chart):\n%s", diff)
	}
	if diff := cmp.Diff(map[string][]string{"Agreements": counts}, series); diff != "" {
		t.Errorf("values (-table +chart):\n%s", diff)
	}
	d := chartData(t, section)
	for i, name := range names {
		if got := d["links"].(map[string]any)[name]; got != links[i] {
			t.Errorf("bar %s follows %v, the table %s", name, got, links[i])
		}
	}
}

package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
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

var optionRE = regexp.MustCompile(`, o = (\{.*\}), links = `)

// chartOption returns the ECharts option of the only chart on a page (its
// base option, when it has media rules).
func chartOption(t *testing.T, page []byte) map[string]any {
	t.Helper()
	ms := optionRE.FindAllSubmatch(page, -1)
	if len(ms) != 1 {
		t.Fatalf("%d chart options on the page, want 1", len(ms))
	}
	var o map[string]any
	if err := json.Unmarshal(ms[0][1], &o); err != nil {
		t.Fatal(err)
	}
	if b, ok := o["baseOption"].(map[string]any); ok {
		return b
	}
	return o
}

// drawn returns what a chart draws: its categories (or regions), and per
// series its name and values.
func drawn(o map[string]any) (cats []string, series map[string][]string) {
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
// downloads, source, permalink and save control, all under the base path.
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
				`<script defer src="/atlas/static/vendor/echarts/echarts.custom.min.js"></script>`,
				`<div class="chart`,
				`" id="chart_`,
				`role="img" aria-label="`,
				`<button type="button">Save as PNG</button>`,
				`"saveAsImage":{"name":"atlas-` + slug + `"`,
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
			// Its static thumbnail, drawn at build time, on the list.
			thumb := "charts/" + slug + "/thumbnail.svg"
			if !strings.Contains(index, `<img class="thumb" src="/atlas/`+thumb+`" alt="" width="240" height="150">`) {
				t.Errorf("/charts/ shows no thumbnail of %s", slug)
			}
			if svg := files[thumb]; !bytes.HasPrefix(svg, []byte(`<svg xmlns="http://www.w3.org/2000/svg"`)) || len(svg) > 32<<10 {
				t.Errorf("%s: %d bytes, want a small SVG document", thumb, len(svg))
			}
		})
	}
	if !strings.Contains(string(files["charts/map/index.html"]), `"URL":"/atlas/static/vendor/world-atlas/latam.geo.json"`) {
		t.Error("the map is not fetched from under the base path")
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
			cats, series := drawn(chartOption(t, files["charts/"+tt.slug+"/index.html"]))
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
		cats, series := drawn(chartOption(t, files["charts/map/index.html"]))
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
		`"formatter":"at least 147 →"`,
		`"formatter":"more than 200 →"`,
		`"borderType":"dashed"`,
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
		cats, _ := drawn(chartOption(t, page))
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
		cats, series := drawn(chartOption(t, page))
		if diff := cmp.Diff(names, cats); diff != "" {
			t.Errorf("%s: partners (-table +chart):\n%s", name, diff)
		}
		if diff := cmp.Diff(counts, series["Agreements"]); diff != "" {
			t.Errorf("%s: counts (-table +chart):\n%s", name, diff)
		}
		if !bytes.Contains(page, []byte(`<script defer src="/static/vendor/echarts/echarts.custom.min.js"></script>`)) {
			t.Errorf("%s does not load ECharts", name)
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

package site

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
	"atlas/internal/sitetest"
)

// repoRecords loads and validates the repository's records, for tests
// that count them independently of the pages.
func repoRecords(t *testing.T) (*records.Data, *records.Index) {
	t.Helper()
	d, err := records.Load(os.DirFS(sitetest.Root(t)))
	if err != nil {
		t.Fatal(err)
	}
	ix, err := records.Validate(d, 2026, testDate)
	if err != nil {
		t.Fatal(err)
	}
	return d, ix
}

// section returns the part of a page from the heading with id to the end
// of its section.
func section(t *testing.T, page, id string) string {
	t.Helper()
	i := strings.Index(page, `<h2 id="`+id+`">`)
	if i < 0 {
		t.Fatalf("no section %q", id)
	}
	j := strings.Index(page[i:], "</section>")
	return page[i : i+j]
}

var (
	itemRE      = regexp.MustCompile(`<li>(.*)</li>`)
	agreementRE = regexp.MustCompile(`href="/agreements/([^/"]+)/"`)
	placeRE     = regexp.MustCompile(`href="/places/([a-z]{2}/[^/"]+)/"`)
)

// TestPairsPage checks the map of pairs against the records, counted here
// apart from the code that draws it: every agreement with coordinates on
// both sides is a line, every other one is named in the list under the
// map with exactly the places that lack coordinates, and every click leads
// to a page the site has.
func TestPairsPage(t *testing.T) {
	d, ix := repoRecords(t)
	files := generateRepo(t, "/")
	page := string(files["charts/pairs/index.html"])

	var unmapped []string
	missing := map[string][]string{}
	for _, a := range d.Agreements {
		for _, id := range []string{a.LatAm, a.Asia} {
			if !ix.Locality[id].HasCoords() {
				missing[a.ID] = append(missing[a.ID], id)
			}
		}
		if len(missing[a.ID]) > 0 {
			unmapped = append(unmapped, a.ID)
		}
	}
	slices.Sort(unmapped)
	mapped := len(d.Agreements) - len(unmapped)
	if len(unmapped) == 0 || mapped == 0 {
		t.Fatalf("%d unmapped of %d: the test needs both", len(unmapped), len(d.Agreements))
	}

	list := section(t, page, "unmapped")
	if want := fmt.Sprintf("Agreements not on the map (%d)", len(unmapped)); !strings.Contains(list, want) {
		t.Errorf("list heading lacks %q", want)
	}
	var got []string
	for _, m := range itemRE.FindAllStringSubmatch(list, -1) {
		as := agreementRE.FindAllStringSubmatch(m[1], -1)
		if len(as) != 1 {
			t.Errorf("item %q: %d agreement links, want 1", m[1], len(as))
			continue
		}
		id := as[0][1]
		got = append(got, id)
		var places []string
		for _, p := range placeRE.FindAllStringSubmatch(m[1], -1) {
			places = append(places, p[1])
		}
		if diff := cmp.Diff(missing[id], places); diff != "" {
			t.Errorf("%s: places without coordinates (-records +page):\n%s", id, diff)
		}
	}
	if diff := cmp.Diff(unmapped, got); diff != "" {
		t.Errorf("agreements not on the map (-records +page):\n%s", diff)
	}

	pc := pageChart(t, files["charts/pairs/index.html"])
	o := pc.Option
	if b, ok := o["baseOption"].(map[string]any); ok {
		o = b
	}
	lines := 0
	for _, s := range o["series"].([]any) {
		if s := s.(map[string]any); s["type"] == "lines" {
			lines += len(s["data"].([]any))
		}
	}
	if lines != mapped {
		t.Errorf("%d lines drawn, want %d (the agreements with coordinates on both sides)", lines, mapped)
	}
	links := pc.Links
	places, agreements := 0, 0
	for name, url := range links {
		if _, ok := files[strings.TrimPrefix(url, "/")+"index.html"]; !ok {
			t.Errorf("a click on %q leads to %s, which the site lacks", name, url)
		}
		switch {
		case strings.HasPrefix(url, "/places/"):
			places++
		case strings.HasPrefix(url, "/agreements/"):
			agreements++
		}
	}
	if agreements != mapped || places == 0 {
		t.Errorf("clicks lead to %d agreement pages (want %d) and %d place pages", agreements, mapped, places)
	}

	// The table's and the download's totals: drawn and not drawn add up.
	rows := readCSV(t, files, "charts/pairs/atlas-pairs.csv")
	foot := rows[len(rows)-1]
	col := func(key string) string { return foot[slices.Index(rows[0], key)] }
	if col("mapped") != strconv.Itoa(mapped) || col("unmapped") != strconv.Itoa(len(unmapped)) || col("total") != strconv.Itoa(len(d.Agreements)) {
		t.Errorf("CSV totals: mapped %s, unmapped %s, total %s; want %d, %d, %d", col("mapped"), col("unmapped"), col("total"), mapped, len(unmapped), len(d.Agreements))
	}
	// The filter offers every partner with a line, and is hidden until
	// its script runs.
	for _, want := range []string{`<form class="chart-filter" data-chart="chart_pairs"`, `hidden>`, `<select name="partner">`, `<select name="kind">`, `<script defer src="/static/js/pairs.js"></script>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

var pageChartRE = regexp.MustCompile(`<script type="application/json" class="chart-data">(.*?)</script>`)

// pageChart is what the JSON data block of a page's only chart holds:
// the ECharts option, and what a click on a named item leads to.
type pageChartData struct {
	Option map[string]any    `json:"option"`
	Links  map[string]string `json:"links"`
}

func pageChart(t *testing.T, page []byte) pageChartData {
	t.Helper()
	ms := pageChartRE.FindAllSubmatch(page, -1)
	if len(ms) != 1 {
		t.Fatalf("%d chart data blocks on the page, want 1", len(ms))
	}
	var d pageChartData
	if err := json.Unmarshal(ms[0][1], &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestTimelinePage checks the timeline against the records: every
// agreement is counted once, those without a year in the last row, and
// the milestones are each partner's earliest dated agreement.
func TestTimelinePage(t *testing.T) {
	d, ix := repoRecords(t)
	files := generateRepo(t, "/")
	undated := 0
	first := map[string]int{}
	for _, a := range d.Agreements {
		if a.Year == nil {
			undated++
			continue
		}
		p := ix.Locality[a.Asia].Country
		if y, ok := first[p]; !ok || *a.Year < y {
			first[p] = *a.Year
		}
	}
	rows := readCSV(t, files, "charts/timeline/atlas-timeline.csv")
	total := csvColumn(rows, "total")
	if rows[len(rows)-2][0] != "Year unknown" || total[len(total)-2] != strconv.Itoa(undated) {
		t.Errorf("next to last row %v, want Year unknown with %d", rows[len(rows)-2], undated)
	}
	sum := 0
	for _, v := range total[:len(total)-1] {
		n, _ := strconv.Atoi(v)
		sum += n
	}
	if sum != len(d.Agreements) || total[len(total)-1] != strconv.Itoa(len(d.Agreements)) {
		t.Errorf("rows add up to %d, total %s; want %d: every agreement counted once", sum, total[len(total)-1], len(d.Agreements))
	}
	page := string(files["charts/timeline/index.html"])
	if want := fmt.Sprintf("Year unknown: %d of %d agreements", undated, len(d.Agreements)); !strings.Contains(page, want) {
		t.Errorf("the chart lacks the note %q", want)
	}
	list := section(t, page, "milestones")
	items := itemRE.FindAllStringSubmatch(list, -1)
	if len(items) != len(first) {
		t.Errorf("%d milestones, want %d (the partners with a dated agreement)", len(items), len(first))
	}
	byID := map[string]*records.Agreement{}
	for _, a := range d.Agreements {
		byID[a.ID] = a
	}
	for _, m := range items {
		as := agreementRE.FindStringSubmatch(m[1])
		if as == nil {
			t.Errorf("milestone %q links no agreement", m[1])
			continue
		}
		a := byID[as[1]]
		if p := ix.Locality[a.Asia].Country; a.Year == nil || *a.Year != first[p] {
			t.Errorf("milestone %s for %s: year %v, want the partner's first, %d", a.ID, p, a.Year, first[p])
		}
	}
	links := pageChart(t, files["charts/timeline/index.html"]).Links
	if len(links) != len(first) {
		t.Errorf("%d markers lead somewhere, want %d", len(links), len(first))
	}
}

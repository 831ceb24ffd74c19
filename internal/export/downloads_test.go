package export

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
)

func TestDownloads(t *testing.T) {
	d, ix := fixture()
	ds, files, err := Downloads(Records{Data: d, Index: ix, Agreements: d.Agreements, Table1: table1Fixture(ix)}, enText(t))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range ds {
		names = append(names, d.Name)
	}
	if diff := cmp.Diff([]string{"agreements", "table-1", "localities", "sources"}, names); diff != "" {
		t.Errorf("downloads without published figures (-want +got):\n%s", diff)
	}
	// The words come from the string table; the licence names stay.
	a := ds[0]
	if diff := cmp.Diff([]string{
		"Agreements",
		"CC BY-SA 4.0 for the rows derived from Wikipedia, with the attribution “Derived from English Wikipedia's lists of twin towns and sister cities”; CC BY 4.0 for the rest",
		"licence", "CC BY-SA 4.0 for records derived from Wikipedia, otherwise CC BY 4.0",
	}, []string{a.Title, a.Licence, a.Columns[len(a.Columns)-1].Name, a.Columns[len(a.Columns)-1].Meaning}); diff != "" {
		t.Errorf("agreements: title, licence, last column (-want +got):\n%s", diff)
	}
	if c := ds[2].Columns[5]; c.Name != "lat, lng" || c.Meaning != "approximate coordinates (city centres), empty when unknown" {
		t.Errorf("localities: sixth column %+v", c)
	}
	got := byName(files)
	want := map[string]string{
		"data/agreements.csv": "id,latam_locality_id,latam_locality,latam_level,latam_country,asia_locality_id,asia_locality,asia_level,asia_country,kind,term,year,date,date_basis,status,grade,sources,provenance,licence\n" +
			"ar-cordoba--jp-kyoto,ar/cordoba,Córdoba,city,AR,jp/kyoto,Kyoto,city,JP,sister-city,,1996,,,,reported,report [p. 3]; wiki,,CC BY-SA 4.0\n",
		"data/table-1.csv": "country,code,japan,china_and_taiwan,JP,CN,TW,total\n" +
			"Argentina,AR,2,1 (Taiwan),2,0,1,3\n" +
			"TOTAL,,2,1\n",
		"data/localities.csv": "id,name,level,country,region,lat,lng,coords_source,agreements\n" +
			"ar/cordoba,Córdoba,city,AR,latin-america,-31.4,-64.18,osm,1\n" +
			"jp/kyoto,Kyoto,city,JP,asia,,,,1\n",
		"data/sources.csv": "id,kind,authors,title,container,publisher,year,date,url,licence\n" +
			"report,report,Ana Pérez; Li Wei,Twins & partners,Working Papers,,2020,,https://example.org/a_b,\n" +
			"wiki,list,,List of twin towns,Wikipedia,,,,,CC BY-SA 4.0\n",
	}
	for name, w := range want {
		if diff := cmp.Diff(w, got[name]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	for _, name := range []string{"data/agreements.json", "data/table-1.json", "data/localities.json", "data/sources.json", "data/sources.bib"} {
		if _, ok := got[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	var src struct {
		Sources []map[string]string `json:"sources"`
	}
	if err := json.Unmarshal([]byte(got["data/sources.json"]), &src); err != nil {
		t.Fatal(err)
	}
	// Fields a source does not give are left out, not written empty.
	if diff := cmp.Diff(map[string]string{"id": "wiki", "kind": "list", "title": "List of twin towns", "container": "Wikipedia", "licence": "CC BY-SA 4.0"}, src.Sources[1]); diff != "" {
		t.Errorf("sources.json (-want +got):\n%s", diff)
	}
}

func TestPublishedFigures(t *testing.T) {
	d, ix := fixture()
	d.Figures = []*records.FigureSet{{ID: "l21", Source: "report", Partner: "CN", Items: []records.Figure{
		{Scope: "all", AsOf: 2021, Value: 200, Bound: records.MoreThan, Quote: "more than 200"},
		{Scope: "AR", AsOf: 2021, Value: 30, Bound: records.Exact},
	}}}
	ds, files, err := Downloads(Records{Data: d, Index: ix, Agreements: d.Agreements, Table1: table1Fixture(ix)}, enText(t))
	if err != nil {
		t.Fatal(err)
	}
	want := "set,scope,as_of,value,bound,quote,source\n" +
		"l21,all,2021,200,more-than,more than 200,report\n" +
		"l21,AR,2021,30,exact,,report\n"
	if diff := cmp.Diff(want, byName(files)["data/published-figures.csv"]); diff != "" {
		t.Errorf("published-figures.csv (-want +got):\n%s", diff)
	}
	if f := ds[2]; f.Name != "published-figures" || f.Rows != 2 || f.source != ix.Source["report"] {
		t.Errorf("third download %s, %d rows, source %v; want published-figures, 2 rows, the one set's source", f.Name, f.Rows, f.source)
	}
}

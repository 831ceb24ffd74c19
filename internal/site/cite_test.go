package site

import (
	"encoding/json"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"atlas/internal/sitetest"
)

var (
	bibEntryRE = regexp.MustCompile(`^@(online|dataset)\{([^,\s]+),\n`)
	bibFieldRE = regexp.MustCompile(`^  ([a-z]+) += \{(.*)\},?$`)
	risLineRE  = regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)
)

// parseBibTeX reads one entry as a reference manager does: its type and
// key, then one braced field a line, with balanced braces.
func parseBibTeX(s string) (fields map[string]string, ok bool) {
	m := bibEntryRE.FindStringSubmatch(s)
	if m == nil || !strings.HasSuffix(s, "}\n") {
		return nil, false
	}
	fields = map[string]string{"key": m[2]}
	lines := strings.Split(strings.TrimSuffix(s[len(m[0]):], "}\n"), "\n")
	for _, l := range lines[:len(lines)-1] {
		f := bibFieldRE.FindStringSubmatch(l)
		if f == nil || strings.Count(f[2], "{")-strings.Count(f[2], `\{`) != strings.Count(f[2], "}")-strings.Count(f[2], `\}`) {
			return nil, false
		}
		fields[f[1]] = f[2]
	}
	return fields, true
}

// parseRIS reads one record: TY first, ER last, a tag and value a line.
func parseRIS(s string) (tags map[string][]string, ok bool) {
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "TY  - ") || lines[len(lines)-1] != "ER  - " {
		return nil, false
	}
	tags = map[string][]string{}
	for _, l := range lines[:len(lines)-1] {
		m := risLineRE.FindStringSubmatch(l)
		if m == nil {
			return nil, false
		}
		tags[m[1]] = append(tags[m[1]], m[2])
	}
	return tags, true
}

// TestCiteBlocks parses every page's citation files as reference managers
// would, and checks that they agree on title, URL and version.
func TestCiteBlocks(t *testing.T) {
	files, err := Generate(Config{Src: os.DirFS(sitetest.Root(t)), BaseURL: ghBase, Year: 2026, Version: "v1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for name, data := range files {
		dir, ok := strings.CutSuffix(name, "cite.bib")
		if !ok {
			continue
		}
		n++
		bib, ok := parseBibTeX(string(data))
		if !ok {
			t.Errorf("%s: not a BibTeX entry:\n%s", name, data)
			continue
		}
		ris, ok := parseRIS(string(files[dir+"cite.ris"]))
		if !ok {
			t.Errorf("%scite.ris: not a RIS record:\n%s", dir, files[dir+"cite.ris"])
			continue
		}
		var csl []struct {
			ID, Type, Title, URL, Version string
			Author                        []struct{ Literal string }
		}
		if err := json.Unmarshal(files[dir+"cite.json"], &csl); err != nil || len(csl) != 1 || len(csl[0].Author) == 0 {
			t.Errorf("%scite.json: not CSL-JSON with an author: %v", dir, err)
			continue
		}
		url := ghBase + dir
		if bib["url"] != url || ris["UR"][0] != url || csl[0].URL != url {
			t.Errorf("%s: URLs %q, %q, %q, want %q", dir, bib["url"], ris["UR"], csl[0].URL, url)
		}
		if bib["version"] != "v1.2.3" || ris["ET"][0] != "v1.2.3" || csl[0].Version != "v1.2.3" {
			t.Errorf("%s: versions %q, %q, %q", dir, bib["version"], ris["ET"], csl[0].Version)
		}
		if ris["TI"][0] != csl[0].Title || csl[0].ID != bib["key"] {
			t.Errorf("%s: title %q vs %q, key %q vs %q", dir, ris["TI"][0], csl[0].Title, bib["key"], csl[0].ID)
		}
		page := string(files[dir+"index.html"])
		if !strings.Contains(page, `id="cite-this"`) {
			t.Errorf("%sindex.html: no Cite this block", dir)
		}
		// The blocks to copy read as the files, and no line of the page
		// ends in a space: the RIS block's "ER  - " had one, which HTML
		// checkers report.
		for _, f := range []struct{ summary, file string }{{"BibTeX", "cite.bib"}, {"RIS", "cite.ris"}, {"CSL-JSON", "cite.json"}} {
			_, block, _ := strings.Cut(page, `id="cite-this"`)
			m := regexp.MustCompile(`<summary>` + f.summary + `</summary><pre>([^<]*)</pre>`).FindStringSubmatch(block)
			want := strings.ReplaceAll(string(files[dir+f.file]), "\r\n", "\n")
			if m == nil || html.UnescapeString(m[1]) != want {
				t.Errorf("%sindex.html: the %s block does not read as %s:\n%v", dir, f.summary, f.file, m)
			}
		}
		for i, l := range strings.Split(page, "\n") {
			if strings.TrimRight(l, " \t\r") != strings.TrimRight(l, "\r") {
				t.Errorf("%sindex.html:%d: trailing whitespace: %q", dir, i+1, l)
				break
			}
		}
	}
	for _, dir := range []string{"agreements/ar-jujuy-province--cn-guizhou/", "charts/table-1/", "cases/jujuy-guizhou/", "", "data/", "places/cn/henan/", "partners/china/", "countries/chile/"} {
		if _, ok := files[dir+"cite.ris"]; !ok {
			t.Errorf("no citation files for /%s", dir)
		}
	}
	if n < 100 {
		t.Errorf("%d pages with citation files, want every citable page", n)
	}
}

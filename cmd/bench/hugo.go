package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// hugoSite converts the corpus at src into a Hugo site at dst that builds
// the equivalent pages: one per agreement, per case study and per Latin
// American and partner country (taxonomy terms), and the lists of
// agreements, case studies and countries, paged at 500 rows as atlas pages
// its lists.
func hugoSite(src, dst string) error {
	decode := func(name string, v any) error {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return err
		}
		return yaml.Unmarshal(b, v)
	}
	var cf struct {
		Countries []floorCountry `yaml:"countries"`
	}
	var lf struct {
		Localities []floorLocality `yaml:"localities"`
	}
	if err := decode("data/countries.yaml", &cf); err != nil {
		return err
	}
	if err := decode("data/localities.yaml", &lf); err != nil {
		return err
	}
	country := map[string]string{}
	for _, c := range cf.Countries {
		country[c.Code] = c.Name
	}
	loc := map[string]floorLocality{}
	for _, l := range lf.Localities {
		loc[l.ID] = l
	}
	files := map[string][]byte{
		"hugo.toml":                    []byte(hugoConfig),
		"layouts/baseof.html":          []byte(hugoBaseof),
		"layouts/home.html":            []byte(hugoHome),
		"layouts/single.html":          []byte(hugoSingle),
		"layouts/list.html":            []byte(hugoList),
		"layouts/_partials/row.html":   []byte(hugoRow),
		"content/agreements/_index.md": []byte("---\ntitle: Agreements\n---\n"),
		"content/cases/_index.md":      []byte("---\ntitle: Case studies\n---\n"),
	}
	names, err := filepath.Glob(filepath.Join(src, "data", "agreements", "*.yaml"))
	if err != nil {
		return err
	}
	slices.Sort(names)
	for _, name := range names {
		var af struct {
			Agreements []floorAgreement `yaml:"agreements"`
		}
		if err := decode(strings.TrimPrefix(name, src+string(filepath.Separator)), &af); err != nil {
			return err
		}
		for _, a := range af.Agreements {
			la, as := loc[a.LatAm], loc[a.Asia]
			fm := map[string]any{
				"title":      la.Name + " – " + as.Name,
				"slug":       a.ID,
				"countries":  []string{country[la.Country]},
				"partners":   []string{country[as.Country]},
				"kind":       a.Kind,
				"latam":      la.Name,
				"asia":       as.Name,
				"sources":    a.Sources,
				"term":       a.Term,
				"status":     a.Status,
				"date_basis": a.DateBasis,
			}
			if a.Year != nil {
				fm["year"] = *a.Year
			}
			b, err := yaml.Marshal(fm)
			if err != nil {
				return err
			}
			files["content/agreements/"+a.ID+".md"] = slices.Concat([]byte("---\n"), b, []byte("---\n"), []byte(a.Note), []byte("\n"))
		}
	}
	cases, err := filepath.Glob(filepath.Join(src, "content", "cases", "*.md"))
	if err != nil {
		return err
	}
	for _, f := range cases {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		front, body, ok := splitFront(b)
		if !ok {
			return fmt.Errorf("%s: no front matter", f)
		}
		var fm map[string]any
		if err := yaml.Unmarshal(front, &fm); err != nil {
			return err
		}
		// The taxonomies hold country names, as on the agreements.
		for _, key := range []string{"countries", "partners"} {
			codes, _ := fm[key].([]any)
			var names []string
			for _, c := range codes {
				names = append(names, country[fmt.Sprint(c)])
			}
			fm[key] = names
		}
		fm["date"] = fm["updated"]
		out, err := yaml.Marshal(fm)
		if err != nil {
			return err
		}
		files["content/cases/"+filepath.Base(f)] = slices.Concat([]byte("---\n"), out, []byte("---\n"), body)
	}
	for name, b := range files {
		p := filepath.Join(dst, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

const hugoConfig = `baseURL = "/"
title = "Benchmark Atlas"
disableKinds = ["rss", "sitemap", "robotstxt"]
[taxonomies]
  country = "countries"
  partner = "partners"
[pagination]
  pagerSize = 500
`

const hugoBaseof = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title></head>
<body>
<nav><a href="/">Home</a> <a href="/cases/">Case studies</a> <a href="/agreements/">Agreements</a> <a href="/countries/">Countries</a> <a href="/partners/">Partners</a></nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`

const hugoHome = `{{ define "main" }}<h1>{{ site.Title }}</h1>
<p>{{ len (where site.RegularPages "Section" "agreements") }} agreements, {{ len (where site.RegularPages "Section" "cases") }} case studies.</p>
{{ end }}
`

const hugoSingle = `{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Params.kind }}<table><tbody>{{ partial "row.html" $ }}</tbody></table>
<ul>{{ range $.Params.sources }}<li>{{ .source }}{{ with .locator }}, {{ . }}{{ end }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
{{ with .GetTerms "countries" }}<p>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>{{ end }}
</article>{{ end }}
`

const hugoList = `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $p := .Paginate .Pages }}
<table><thead><tr><th>Title</th><th>Latin America</th><th>Asia</th><th>Kind</th><th>Year</th></tr></thead><tbody>
{{ range $p.Pages }}{{ partial "row.html" . }}{{ end }}
</tbody></table>
{{ if $p.HasPrev }}<a href="{{ $p.Prev.URL }}">Previous</a>{{ end }} {{ if $p.HasNext }}<a href="{{ $p.Next.URL }}">Next</a>{{ end }}
{{ end }}
`

const hugoRow = `<tr><td><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></td><td>{{ .Params.latam }}</td><td>{{ .Params.asia }}</td><td>{{ .Params.kind }}</td><td>{{ with .Params.year }}{{ . }}{{ else }}not stated{{ end }}</td></tr>
`

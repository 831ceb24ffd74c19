package main

import (
	"bytes"
	"flag"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"gopkg.in/yaml.v3"
)

// The floor's records: the same fields as package records, decoded by
// yaml.v3 alone (no positions, no strictness, no validation).
type floorAgreement struct {
	ID         string   `yaml:"id"`
	LatAm      string   `yaml:"latam"`
	Asia       string   `yaml:"asia"`
	Kind       string   `yaml:"kind"`
	Term       string   `yaml:"term"`
	Year       *int     `yaml:"year"`
	Date       string   `yaml:"date"`
	DateBasis  string   `yaml:"date_basis"`
	Status     string   `yaml:"status"`
	Provenance string   `yaml:"provenance"`
	Wikidata   []string `yaml:"wikidata"`
	Note       string   `yaml:"note"`
	Sources    []struct {
		Source  string `yaml:"source"`
		Locator string `yaml:"locator"`
	} `yaml:"sources"`
}

type floorLocality struct {
	ID           string   `yaml:"id"`
	Name         string   `yaml:"name"`
	Level        string   `yaml:"level"`
	Country      string   `yaml:"country"`
	Lat          *float64 `yaml:"lat"`
	Lng          *float64 `yaml:"lng"`
	CoordsSource string   `yaml:"coords_source"`
}

type floorCountry struct {
	Code   string `yaml:"code"`
	Name   string `yaml:"name"`
	NameES string `yaml:"name_es"`
	Region string `yaml:"region"`
}

type floorSource struct {
	ID      string   `yaml:"id"`
	Kind    string   `yaml:"kind"`
	Title   string   `yaml:"title"`
	Authors []string `yaml:"authors"`
	URL     string   `yaml:"url"`
}

// floorMain is the floor: decode the records and the front matter with
// yaml.v3, convert the Markdown with goldmark, and write one file per
// page (agreement, case study, country), and nothing else.
func floorMain(args []string) error {
	fs := flag.NewFlagSet("floor", flag.ExitOnError)
	src := fs.String("src", "", "the corpus")
	out := fs.String("out", "", "the output directory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	decode := func(name string, v any) error {
		b, err := os.ReadFile(name)
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
	var sf struct {
		Sources []floorSource `yaml:"sources"`
	}
	for name, v := range map[string]any{"countries.yaml": &cf, "localities.yaml": &lf, "sources.yaml": &sf} {
		if err := decode(filepath.Join(*src, "data", name), v); err != nil {
			return err
		}
	}
	files, err := filepath.Glob(filepath.Join(*src, "data", "agreements", "*.yaml"))
	if err != nil {
		return err
	}
	slices.Sort(files)
	var agreements []floorAgreement
	for _, f := range files {
		var af struct {
			Agreements []floorAgreement `yaml:"agreements"`
		}
		if err := decode(f, &af); err != nil {
			return err
		}
		agreements = append(agreements, af.Agreements...)
	}
	write := func(p string, b []byte) error {
		name := filepath.Join(*out, p, "index.html")
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, b, 0o644)
	}
	var b bytes.Buffer
	byCountry := map[string][]int{}
	for i, a := range agreements {
		b.Reset()
		fmt.Fprintf(&b, "<!doctype html><title>%s</title><h1>%s – %s</h1><p>%s</p>", html.EscapeString(a.ID), html.EscapeString(a.LatAm), html.EscapeString(a.Asia), html.EscapeString(a.Kind))
		if err := write("agreements/"+a.ID, b.Bytes()); err != nil {
			return err
		}
		if len(a.LatAm) > 2 {
			byCountry[a.LatAm[:2]] = append(byCountry[a.LatAm[:2]], i)
		}
	}
	for code, is := range byCountry {
		b.Reset()
		fmt.Fprintf(&b, "<!doctype html><title>%s</title><ul>", code)
		for _, i := range is {
			fmt.Fprintf(&b, "<li>%s</li>", html.EscapeString(agreements[i].ID))
		}
		if err := write("countries/"+code, b.Bytes()); err != nil {
			return err
		}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	cases, err := filepath.Glob(filepath.Join(*src, "content", "*", "*.md"))
	if err != nil {
		return err
	}
	slices.Sort(cases)
	for _, f := range cases {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		front, body, ok := splitFront(src)
		if !ok {
			return fmt.Errorf("%s: no front matter", f)
		}
		var fm struct {
			Title string `yaml:"title"`
			Slug  string `yaml:"slug"`
		}
		if err := yaml.Unmarshal(front, &fm); err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		b.Reset()
		fmt.Fprintf(&b, "<!doctype html><title>%s</title>", html.EscapeString(fm.Title))
		if err := md.Convert(body, &b); err != nil {
			return err
		}
		if err := write(filepath.Base(filepath.Dir(f))+"/"+fm.Slug, b.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// splitFront splits a document into its YAML front matter and its body.
func splitFront(src []byte) (front, body []byte, ok bool) {
	rest, ok := bytes.CutPrefix(src, []byte("---\n"))
	if !ok {
		return nil, nil, false
	}
	front, body, ok = bytes.Cut(rest, []byte("\n---\n"))
	return front, body, ok
}

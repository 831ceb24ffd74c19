package browsertest

import (
	"cmp"
	"io/fs"
	"maps"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"atlas/internal/output"
	"atlas/internal/site"
	"atlas/internal/sitepath"
)

// basePath is where the test publishes the site, as on GitHub Pages for a
// project site.
const basePath = "/atlas/"

// repoRoot is the repository, relative to this package's directory, where
// go test runs.
const repoRoot = "../.."

// fixtureDir is where the test serves testdata's fixture pages, under the
// base path, beside the site.
const fixtureDir = "_test/"

// buildSite builds the repository's site in memory under basePath.
func buildSite(t *testing.T) output.Files {
	t.Helper()
	files, err := site.Generate(site.Config{Src: os.DirFS(repoRoot), BaseURL: basePath})
	if err != nil {
		t.Fatalf("building the repository's site: %v", err)
	}
	return files
}

// axePath is where the test serves axe-core, for runAxe to load.
const axePath = fixtureDir + "axe.min.js"

// withFixtures returns files plus, under fixtureDir, axe-core and the
// fixture pages of testdata.
func withFixtures(t *testing.T, files output.Files) output.Files {
	t.Helper()
	out := maps.Clone(files)
	if err := out.Add(axePath, []byte(axeSource)); err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS("testdata")
	for _, dir := range []string{"control", "nojs"} {
		err := fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			return out.Add(fixtureDir+name, data)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// serve serves files under basePath from 127.0.0.1 until the test ends,
// and returns the server's origin, "http://127.0.0.1:PORT".
func serve(t *testing.T, files output.Files) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &httptest.Server{Listener: l, Config: &http.Server{Handler: siteHandler(files)}}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// siteHandler serves files as a static host such as GitHub Pages does: a
// directory path serves its index.html, a directory without its slash
// redirects, anything else is a 404 with the site's 404.html, and nothing
// outside basePath exists.
func siteHandler(files output.Files) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, basePath)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		data, ok := files[name]
		if !ok {
			if _, dir := files[name+"/index.html"]; dir {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(files["404.html"])
			return
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		w.Header().Set("Content-Type", ctype)
		// Make a wrong content type an error, as it is on GitHub Pages.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if name == axePath {
			// Let the browser cache axe-core and its compiled code.
			w.Header().Set("Cache-Control", "max-age=3600")
		}
		w.Write(data)
	})
}

// sitePage is an HTML page of the built site.
type sitePage struct {
	path string // its site path: "" for the home page, "countries/", "404.html"
	size int    // bytes
}

// pages returns the HTML pages in files to open, outside the fixtures,
// largest first, so that the slowest pages start first when they run in
// parallel. Kinds of page that come in the hundreds (a page per place,
// per agreement, per facet value) are sampled: the largest and the
// smallest pages of each kind, which share one template and so one set of
// problems.
func pages(files output.Files) []sitePage {
	byKind := map[string][]sitePage{}
	for _, name := range files.Names() {
		if !strings.HasSuffix(name, ".html") || strings.HasPrefix(name, fixtureDir) {
			continue
		}
		p := name
		if p == "index.html" || strings.HasSuffix(p, "/index.html") {
			p = strings.TrimSuffix(p, "index.html")
		}
		k := pageKind(p)
		byKind[k] = append(byKind[k], sitePage{path: p, size: len(files[name])})
	}
	var out []sitePage
	for _, ps := range byKind {
		slices.SortStableFunc(ps, func(a, b sitePage) int { return cmp.Or(b.size-a.size, strings.Compare(a.path, b.path)) })
		if len(ps) > sampled {
			ps = append(ps[:sampled-1:sampled-1], ps[len(ps)-1])
		}
		out = append(out, ps...)
	}
	slices.SortStableFunc(out, func(a, b sitePage) int { return cmp.Or(b.size-a.size, strings.Compare(a.path, b.path)) })
	return out
}

// sampled is how many pages of one numerous kind the tests open.
const sampled = 4

// pageKind groups the pages that share a template and come in numbers:
// "places/ar/jujuy-province/" is of kind "places/*/*/". Countries, case
// studies, charts and single pages are each a kind of their own, and so
// all opened, in English. The Spanish and Portuguese trees repeat the
// English pages with the same templates: their pages are sampled by
// section ("es/countries/*"), so that every section is opened in each
// language without tripling the test.
func pageKind(p string) string {
	segs := strings.Split(strings.TrimSuffix(p, "/"), "/")
	if lang, inner := sitepath.Lang(p, []string{"es", "pt"}); lang != sitepath.DefaultLang {
		section := strings.SplitN(inner, "/", 2)[0]
		if section == "" || strings.HasSuffix(section, ".html") {
			return p // the home page and 404.html
		}
		return lang + "/" + section + "/*"
	}
	switch segs[0] {
	case "places", "partners", "agreements":
		for i := 1; i < len(segs); i++ {
			segs[i] = "*"
		}
		return strings.Join(segs, "/") + "/"
	}
	return p
}

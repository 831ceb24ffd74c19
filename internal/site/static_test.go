package site

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/sitetest"
)

// TestStaticVendor checks which vendored files are published: the bundle
// and its licences, not the notes on how it was made or its entry point.
func TestStaticVendor(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal+`-- static/vendor/lib/lib.min.js --
lib()
-- static/vendor/lib/entry.js --
export * from "lib";
-- static/vendor/lib/README.md --
How lib.min.js was built.
-- static/vendor/lib/LICENSE --
Licence.
-- static/vendor/lib/NOTICE --
Notice.
-- static/js/entry.js --
our own script, published
`)
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for name := range files {
		if strings.HasPrefix(name, "static/vendor/") || name == "static/js/entry.js" {
			got = append(got, name)
		}
	}
	slices.Sort(got)
	want := []string{"static/js/entry.js", "static/vendor/lib/LICENSE", "static/vendor/lib/NOTICE", "static/vendor/lib/lib.min.js"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("published vendor files (-want +got):\n%s", diff)
	}
}

// TestStaticHidden: a file inside a hidden directory of static/
// (static/.git/config) was published, since only the file's own name was
// checked. Now every hidden path component keeps a file out.
func TestStaticHidden(t *testing.T) {
	src := sitetest.Write(t, sitetest.Minimal+`-- static/.git/config --
[remote "origin"]
-- static/.git/objects/ab/cdef --
blob
-- static/img/.cache/x.png --
png
-- static/.hidden.css --
hidden
-- static/img/seen.svg --
<svg/>
`)
	files, err := Generate(Config{Src: os.DirFS(src), BaseURL: "/", Year: 2026, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	for name := range files {
		if strings.Contains(name, "/.") {
			t.Errorf("published %s", name)
		}
	}
	if _, ok := files["static/img/seen.svg"]; !ok {
		t.Error("static/img/seen.svg was not published")
	}
}

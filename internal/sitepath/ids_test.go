package sitepath

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestReservedIDsCoverTemplates: every literal id a template gives an
// element is reserved, so that no record can take it.
func TestReservedIDsCoverTemplates(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "templates", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	idRE := regexp.MustCompile(`\bid="([^"{]+)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range idRE.FindAllSubmatch(b, -1) {
			if id := string(m[1]); !ReservedID(id) {
				t.Errorf("%s: id %q is not in ReservedIDs", filepath.Base(f), id)
			}
		}
	}
}

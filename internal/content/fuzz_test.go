package content

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad checks that no case-study file makes loading panic or hang.
func FuzzLoad(f *testing.F) {
	f.Add([]byte(caseFront + "\n## A\n\nText [@a, p. 2; @b].\n"))
	f.Add([]byte("---\ntitle: x\n---\n<script>x</script>\n"))
	f.Add([]byte("---\n---\n[@"))
	f.Add([]byte("# no front matter"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"content/cases/biobio.md": {Data: src}}
		Load(fsys, "/")
	})
}

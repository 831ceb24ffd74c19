package site

import (
	"os"
	"testing"

	"atlas/internal/sitetest"
)

// BenchmarkGenerate builds the repository's site in memory.
func BenchmarkGenerate(b *testing.B) {
	fsys := os.DirFS(sitetest.Root(b))
	for b.Loop() {
		if _, err := Generate(Config{Src: fsys, BaseURL: "/", Year: 2026, Date: testDate}); err != nil {
			b.Fatal(err)
		}
	}
}

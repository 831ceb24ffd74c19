package site

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"atlas/internal/benchcorpus"
	"atlas/internal/output"
	"atlas/internal/records"
	"atlas/internal/sitetest"
)

// The stage benchmarks build a synthetic corpus (package benchcorpus) of
// ATLAS_BENCH_N agreements, 10,000 unless set:
//
//	go test -run '^$' -bench Stage -benchmem ./internal/site
//	ATLAS_BENCH_N=100000 go test -run '^$' -bench Stage -benchtime 3x ./internal/site
var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

func benchCorpus(b *testing.B) string {
	b.Helper()
	corpusOnce.Do(func() {
		n := 10000
		if s := os.Getenv("ATLAS_BENCH_N"); s != "" {
			if n, corpusErr = strconv.Atoi(s); corpusErr != nil {
				return
			}
		}
		dir, err := os.MkdirTemp("", "atlas-stage-bench-")
		if err != nil {
			corpusErr = err
			return
		}
		corpusDir = filepath.Join(dir, "src")
		_, corpusErr = benchcorpus.Generate(corpusDir, sitetest.Root(b), n)
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpusDir
}

// BenchmarkStageDecode decodes data/ (records.Load).
func BenchmarkStageDecode(b *testing.B) {
	fsys := os.DirFS(benchCorpus(b))
	for b.Loop() {
		if _, err := records.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageValidate validates the decoded records.
func BenchmarkStageValidate(b *testing.B) {
	d, err := records.Load(os.DirFS(benchCorpus(b)))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := records.Validate(d, 2026, testDate); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageDerive loads, validates and derives the model (the
// content, the counts, Table 1, the country views): assemble.
func BenchmarkStageDerive(b *testing.B) {
	fsys := os.DirFS(benchCorpus(b))
	for b.Loop() {
		if _, err := assemble(fsys, 2026, testDate, "/"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageRender generates the whole site in memory: derive, then
// every page and file.
func BenchmarkStageRender(b *testing.B) {
	fsys := os.DirFS(benchCorpus(b))
	for b.Loop() {
		if _, err := Generate(Config{Src: fsys, BaseURL: "/", Year: 2026, Date: testDate}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageWrite writes a generated site to disk (output.Write).
func BenchmarkStageWrite(b *testing.B) {
	files, err := Generate(Config{Src: os.DirFS(benchCorpus(b)), BaseURL: "/", Year: 2026, Date: testDate})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if err := output.Write(out, files); err != nil {
			b.Fatal(err)
		}
	}
}

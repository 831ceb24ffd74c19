package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"testing"
	"time"

	"atlas/internal/sitetest"
)

// cpuTime is the CPU time this process has used, user and system: on a
// busy machine it varies less than the wall clock, so the benchmarks
// report it beside ns/op.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkEditToReload measures what an editor waits for: from saving a
// case study in the repository's site to the reload event reaching the
// browser, with the default polling interval (half of it, on average, is
// spent noticing the change). One op is one save and its reload event.
//
//	go test -run '^$' -bench EditToReload -benchtime 40x ./internal/serve
func BenchmarkEditToReload(b *testing.B) {
	dir := sitetest.CopyRepo(b)
	name := filepath.Join(dir, "content", "cases", "biobio.md")
	orig, err := os.ReadFile(name)
	if err != nil {
		b.Fatal(err)
	}
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent)) // as atlas serve runs
	s, err := New(Config{Src: os.DirFS(dir), BaseURL: "/"})
	if err != nil {
		b.Fatal(err)
	}
	if !s.Rebuild() {
		b.Fatal("the repository's site does not build")
	}
	_, hs := previewServer(b, s)
	events := listen(b, hs)
	last := events.next()
	b.ResetTimer()
	cpu := cpuTime(b)
	defer reportCPU(b, cpu)
	for i := range b.N {
		body := fmt.Appendf(append([]byte(nil), orig...), "\nEdit number %d, saved by the benchmark.\n", i)
		if err := os.WriteFile(name, body, 0o644); err != nil {
			b.Fatal(err)
		}
		last = events.until(func(e Event) bool { return e.Gen != last.Gen })
		if !last.OK {
			b.Fatalf("build failed: %v", last.Errors)
		}
	}
}

// BenchmarkRebuild measures one build of the repository's site in memory,
// the part of a reload that does not depend on the polling interval.
func BenchmarkRebuild(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(GCPercent))
	s, err := New(Config{Src: os.DirFS(filepath.Join("..", "..")), BaseURL: "/"})
	if err != nil {
		b.Fatal(err)
	}
	cpu := cpuTime(b)
	defer reportCPU(b, cpu)
	for b.Loop() {
		if r := s.generate(); r.errs != nil {
			b.Fatal(r.errs)
		}
	}
}

// BenchmarkSnapshot measures one poll of the repository's source tree,
// the watcher's steady cost per interval.
func BenchmarkSnapshot(b *testing.B) {
	fsys := os.DirFS(filepath.Join("..", ".."))
	for b.Loop() {
		if _, err := take(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

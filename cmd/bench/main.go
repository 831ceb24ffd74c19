// Command bench is the build benchmark (make bench). For each size N it
// writes a synthetic corpus (package benchcorpus), then builds it with
// atlas, with the floor (a program that only decodes the same records with
// yaml.v3 and converts the same Markdown with goldmark, one file per page)
// and with Hugo building an equivalent site, interleaved, a few runs each,
// and prints the medians: wall time, CPU time, peak memory, pages written
// and the largest output file.
//
//	bench -ns 1000,10000,100000 -runs 3 [-hugo-bin DIR] [-work DIR] [-repo .]
//	bench floor -src DIR -out DIR   (the floor itself)
//
// Hugo is looked up in -hugo-bin, then on PATH; when it is absent, bench
// installs it into -hugo-bin with go install through the Go module proxy
// and says so. Its code is never part of this repository.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"atlas/internal/benchcorpus"
)

// HugoVersion is the Hugo release compared against.
const HugoVersion = "v0.165.0"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "floor" {
		if err := floorMain(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	ns := flag.String("ns", "1000,10000,100000", "comma-separated corpus sizes (agreements)")
	runs := flag.Int("runs", 3, "runs of each builder per size (the table gives medians)")
	work := flag.String("work", filepath.Join(os.TempDir(), "atlas-bench"), "the work directory (corpora, binaries, outputs)")
	repo := flag.String("repo", ".", "the repository")
	hugoBin := flag.String("hugo-bin", filepath.Join(os.TempDir(), "hugo-bin"), "where Hugo is, or is installed")
	noHugo := flag.Bool("no-hugo", false, "leave Hugo out")
	flag.Parse()
	if err := run(*ns, *runs, *work, *repo, *hugoBin, *noHugo); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measure is one run of one builder.
type measure struct {
	wall, cpu time.Duration
	rss       int64 // peak resident set, bytes
	pages     int
	largest   int64
	largestAt string
}

type builder struct {
	name string
	cmd  func(src, out string) *exec.Cmd
	// src is the tree the builder reads (Hugo's is converted).
	src func(n int) string
}

func run(nsFlag string, runs int, work, repo, hugoBin string, noHugo bool) error {
	var ns []int
	for _, f := range strings.Split(nsFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-ns: %q is not a size", f)
		}
		ns = append(ns, n)
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(work, "bin")
	for _, p := range []string{"./cmd/atlas", "./cmd/bench"} {
		c := exec.Command("go", "build", "-o", bin+"/", p)
		c.Dir, c.Stdout, c.Stderr = repo, os.Stderr, os.Stderr
		if err := c.Run(); err != nil {
			return fmt.Errorf("go build %s: %v", p, err)
		}
	}
	hugo := ""
	if !noHugo {
		var err error
		if hugo, err = findHugo(hugoBin); err != nil {
			return err
		}
	}
	corpus := func(n int) string { return filepath.Join(work, fmt.Sprintf("corpus-%d", n)) }
	builders := []builder{
		{name: "atlas", src: corpus, cmd: func(src, out string) *exec.Cmd {
			return exec.Command(filepath.Join(bin, "atlas"), "build", "-src", src, "-out", out, "-date", "2026-12-02", "-version", "bench")
		}},
		{name: "floor", src: corpus, cmd: func(src, out string) *exec.Cmd {
			return exec.Command(filepath.Join(bin, "bench"), "floor", "-src", src, "-out", out)
		}},
	}
	if hugo != "" {
		builders = append(builders, builder{name: "hugo " + HugoVersion, src: func(n int) string { return corpus(n) + "-hugo" },
			cmd: func(src, out string) *exec.Cmd {
				return exec.Command(hugo, "--quiet", "--source", src, "--destination", out, "--cacheDir", filepath.Join(work, "hugo-cache"))
			}})
	}
	fmt.Printf("bench: %d run(s) per builder, interleaved; medians. Machine: %d CPUs.\n", runs, numCPU())
	type row struct {
		n    int
		name string
		m    measure
	}
	var rows []row
	for _, n := range ns {
		dir := corpus(n)
		if err := os.RemoveAll(dir); err != nil {
			return err
		}
		c, err := benchcorpus.Generate(dir, repo, n)
		if err != nil {
			return err
		}
		fmt.Printf("N=%d: %d case studies, %d localities, %d sources\n", n, c.Cases, c.Localities, c.Sources)
		if hugo != "" {
			if err := os.RemoveAll(dir + "-hugo"); err != nil {
				return err
			}
			if err := hugoSite(dir, dir+"-hugo"); err != nil {
				return err
			}
		}
		got := make([][]measure, len(builders))
		for r := range runs {
			for i, b := range builders {
				out := filepath.Join(work, "out")
				if err := os.RemoveAll(out); err != nil {
					return err
				}
				m, err := measureRun(b.cmd(b.src(n), out), out)
				if err != nil {
					return fmt.Errorf("%s, run %d at N=%d: %v", b.name, r+1, n, err)
				}
				got[i] = append(got[i], m)
				fmt.Fprintf(os.Stderr, "  N=%d %-14s run %d: %s wall, %s CPU, %s\n", n, b.name, r+1, secs(m.wall), secs(m.cpu), mib(m.rss))
			}
		}
		for i, b := range builders {
			rows = append(rows, row{n, b.name, median(got[i])})
		}
	}
	fmt.Println()
	fmt.Println("| N | builder | wall | CPU | peak RSS | pages | largest file |")
	fmt.Println("|---:|---|---:|---:|---:|---:|---|")
	for _, r := range rows {
		fmt.Printf("| %d | %s | %s | %s | %s | %d | %s (%s) |\n", r.n, r.name, secs(r.m.wall), secs(r.m.cpu), mib(r.m.rss), r.m.pages, r.m.largestAt, mib(r.m.largest))
	}
	fmt.Println()
	for _, n := range ns {
		find := func(prefix string) *measure {
			for i := range rows {
				if rows[i].n == n && strings.HasPrefix(rows[i].name, prefix) {
					return &rows[i].m
				}
			}
			return nil
		}
		a, f, h := find("atlas"), find("floor"), find("hugo")
		line := fmt.Sprintf("N=%d: atlas/floor wall %.2f×", n, ratio(a.wall, f.wall))
		if h != nil {
			line += fmt.Sprintf(", atlas/Hugo wall %.2f×, atlas/Hugo peak RSS %.2f×", ratio(a.wall, h.wall), float64(a.rss)/float64(h.rss))
		}
		fmt.Println(line)
	}
	return nil
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mib(b int64) string {
	if b < 1<<20 {
		return fmt.Sprintf("%.0f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

// median takes each figure's median over the runs; the pages and the
// largest file are the same in every run.
func median(ms []measure) measure {
	pick := func(f func(measure) int64) int64 {
		v := make([]int64, len(ms))
		for i, m := range ms {
			v[i] = f(m)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	out := ms[0]
	out.wall = time.Duration(pick(func(m measure) int64 { return int64(m.wall) }))
	out.cpu = time.Duration(pick(func(m measure) int64 { return int64(m.cpu) }))
	out.rss = pick(func(m measure) int64 { return m.rss })
	return out
}

// measureRun runs c and measures it, then counts the HTML pages under out
// and finds the largest file.
func measureRun(c *exec.Cmd, out string) (measure, error) {
	var stderr strings.Builder
	c.Stderr = &stderr
	start := time.Now()
	if err := c.Run(); err != nil {
		return measure{}, fmt.Errorf("%v\n%s", err, stderr.String())
	}
	m := measure{wall: time.Since(start)}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		m.rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			m.pages++
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Size() > m.largest {
			m.largest = info.Size()
			m.largestAt, _ = filepath.Rel(out, p)
		}
		return nil
	})
	return m, err
}

func numCPU() int { return runtime.NumCPU() }

// findHugo returns the path of Hugo HugoVersion, installing it into dir
// when it is neither there nor on PATH.
func findHugo(dir string) (string, error) {
	want := strings.TrimPrefix(HugoVersion, "v")
	for _, p := range []string{filepath.Join(dir, "hugo"), "hugo"} {
		path, err := exec.LookPath(p)
		if err != nil {
			continue
		}
		v, err := exec.Command(path, "version").Output()
		if err == nil && strings.Contains(string(v), want) {
			return path, nil
		}
	}
	fmt.Fprintf(os.Stderr, "bench: Hugo %s not found; installing it into %s with go install (through the Go module proxy; this takes minutes)\n", HugoVersion, dir)
	c := exec.Command("go", "install", "github.com/gohugoio/hugo@"+HugoVersion)
	c.Env = append(os.Environ(), "GOBIN="+dir, "CGO_ENABLED=0")
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	if err := c.Run(); err != nil {
		return "", fmt.Errorf("installing Hugo: %v", err)
	}
	return filepath.Join(dir, "hugo"), nil
}

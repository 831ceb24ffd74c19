package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"atlas/internal/output"
	"atlas/internal/site"
	"atlas/internal/sitepath"
	"atlas/internal/srcpos"
)

const usage = `usage: atlas <command> [flags]

commands:
  build   build the site: atlas build [-src DIR] [-out DIR] [-base-url URL] [-date YYYY-MM-DD] [-version V]
  check   validate everything and check every internal link and anchor: atlas check [-src DIR] [-base-url URL]
  new     scaffold a case study: atlas new case [-src DIR] "Title"
  serve   preview it, rebuilding and reloading on change: atlas serve [-addr 127.0.0.1:8080] [-src DIR] [-base-url URL]
`

// Exit codes.
const (
	exitOK    = 0
	exitInput = 1 // the input has problems, or the build failed
	exitUsage = 2
)

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "build":
		// SIGINT and SIGTERM stop the build, which removes what it wrote.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return build(ctx, args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "new":
		return newCmd(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "atlas: unknown command %q\n%s", args[0], usage)
	return exitUsage
}

// buildFlags are the flags shared by the commands that build the site.
type buildFlags struct {
	src, out, baseURL, version string
	year                       int
	date                       day
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.src, "src", ".", "source `directory` holding data/, content/, templates/ and static/")
	fs.StringVar(&f.out, "out", "public", "output `directory`, replaced only when the build succeeds")
	fs.StringVar(&f.baseURL, "base-url", "/", "`URL` or path the site is published under, such as https://example.github.io/atlas/")
	fs.IntVar(&f.year, "year", 0, "the current `year`, the latest a record may carry (default: the -date's year)")
	fs.StringVar(&f.version, "version", "", "the release's `version` (a git tag or commit), stamped on citations and downloads (default: "+site.Unversioned+")")
	f.registerDate(fs)
}

func (f *buildFlags) registerDate(fs *flag.FlagSet) {
	fs.Var(&f.date, "date", "the build's `day`, YYYY-MM-DD: the latest an updated: date may be; set it for a reproducible build (default: the clock's day)")
}

func (f *buildFlags) config() site.Config {
	date := time.Time(f.date)
	if date.IsZero() {
		date = site.Today()
	}
	return site.Config{Src: os.DirFS(f.src), Out: f.out, BaseURL: f.baseURL, Year: f.year, Date: date, Version: f.version}
}

// day is a flag holding a day, YYYY-MM-DD.
type day time.Time

func (d *day) String() string {
	if d == nil || time.Time(*d).IsZero() {
		return ""
	}
	return time.Time(*d).Format(time.DateOnly)
}

func (d *day) Set(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("%q is not a day (YYYY-MM-DD)", s)
	}
	*d = day(t)
	return nil
}

// parse parses a subcommand's flags, printing usage errors.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) bool {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "atlas %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return false
	}
	return true
}

func build(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	f.register(fs)
	if !parse(fs, args, stderr) {
		return exitUsage
	}
	if err := checkOut(f.src, f.out); err != nil {
		fmt.Fprintf(stderr, "atlas build: %v\n", err)
		return exitUsage
	}
	start := time.Now()
	// Open the output first: it takes the lock and repairs an interrupted
	// build's leftovers even when this build fails.
	dir, err := output.Open(f.out)
	if err != nil {
		return report(err, stderr)
	}
	defer dir.Close()
	res, err := buildTo(ctx, dir, f.config())
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "atlas: interrupted; %s was left as it was\n", f.out)
		return exitInput
	}
	if err != nil {
		return report(err, stderr)
	}
	if base, err := sitepath.ParseBase(f.baseURL); err == nil {
		if note := site.SitemapNote(base); note != "" {
			fmt.Fprintf(stdout, "note: %s\n", note)
		}
	}
	fmt.Fprintf(stdout, "built %d pages, %d files (%d KB) in %s in %v\n",
		res.Pages, res.Files, res.Bytes/1024, f.out, time.Since(start).Round(time.Millisecond))
	return exitOK
}

// buildTo builds the site into dir, writing each file as it is made,
// and returns early when ctx is done: the build then stops writing in the
// background and dir is left as it was.
func buildTo(ctx context.Context, dir *output.Dir, cfg site.Config) (*site.Result, error) {
	type result struct {
		res *site.Result
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := site.BuildTo(ctx, dir, cfg)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		return r.res, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// report prints a build error: one input problem per line and their
// count, and any other failure after them.
func report(err error, stderr io.Writer) int {
	list, other := srcpos.Split(err)
	for _, e := range list {
		fmt.Fprintln(stderr, e)
	}
	for _, e := range other {
		fmt.Fprintf(stderr, "atlas: %v\n", e)
	}
	if len(list) > 0 {
		fmt.Fprintf(stderr, "atlas: %d problem(s); nothing was written\n", len(list))
	}
	return exitInput
}

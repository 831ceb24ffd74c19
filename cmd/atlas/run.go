package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"atlas/internal/site"
	"atlas/internal/srcpos"
)

const usage = `usage: atlas <command> [flags]

commands:
  build   build the site: atlas build [-src DIR] [-out DIR] [-base-url URL]
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
		return build(args[1:], stdout, stderr)
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
	src, out, baseURL string
	year              int
}

func (f *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.src, "src", ".", "source `directory` holding data/, content/, templates/ and static/")
	fs.StringVar(&f.out, "out", "public", "output `directory`, replaced only when the build succeeds")
	fs.StringVar(&f.baseURL, "base-url", "/", "`URL` or path the site is published under, such as https://example.github.io/atlas/")
	fs.IntVar(&f.year, "year", 0, "the current `year`, the latest a record may carry (default: the clock's)")
}

func (f *buildFlags) config() site.Config {
	return site.Config{Src: os.DirFS(f.src), Out: f.out, BaseURL: f.baseURL, Year: f.year}
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

func build(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	f.register(fs)
	if !parse(fs, args, stderr) {
		return exitUsage
	}
	start := time.Now()
	res, err := site.Build(f.config())
	if err != nil {
		return report(err, stderr)
	}
	for _, n := range res.Notes {
		fmt.Fprintf(stdout, "note: %s\n", n)
	}
	fmt.Fprintf(stdout, "built %d pages, %d files (%d KB) in %s in %v\n",
		res.Pages, res.Files, res.Bytes/1024, f.out, time.Since(start).Round(time.Millisecond))
	return exitOK
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

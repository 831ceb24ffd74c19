package main

import (
	"flag"
	"fmt"
	"io"

	"atlas/internal/site"
)

func check(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.StringVar(&f.src, "src", ".", "source `directory` holding data/, content/, templates/ and static/")
	fs.StringVar(&f.baseURL, "base-url", "/", "`URL` or path the site is published under; links are checked under it")
	f.registerDate(fs)
	if !parse(fs, args, stderr) {
		return exitUsage
	}
	files, problems, err := site.Check(f.config())
	if err != nil {
		return report(err, stderr)
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if len(problems) > 0 {
		fmt.Fprintf(stderr, "atlas check: %d broken link(s) in the site built for %s\n", len(problems), f.baseURL)
		return exitInput
	}
	// Texts that a language lacks are warnings: the site builds, and the
	// language's page for each says where to read it.
	missing, err := site.MissingTranslations(f.config())
	if err != nil {
		return report(err, stderr)
	}
	for _, m := range missing {
		fmt.Fprintf(stderr, "warning: %s\n", m)
	}
	if len(missing) > 0 {
		fmt.Fprintf(stderr, "atlas check: %d missing translation(s) (warnings; the pages say where each text can be read)\n", len(missing))
	}
	res := site.Summarize(files)
	fmt.Fprintf(stdout, "checked %d pages and %d files built for %s: every input valid, every internal link and anchor resolves\n", res.Pages, res.Files, f.baseURL)
	return exitOK
}

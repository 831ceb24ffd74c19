package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"atlas/internal/scaffold"
)

const newUsage = `usage: atlas new case [-src DIR] [-lang es] [-key SLUG] "Title of the case study"
`

// parseInterspersed parses flags wherever they stand among the arguments
// ("Title" -src dir as well as -src dir "Title") and returns the others.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest, args = append(rest, args[0]), args[1:]
	}
}

func newCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "case" {
		fmt.Fprint(stderr, newUsage)
		return exitUsage
	}
	fs := flag.NewFlagSet("new case", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "source `directory`; the case study goes into its content/cases/ (content/<lang>/cases/ for another language)")
	lang := fs.String("lang", scaffold.DefaultLang, "the `language` of the text: en, es, pt")
	key := fs.String("key", "", "the `slug` of the case study this one translates (its path in every language); empty for a new text")
	words, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return exitUsage
	}
	// An unquoted title arrives as several arguments.
	title := strings.Join(words, " ")
	if strings.TrimSpace(title) == "" {
		fmt.Fprint(stderr, newUsage)
		return exitUsage
	}
	name, err := scaffold.WriteCaseIn(*src, title, *lang, *key, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "atlas new case: %v\n", err)
		return exitInput
	}
	slug := strings.TrimSuffix(filepath.Base(name), ".md")
	prefix := ""
	if *lang != scaffold.DefaultLang {
		prefix = *lang + "/"
	}
	fmt.Fprintf(stdout, "created %s\n\nnext: fill in its front matter and text. To watch the page as you work, run\n  make serve\nand open http://127.0.0.1:8080/%scases/%s/ (it reloads whenever you save).\nBefore you open a pull request, run make check.\n", name, prefix, slug)
	return exitOK
}

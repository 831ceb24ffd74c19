// Command benchcorpus writes the synthetic source tree the benchmarks
// build (see package benchcorpus):
//
//	benchcorpus -n 10000 -out /tmp/corpus-10k [-repo .]
package main

import (
	"flag"
	"fmt"
	"os"

	"atlas/internal/benchcorpus"
)

func main() {
	n := flag.Int("n", 1000, "the number of agreements")
	out := flag.String("out", "", "the directory to write (empty or new)")
	repo := flag.String("repo", ".", "the repository whose templates/, static/ and published figures the corpus uses")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "benchcorpus: -out is required")
		os.Exit(2)
	}
	c, err := benchcorpus.Generate(*out, *repo, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d agreements, %d case studies, %d localities, %d sources\n", *out, c.N, c.Cases, c.Localities, c.Sources)
}

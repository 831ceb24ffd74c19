// Package copycheck checks that the atlas's own text is in its own words. It
// has no code outside its tests.
//
// TestNoCopiedRuns reads every Markdown and YAML file under content/ and
// data/ and fails on each run of eight or more words that it shares with a
// source the project is built from: the seed documents (../shared/seeds/*.txt)
// and the fact sheet (../shared/facts/FACTS.md), found in the directory
// "shared" beside the repository. Where that directory is absent, as in a
// clone without it, the test skips and says so.
//
// Words are compared after lower-casing; any character that is not a letter
// or a digit separates words, so typographic quotes, dashes, punctuation and
// white space do not matter, while accents do. Left out on the project's
// side are the bibliographic fields (title, container, publisher and authors
// in data/sources.yaml, title in data/published/), every url value and every
// web address, and marked quotations: the span between a pair of "…", “…”
// or «…» marks, and only that span. A run never bridges a left-out span.
//
// The run length can be lowered to look for shorter runs:
//
//	go test ./internal/copycheck -run TestNoCopiedRuns -copycheck.words=6
package copycheck

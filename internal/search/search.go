// Package search owns the site's search index: how text becomes search
// terms, and how the index is cut into files so that one query fetches a
// bounded amount, whatever the size of the site.
//
// # Terms
//
// Text is folded (Unicode NFKD, marks removed, case folded: "Bío-Bío"
// gives "bio" twice) and split at every character that is not a letter or
// a digit, so hyphens and punctuation separate words. Han, Hiragana and
// Katakana have no spaces between words, so a run of them gives every
// character and every pair of adjacent characters ("河南省" gives 河, 南,
// 省, 河南, 南省): a query of one or two characters finds it. The browser
// (static/js/search.js) folds and splits a query by the same rules.
//
// # Files
//
//	search/index.json       {"v":1,"docs":N,"per":P,"shards":["bi","ch",...]}
//	search/t/<key>.json     {"term":[[doc,score],...],...}: the terms that begin with key
//	search/d/<n>.json       [[path,title,type,meta,text],...]: docs n*P to n*P+P-1
//
// A term's shard key is its first two characters, or its first when it
// is one character long or starts with a Han, Kana or Hangul character.
// A query fetches the manifest, one term shard per word, and the doc
// shards of the results it shows.
package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Doc is one thing the search finds: a page, or a part of one.
type Doc struct {
	Path  string   // site-relative URL, with any #fragment
	Title string   // what the result shows as its link
	Type  string   // "Case study", "Agreement", "Place", ...
	Meta  string   // what tells results with the same title apart: outlet, date, country
	Names []string // other names, searched like the title but not shown
	Text  string   // the text searched and quoted in the snippet
}

// Scores of a term by where it occurs.
const (
	inText  = 1
	inMeta  = 2
	inTitle = 5
)

// DocsPerShard is how many docs one doc file holds.
const DocsPerShard = 100

// MaxText is the most text of a doc its doc shard keeps for snippets;
// longer text is cut at a word (all of it is searched).
const MaxText = 2000

// folder removes every mark (Mn, Mc, Me), as the browser's /\p{M}/gu does.
var folder = transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.M)), norm.NFC)

// Fold returns s without accents and in folded case. The browser folds
// with toLowerCase, which differs from case folding for ß and ẞ (folded
// to "ss") and final ς (folded to σ): search.js maps those after
// toLowerCase, and TestFoldJS in internal/browsertest compares the two.
func Fold(s string) string {
	out, _, err := transform.String(folder, s)
	if err != nil {
		out = s
	}
	return cases.Fold().String(out)
}

// cjk reports whether r is written without spaces between words.
func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// Terms returns the search terms of s, in order, with repeats.
func Terms(s string) []string {
	var out []string
	var word []rune
	flush := func() {
		if len(word) > 0 {
			out = append(out, string(word))
			word = word[:0]
		}
	}
	rs := []rune(Fold(s))
	for i, r := range rs {
		switch {
		case cjk(r):
			flush()
			out = append(out, string(r))
			if i+1 < len(rs) && cjk(rs[i+1]) {
				out = append(out, string(rs[i:i+2]))
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			word = append(word, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// ShardKey is the key of the term shard that holds term.
func ShardKey(term string) string {
	rs := []rune(term)
	if len(rs) < 2 || cjk(rs[0]) || unicode.In(rs[0], unicode.Hangul) {
		return string(rs[:1])
	}
	return string(rs[:2])
}

// shardFile is the file name of a shard key: its bytes in hex, so that
// any script is a safe file name.
func shardFile(key string) string { return fmt.Sprintf("search/t/%x.json", key) }

// Build returns the index files of docs, by name.
func Build(docs []Doc) (map[string][]byte, error) {
	files := map[string][]byte{}
	postings := map[string]map[string][][2]int{} // shard -> term -> [doc, score]
	for i, d := range docs {
		for term, score := range docTerms(d) {
			key := ShardKey(term)
			if postings[key] == nil {
				postings[key] = map[string][][2]int{}
			}
			postings[key][term] = append(postings[key][term], [2]int{i, score})
		}
	}
	keys := make([]string, 0, len(postings))
	for k := range postings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		b, err := json.Marshal(postings[k]) // maps marshal with sorted keys
		if err != nil {
			return nil, err
		}
		files[shardFile(k)] = b
	}
	for n := 0; n*DocsPerShard < len(docs); n++ {
		var rows [][5]string
		for _, d := range docs[n*DocsPerShard : min(len(docs), (n+1)*DocsPerShard)] {
			rows = append(rows, [5]string{d.Path, d.Title, d.Type, d.Meta, cut(d.Text, MaxText)})
		}
		b, err := json.Marshal(rows)
		if err != nil {
			return nil, err
		}
		files[fmt.Sprintf("search/d/%d.json", n)] = b
	}
	hexKeys := make([]string, len(keys))
	for i, k := range keys {
		hexKeys[i] = fmt.Sprintf("%x", k)
	}
	b, err := json.Marshal(map[string]any{"v": 1, "docs": len(docs), "per": DocsPerShard, "shards": hexKeys})
	if err != nil {
		return nil, err
	}
	files["search/index.json"] = b
	return files, nil
}

// docTerms returns each term of a doc with its best score.
func docTerms(d Doc) map[string]int {
	out := map[string]int{}
	add := func(s string, score int) {
		for _, t := range Terms(s) {
			out[t] = max(out[t], score)
		}
	}
	add(d.Text, inText) // all of it, though the doc shard keeps MaxText
	add(d.Meta, inMeta)
	add(d.Title, inTitle)
	for _, n := range d.Names {
		add(n, inTitle)
	}
	return out
}

// cut shortens s to at most n bytes, at a space where there is one.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	if i := strings.LastIndexByte(s, ' '); i > n/2 {
		s = s[:i]
	}
	return s + "…"
}

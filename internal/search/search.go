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
//	search/t/<hex>.json     {"term":[p,...],...}: the terms that begin with key, in a file
//	                        named by the key's UTF-8 bytes in hex; each posting p is
//	                        (doc - previous doc)*8 + score, docs in increasing order
//	search/d/<n>.json       [[path,title,type,meta,text],...]: docs n*P to n*P+P-1
//
// A term's shard key is its first two characters, or its first when it
// is one character long or starts with a Han, Kana or Hangul character.
// A two-character shard larger than SplitAt is split by the first three
// characters of its longer terms, so that shards stay small as the data
// grows (the manifest lists the keys; see ShardFor).
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

// DocsPerShard is how many docs one doc file holds. The doc shards are
// most of what a query fetches (the 20 results shown may sit in 20
// shards), so they are small: 10 docs is at most about 15 KB.
const DocsPerShard = 10

// MaxText is the most text of a doc its doc shard keeps for snippets;
// longer text is cut at a word (all of it is searched).
const MaxText = 1500

// folder returns a transformer that removes every mark (Mn, Mc, Me), as
// the browser's /\p{M}/gu does. A chain keeps state between calls, so
// each call gets its own: builds run concurrently in the preview and in
// tests.
func folder() transform.Transformer {
	return transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.M)), norm.NFC)
}

// Fold returns s without accents and in folded case. The browser folds
// with toLowerCase, which differs from case folding for ß and ẞ (folded
// to "ss") and final ς (folded to σ): search.js maps those after
// toLowerCase, and TestFoldJS in internal/browsertest compares the two.
func Fold(s string) string {
	out, _, err := transform.String(folder(), s)
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

// ShardKey is the key of the term shard that holds term, unless that
// shard was split (see ShardFor).
func ShardKey(term string) string {
	rs := []rune(term)
	if len(rs) < 2 || cjk(rs[0]) || unicode.In(rs[0], unicode.Hangul) {
		return string(rs[:1])
	}
	return string(rs[:2])
}

// SplitAt is the size in bytes above which a two-character shard is split
// by the terms' first three characters: "in" becomes "ind", "int", ...,
// and "in" keeps the terms of two characters.
const SplitAt = 16 << 10

// ShardFor is the key of the shard that holds term in an index whose
// manifest lists the keys for which listed reports true.
func ShardFor(term string, listed func(key string) bool) string {
	key := ShardKey(term)
	if rs := []rune(term); len([]rune(key)) == 2 && len(rs) > 2 && listed(string(rs[:3])) {
		return string(rs[:3])
	}
	return key
}

// shardFile is the file name of a shard key: its bytes in hex, so that
// any script is a safe file name.
func shardFile(key string) string { return fmt.Sprintf("search/t/%x.json", key) }

// shard is a term shard: each term's postings, one number per doc in
// increasing order of doc, (doc - previous doc)*8 + score.
type shard map[string][]int

// encode appends a doc's posting to a term's postings.
func (s shard) add(term string, doc, prev, score int) {
	s[term] = append(s[term], (doc-prev)<<3|score)
}

// Build returns the index files of docs, by name.
func Build(docs []Doc) (map[string][]byte, error) {
	files := map[string][]byte{}
	type posting struct{ doc, score int }
	byKey := map[string]map[string][]posting{} // shard key -> term -> postings in doc order
	for i, d := range docs {
		for term, score := range docTerms(d) {
			key := ShardKey(term)
			if byKey[key] == nil {
				byKey[key] = map[string][]posting{}
			}
			byKey[key][term] = append(byKey[key][term], posting{i, score})
		}
	}
	encode := func(terms map[string][]posting) ([]byte, error) {
		s := shard{}
		for t, ps := range terms {
			prev := 0
			for _, p := range ps {
				s.add(t, p.doc, prev, p.score)
				prev = p.doc
			}
		}
		return json.Marshal(s) // maps marshal with sorted keys
	}
	var keys []string
	for key, terms := range byKey {
		b, err := encode(terms)
		if err != nil {
			return nil, err
		}
		if len(b) > SplitAt && len([]rune(key)) == 2 {
			split := map[string]map[string][]posting{key: {}}
			for t, ps := range terms {
				k := key
				if rs := []rune(t); len(rs) > 2 {
					k = string(rs[:3])
				}
				if split[k] == nil {
					split[k] = map[string][]posting{}
				}
				split[k][t] = ps
			}
			for k, terms := range split {
				if b, err = encode(terms); err != nil {
					return nil, err
				}
				files[shardFile(k)] = b
				keys = append(keys, k)
			}
			continue
		}
		files[shardFile(key)] = b
		keys = append(keys, key)
	}
	slices.Sort(keys)
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
	b, err := json.Marshal(map[string]any{"v": 1, "docs": len(docs), "per": DocsPerShard, "shards": keys})
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

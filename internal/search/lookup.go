package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// This file is the query side, as static/js/search.js runs it in the
// browser: the Go tests run it against the built files to check what a
// reader's query finds, and to count the bytes it fetches.

// QueryTerms returns the terms a query looks up, without repeats: its
// words, and for a run of Han or Kana its pairs of adjacent characters
// (its one character when the run is one long), which the index holds
// as terms of their own.
func QueryTerms(q string) []string {
	var out []string
	add := func(t string) {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	var word []rune
	flush := func() {
		if len(word) > 0 {
			add(string(word))
			word = word[:0]
		}
	}
	rs := []rune(Fold(q))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case cjk(r):
			flush()
			j := i
			for j < len(rs) && cjk(rs[j]) {
				j++
			}
			if j-i == 1 {
				add(string(r))
			}
			for k := i; k+1 < j; k++ {
				add(string(rs[k : k+2]))
			}
			i = j - 1
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r):
			word = append(word, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// Result is a doc a query found.
type Result struct {
	Doc                           int
	Score                         int
	Path, Title, Type, Meta, Text string
}

// Fetch returns the file of the index at a name ("search/index.json").
type Fetch func(name string) ([]byte, error)

// manifest is search/index.json.
type manifest struct {
	V      int      `json:"v"`
	Docs   int      `json:"docs"`
	Per    int      `json:"per"`
	Shards []string `json:"shards"`
}

// Lookup runs a query as the browser does: it fetches the manifest, the
// term shard of each query term, and the doc shards of the best n
// results, and returns those results and the total number found. Every
// term must match (AND); the last one matches as a prefix, since the
// reader may still be typing it, the others exactly. An exact match
// scores twice what a prefix does. Results are best first, then in the
// order of the docs. A term of two characters finds, as a prefix, only
// the terms of its shard: once that shard is split, not those of its
// three-character shards.
func Lookup(fetch Fetch, q string, n int) (results []Result, total int, err error) {
	terms := QueryTerms(q)
	if len(terms) == 0 {
		return nil, 0, nil
	}
	var m manifest
	if err := fetchJSON(fetch, "search/index.json", &m); err != nil {
		return nil, 0, err
	}
	shards := map[string]shard{}
	listed := func(k string) bool { return slices.Contains(m.Shards, k) }
	var scores map[int]int
	for i, term := range terms {
		key := ShardFor(term, listed)
		if !listed(key) {
			return nil, 0, nil
		}
		shard, ok := shards[key]
		if !ok {
			if err := fetchJSON(fetch, shardFile(key), &shard); err != nil {
				return nil, 0, err
			}
			shards[key] = shard
		}
		last := i == len(terms)-1
		found := map[int]int{}
		for t, postings := range shard {
			weight := 0
			switch {
			case t == term:
				weight = 2
			case last && strings.HasPrefix(t, term):
				weight = 1
			default:
				continue
			}
			doc := 0
			for _, p := range postings {
				doc += p >> 3
				found[doc] = max(found[doc], weight*(p&7))
			}
		}
		if scores == nil {
			scores = found
			continue
		}
		for doc, s := range scores {
			if f, ok := found[doc]; ok {
				scores[doc] = s + f
			} else {
				delete(scores, doc)
			}
		}
	}
	for doc, s := range scores {
		results = append(results, Result{Doc: doc, Score: s})
	}
	slices.SortFunc(results, func(a, b Result) int { return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Doc, b.Doc)) })
	total = len(results)
	results = results[:min(n, len(results))]
	docShards := map[int][][5]string{}
	for i, r := range results {
		k := r.Doc / m.Per
		rows, ok := docShards[k]
		if !ok {
			if err := fetchJSON(fetch, fmt.Sprintf("search/d/%d.json", k), &rows); err != nil {
				return nil, 0, err
			}
			docShards[k] = rows
		}
		row := rows[r.Doc%m.Per]
		results[i].Path, results[i].Title, results[i].Type, results[i].Meta, results[i].Text = row[0], row[1], row[2], row[3], row[4]
	}
	return results, total, nil
}

func fetchJSON(fetch Fetch, name string, v any) error {
	b, err := fetch(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

package messages

import (
	"bytes"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sorter orders names by a language's collation: "Álvaro Obregón" with
// the A's, "Ñuble" after the N's in Spanish. It keeps each name's
// collation key, so that sorting a long list computes each key once.
type sorter struct {
	mu   sync.Mutex
	c    *collate.Collator
	buf  collate.Buffer
	keys map[string][]byte
}

func newSorter(tag language.Tag) *sorter {
	return &sorter{c: collate.New(tag), keys: map[string][]byte{}}
}

func (s *sorter) key(name string) []byte {
	if k, ok := s.keys[name]; ok {
		return k
	}
	k := bytes.Clone(s.c.KeyFromString(&s.buf, name))
	s.buf.Reset()
	s.keys[name] = k
	return k
}

// Compare orders a and b as the table's language sorts words: by its
// collation (golang.org/x/text/collate), ties broken by the bytes, so
// that the order is total and every build sorts alike.
func (t *Table) Compare(a, b string) int {
	if a == b {
		return 0
	}
	s := t.sort
	s.mu.Lock()
	c := bytes.Compare(s.key(a), s.key(b))
	s.mu.Unlock()
	if c != 0 {
		return c
	}
	return bytes.Compare([]byte(a), []byte(b))
}

package export

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"atlas/internal/records"
)

func TestBibTeX(t *testing.T) {
	tests := []struct {
		name string
		s    records.Source
		want string
	}{
		{"article", records.Source{ID: "a", Kind: "article", Authors: []string{"Ana Pérez", "Li Wei"}, Title: "Twins", Container: "Journal", Year: ptr(2020)},
			"@article{a,\n  author = {Ana Pérez and Li Wei},\n  title = {Twins},\n  journal = {Journal},\n  year = {2020},\n}"},
		{"chapter in a book", records.Source{ID: "c", Kind: "chapter", Title: "Cities", Container: "Handbook", Publisher: "Press"},
			"@incollection{c,\n  title = {Cities},\n  booktitle = {Handbook},\n  publisher = {Press},\n}"},
		{"web page, escaped, url verbatim", records.Source{ID: "w", Kind: "web", Title: "Cities & ties: 100% {new}_", Date: "2024-05-01", URL: "https://example.org/a_b%20c", Licence: "CC BY 4.0"},
			"@online{w,\n  title = {Cities \\& ties: 100\\% \\{new\\}\\_},\n  date = {2024-05-01},\n  url = {https://example.org/a_b%20c},\n  note = {CC BY 4.0},\n}"},
		{"list", records.Source{ID: "l", Kind: "list", Title: "List", Container: "Wikipedia"},
			"@misc{l,\n  title = {List},\n  howpublished = {Wikipedia},\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, BibTeX(&tt.s)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCitation(t *testing.T) {
	tests := []struct {
		s    records.Source
		want string
	}{
		{records.Source{Authors: []string{"Ana Pérez", "Li Wei"}, Title: "Twins", Container: "Journal", Year: ptr(2020)}, "Ana Pérez, Li Wei, “Twins”, Journal (2020)"},
		{records.Source{Title: "Twins"}, "“Twins”"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, citation(&tt.s)); diff != "" {
			t.Errorf("citation(%q) (-want +got):\n%s", tt.s.Title, diff)
		}
	}
}

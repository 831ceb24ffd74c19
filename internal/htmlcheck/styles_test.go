package htmlcheck

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInlineStyles(t *testing.T) {
	tests := []struct {
		name, src string
		want      []Style
	}{
		{"none", page(`<p class="x">a</p><link rel="stylesheet" href="a.css"><noscript><link rel="stylesheet" href="b.css"></noscript>`), nil},
		{"attribute", page("<p>\n<span class=\"bar\" style=\"width: 4%\">x</span></p>"), []Style{{Line: 10, Tag: "span", Class: "bar", CSS: "width: 4%"}}},
		{"empty attribute", page(`<div style>x</div>`), []Style{{Line: 9, Tag: "div"}}},
		{"svg attribute", page(`<svg><rect style="fill:red" width="4"/></svg>`), []Style{{Line: 9, Tag: "rect", CSS: "fill:red"}}},
		{"element", page("<style>\np { color: red }\n</style>"), []Style{{Line: 9, Tag: "style", CSS: "p { color: red }"}}},
		{"in noscript", page("<noscript>\n<style>.chart { display: none; }</style></noscript>"), []Style{{Line: 10, Tag: "style", CSS: ".chart { display: none; }"}}},
		{"attribute in noscript", page(`<noscript><p style="color:red">x</p></noscript>`), []Style{{Line: 9, Tag: "p", CSS: "color:red"}}},
		{"not markup", page(`<script>var s = '<p style="x">';</script><p>style="x"</p><textarea><b style="y"></b></textarea>`), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, InlineStyles([]byte(tt.src))); diff != "" {
				t.Errorf("InlineStyles (-want +got):\n%s", diff)
			}
		})
	}
}

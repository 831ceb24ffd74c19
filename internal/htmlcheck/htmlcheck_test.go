package htmlcheck

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// page wraps body in a page that passes every check.
func page(body string) string {
	return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>T</title>\n</head>\n<body>\n<main>\n<h1>T</h1>\n" + body + "\n</main>\n</body>\n</html>\n"
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"valid", page(`<p>a<br>b <img src="x.png" alt=""></p>
<table><caption>C</caption><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><th>r</th><td>1</td></tr></tbody></table>
<script>if (a < b && "</p>") {}</script>`), nil},
		{"no doctype", strings.TrimPrefix(page(""), "<!DOCTYPE html>\n"), []string{"0: no <!DOCTYPE html>"}},
		{"late doctype", "<!-- c -->\n<p>x</p>" + page(""), []string{"2: doctype not at the start of the page"}},
		{"no lang", strings.Replace(page(""), ` lang="en"`, "", 1), []string{"2: <html> without a lang attribute"}},
		{"empty title", strings.Replace(page(""), "<title>T</title>", "<title> </title>", 1), []string{"0: no <title>, or an empty one"}},
		{"no main", strings.NewReplacer("<main>", "<div>", "</main>", "</div>").Replace(page("")), []string{"0: no <main> (expected one)"}},
		{"two h1", page("<h1>again</h1>"), []string{"9: another <h1> (expected one; the first is on line 8)"}},
		{"no h1", strings.Replace(page(""), "<h1>T</h1>", "", 1), []string{"0: no <h1> (expected one)"}},
		{"duplicate id", page("<p id=\"a\">x</p>\n<p id=\"a\">y</p>"), []string{`10: <p>: id "a" already used on line 9`}},
		{"img without alt", page(`<img src="x.png">`), []string{`9: <img src="x.png"> without alt (use alt="" for a decorative image)`}},
		{"table without caption", page("<table>\n<tr><td>1</td></tr></table>"), []string{"10: <table> of line 9: first child is <tr> (expected a <caption>)"}},
		{"empty table", page("<table></table>"), []string{"9: <table> of line 9 has no <caption>"}},
		{"th without scope", page(`<table><caption>C</caption><thead><tr><th>A</th></tr></thead></table>`), []string{"9: <th> in <thead> without scope"}},
		{"duplicate attribute", page(`<a href="a" class="x>y" HREF=b data-x='1' data-x>x</a>`), []string{`9: <a>: attribute "href" given twice`, `9: <a>: attribute "data-x" given twice`}},
		{"unclosed", page("<div>\n<p>x</div>"), []string{"10: <p> of line 10 not closed before </div>"}},
		{"misnested", page("<b><i>x</b></i>"), []string{"9: <i> of line 9 not closed before </b>", "9: </i> without a matching <i>"}},
		{"stray end tag", page("</span>"), []string{"9: </span> without a matching <span>"}},
		{"not closed", page("<section>"), []string{"10: <section> of line 9 not closed before </main>"}},
		{"never closed", strings.TrimSuffix(page(""), "</html>\n"), []string{"2: <html> never closed"}},
		{"void end tag", page("<br></br>"), []string{"9: </br>: br is a void element and has no end tag"}},
		{"self-closing div", page("<div/>"), []string{"9: <div/>: div is not a void element, so the slash is ignored and the element stays open", "10: <div> of line 9 not closed before </main>"}},
		{"multi-line tag", page("<img\nsrc=\"a\"\n>\n<img src=\"b\">"), []string{`9: <img src="a"> without alt (use alt="" for a decorative image)`, `12: <img src="b"> without alt (use alt="" for a decorative image)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Check([]byte(tt.src)) {
				got = append(got, p.String())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check problems (-want +got):\n%s", diff)
			}
		})
	}
}

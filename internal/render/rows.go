package render

import (
	"bytes"
	"fmt"
	"html/template"
	"sync"

	"github.com/jba/templatecheck"

	"atlas/internal/records"
)

// RowTemplate is the shared template of one agreement's row in a table of
// agreements. The same agreement shows the same row on every list, facet,
// country, partner, place and agreement page that lists it (some 25 pages),
// so the row is executed once per build and its HTML reused: templates
// write {{row .}}, not {{template "agreement-row" .}}.
const RowTemplate = "agreement-row"

// rowCache holds the rows rendered so far, by record. It is safe for
// concurrent use.
type rowCache struct {
	t    *template.Template // the shared templates, holding RowTemplate
	mu   sync.Mutex
	html map[*records.Agreement]template.HTML
}

func (c *rowCache) funcs() template.FuncMap {
	return template.FuncMap{"row": c.row}
}

// init checks RowTemplate, where the templates define it, against
// Agreement, as check does the pages, and readies the cache.
func (c *rowCache) init(shared *template.Template) error {
	c.html = map[*records.Agreement]template.HTML{}
	t := shared.Lookup(RowTemplate)
	if t == nil {
		return nil // row reports it, if a template calls it
	}
	if err := templatecheck.CheckHTMLStrict(t, Agreement{}); err != nil {
		return fmt.Errorf("%s/_base.html, %q checked against %T: %w", Dir, RowTemplate, Agreement{}, err)
	}
	c.t = shared
	return nil
}

// row returns the HTML of a's row, executing RowTemplate the first time.
// Two goroutines may both execute it for one record; they store the same
// bytes.
func (c *rowCache) row(a Agreement) (template.HTML, error) {
	c.mu.Lock()
	h, ok := c.html[a.Agreement]
	c.mu.Unlock()
	if ok {
		return h, nil
	}
	if c.t == nil {
		return "", fmt.Errorf("row: no template defines %q (expected it in %s/_base.html)", RowTemplate, Dir)
	}
	var b bytes.Buffer
	if err := c.t.ExecuteTemplate(&b, RowTemplate, a); err != nil {
		return "", err
	}
	h = template.HTML(b.String())
	c.mu.Lock()
	c.html[a.Agreement] = h
	c.mu.Unlock()
	return h, nil
}

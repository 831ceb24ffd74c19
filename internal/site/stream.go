package site

import (
	"context"
	"slices"
	"strings"

	"atlas/internal/linkcheck"
	"atlas/internal/output"
	"atlas/internal/sitepath"
)

// BuildTo generates the site and writes each file into d as it is made,
// without holding the whole site in memory; the output is swapped in only
// when the build succeeded, as with output.Write. When ctx is done the
// build stops writing and d is left as it was.
func BuildTo(ctx context.Context, d *output.Dir, cfg Config) (*Result, error) {
	st, err := d.Stream()
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, st.Abort)
	defer stop()
	files, err := generate(cfg, st)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		st.Abort()
		return nil, err
	}
	if err := st.Commit(ctx); err != nil {
		return nil, err
	}
	res := &Result{}
	res.Files, res.Bytes = st.Count()
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			res.Pages++
		}
	}
	return res, nil
}

// linkTargets are the output files that the check of the content's links
// (checkLinks) may read.
func (m *model) linkTargets(base sitepath.Base) map[string]bool {
	s := linkcheck.New(nil, base)
	keep := map[string]bool{}
	for _, d := range slices.Concat(m.allCases, m.allPages) {
		// As checkLinks reads them: a text's links lead into its tree.
		page := sitepath.InLang(d.Lang, docPath(d)) + "index.html"
		for _, l := range d.Links {
			for _, t := range s.Targets(page, base.URL(sitepath.InLang(d.Lang, strings.TrimPrefix(l.Dest, "/")))) {
				keep[t] = true
			}
		}
	}
	return keep
}

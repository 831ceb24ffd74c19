package site

import (
	"atlas/internal/linkcheck"
	"atlas/internal/output"
	"atlas/internal/sitepath"
)

// Check generates the site in memory, as Build does but without writing
// it, and checks every internal link and #anchor in it under the base URL.
// Input problems are returned as the error, as from Build; broken links as
// problems.
func Check(cfg Config) (output.Files, []linkcheck.Problem, error) {
	base, err := sitepath.ParseBase(cfg.BaseURL)
	if err != nil {
		return nil, nil, err
	}
	files, err := Generate(cfg)
	if err != nil {
		return nil, nil, err
	}
	return files, linkcheck.Check(files, base), nil
}

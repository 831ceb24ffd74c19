package site

import (
	"atlas/internal/linkcheck"
	"atlas/internal/output"
)

// Check generates the site in memory, as Build does but without writing
// it, and checks every internal link and #anchor in it under the base URL.
// Input problems are returned as the error, as from Build; broken links as
// problems.
func Check(cfg Config) (output.Files, []linkcheck.Problem, error) {
	files, err := Generate(cfg)
	if err != nil {
		return nil, nil, err
	}
	return files, linkcheck.Check(files, cfg.BaseURL), nil
}

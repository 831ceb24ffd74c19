package sitepath

import (
	"fmt"
	"net/url"
	"strings"
)

// Base is where the site is published: a path such as "/" or "/atlas/",
// and, when known, the scheme and host for absolute URLs.
type Base struct {
	Origin string // "https://example.github.io", or "" when unknown
	Path   string // always starts and ends with "/"
}

// ParseBase parses a -base-url value: an absolute URL
// ("https://example.github.io/atlas/") or a path ("/atlas/").
func ParseBase(s string) (Base, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Base{}, fmt.Errorf("base URL %q: %v", s, err)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return Base{}, fmt.Errorf("base URL %q: has a query, fragment or user (expected a scheme, host and path only)", s)
	}
	var b Base
	switch {
	case u.Scheme == "" && u.Host == "":
		if !strings.HasPrefix(u.Path, "/") {
			return Base{}, fmt.Errorf("base URL %q: a path must start with / (such as /atlas/)", s)
		}
	case (u.Scheme == "http" || u.Scheme == "https") && u.Host != "":
		b.Origin = u.Scheme + "://" + u.Host
	default:
		return Base{}, fmt.Errorf("base URL %q: expected an http(s) URL or a path", s)
	}
	b.Path = u.Path
	if !strings.HasSuffix(b.Path, "/") {
		b.Path += "/"
	}
	if !strings.HasPrefix(b.Path, "/") {
		b.Path = "/" + b.Path
	}
	return b, nil
}

// URL returns the site path of a site-relative path: "countries/" becomes
// "/atlas/countries/" under the base "/atlas/".
func (b Base) URL(rel string) string {
	return b.Path + strings.TrimPrefix(rel, "/")
}

// Abs returns the absolute URL of a site-relative path, or the site path
// when the origin is unknown.
func (b Base) Abs(rel string) string {
	return b.Origin + b.URL(rel)
}

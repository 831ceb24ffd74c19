package serve

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Handler returns the preview's HTTP handler: the site under the base
// path, the event stream at EventsPath, and the preview's own script and
// stylesheet at ScriptPath and StylePath.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.serveHTTP)
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		refuseHost(w, r.Host)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if p == EventsPath {
		if r.Method == http.MethodHead {
			w.Header().Set("Content-Type", "text/event-stream")
			return
		}
		s.events(w, r)
		return
	}
	if p == ScriptPath || p == StylePath {
		body := previewJS
		if p == StylePath {
			body = previewCSS
		}
		s.write(w, r, state{}, path.Base(p), []byte(body), http.StatusOK)
		return
	}
	if !allowed(p) {
		http.Error(w, "bad request: the path has a .. segment, a backslash or a NUL", http.StatusBadRequest)
		return
	}
	if !strings.HasPrefix(p, s.base.Path) {
		if p == "/" || p+"/" == s.base.Path {
			http.Redirect(w, r, s.base.Path, http.StatusFound)
			return
		}
		http.Error(w, "not found: the site is served under "+s.base.Path, http.StatusNotFound)
		return
	}
	st := s.current()
	if st.files == nil {
		s.write(w, r, st, "index.html", failurePage, http.StatusInternalServerError)
		return
	}
	rel := strings.TrimPrefix(p, s.base.Path)
	name, dir := lookup(st.files, rel)
	switch {
	case dir:
		http.Redirect(w, r, p+"/", http.StatusFound)
	case name != "":
		s.write(w, r, st, name, st.files[name], http.StatusOK)
	default:
		body, ok := st.files["404.html"]
		if !ok {
			body = []byte("<!DOCTYPE html><title>Not found</title><p>Not found.</p>")
		}
		s.write(w, r, st, "404.html", body, http.StatusNotFound)
	}
}

// allowed reports whether a decoded request path is safe to look up: no
// ".." segment (a %2e%2e or %2f in the request decodes to one), no
// backslash, which some clients treat as a separator, and no NUL.
func allowed(p string) bool {
	if strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// lookup finds the output file for a site-relative path, as a static
// server does: "x/" serves x/index.html, and "x" names a file or, if x is
// a directory, asks for a redirect to "x/".
func lookup(files map[string][]byte, rel string) (name string, dir bool) {
	if rel == "" || strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	if _, ok := files[rel]; ok {
		return rel, false
	}
	if _, ok := files[rel+"/index.html"]; ok {
		return "", true
	}
	return "", false
}

// write sends one file, adding the reload script (and the error overlay
// after a failed build) to HTML.
func (s *Server) write(w http.ResponseWriter, r *http.Request, st state, name string, body []byte, code int) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(body)
	}
	if strings.HasPrefix(ctype, "text/html") {
		add, err := additionsFor(st)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		body = inject(body, add)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// inject inserts add before a page's </body>, into a copy: the built
// page stays as it was.
func inject(page, add []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(add))
	out = append(out, page[:i]...)
	out = append(out, add...)
	return append(out, page[i:]...)
}

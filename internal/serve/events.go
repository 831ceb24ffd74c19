package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// EventsPath is where pages listen for builds. It sits outside any base
// path and is no file of the site: the build writes no "_atlas".
const EventsPath = "/_atlas/events"

// Event is the data of a "build" event: sent when a page connects, and
// after every build.
type Event struct {
	Gen    string   `json:"gen"`              // the build's generation id
	OK     bool     `json:"ok"`               // whether it succeeded
	Errors []string `json:"errors,omitempty"` // its problems, one per line
}

// events streams a "build" event now and after every build, until the
// client goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	// The stream lasts as long as the page is open: the server's read and
	// write deadlines, meant for single files, would cut it (an expired
	// read deadline cancels the request's context). Not every writer
	// supports deadlines (httptest's recorder does not), and none is
	// needed there.
	rc.SetReadDeadline(time.Time{})
	rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	// A short retry: after a restart of the server, pages reconnect and
	// reload quickly.
	if _, err := fmt.Fprint(w, "retry: 500\n\n"); err != nil {
		return
	}
	for {
		st := s.current()
		data, err := json.Marshal(Event{Gen: st.gen, OK: st.errs == nil, Errors: st.errs})
		if err != nil {
			return
		}
		if _, err := fmt.Fprintf(w, "event: build\ndata: %s\n\n", data); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-ch:
		}
	}
}

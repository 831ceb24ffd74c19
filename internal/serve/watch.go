package serve

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"path"
	"strings"
	"time"
)

// stamp is what a poll knows about a file.
type stamp struct {
	mod  time.Time
	size int64
}

// unreadable is the stamp of a file or directory the walk could not read.
var unreadable = stamp{size: -1}

// snapshot maps the slash paths of the watched files to their stamps.
type snapshot map[string]stamp

// Watch polls the source tree and rebuilds whenever it changed, until ctx
// is done.
func (s *Server) Watch(ctx context.Context) error {
	s.mu.RLock()
	prev := s.built
	s.mu.RUnlock()
	if prev == nil {
		var err error
		if prev, err = take(s.cfg.Src); err != nil {
			return err
		}
	}
	tick := time.NewTicker(s.cfg.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		cur, err := take(s.cfg.Src)
		if err != nil {
			return err
		}
		if maps.Equal(prev, cur) {
			continue
		}
		prev, err = s.settle(cur)
		if err != nil {
			return err
		}
	}
}

// failureWait is how many intervals a failed build waits for the rest of
// a save before its errors are shown: errors can wait a little, and a
// busy machine can stall an editor between truncating a file and writing
// it for longer than one interval.
const failureWait = 4

// maxStale bounds how often a build is redone because files changed
// while it ran, so that a file rewritten without pause still gets built.
const maxStale = 3

// settle builds the tree as it was in snap and publishes the result,
// unless the tree changed while the build ran: then that build saw a
// half-saved file or a half-done rename, and is redone. A failed build
// also waits failureWait intervals for the rest of a save (an editor that
// truncates a file and then writes it can be stalled in between) before
// its errors are shown. It returns the snapshot that was built.
func (s *Server) settle(snap snapshot) (snapshot, error) {
	for i := 0; ; i++ {
		b := s.generate()
		if b.errs != nil && i < maxStale {
			time.Sleep(failureWait * s.cfg.Interval)
		}
		after, err := take(s.cfg.Src)
		if err != nil {
			return nil, err
		}
		if maps.Equal(after, snap) || i == maxStale {
			s.publish(b)
			return after, nil
		}
		snap = after
	}
}

// take walks the watched directories. A directory that does not exist is
// empty; a file that disappears during the walk is left out; one that
// cannot be read is stamped unreadable.
func take(fsys fs.FS) (snapshot, error) {
	snap := snapshot{}
	for _, dir := range WatchDirs {
		err := fs.WalkDir(fsys, dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				// An unreadable file or directory does not stop the
				// preview: the build reports it, the overlay shows it,
				// and making it readable again is a change like any
				// other.
				snap[name] = unreadable
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if scratch(path.Base(name)) && name != dir {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			info, err := d.Info()
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			if err != nil {
				snap[name] = unreadable
				return nil
			}
			snap[name] = stamp{info.ModTime(), info.Size()}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return snap, nil
}

// scratch reports whether a file name is an editor's temporary or backup
// file, or a hidden one, which the build ignores too.
func scratch(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasSuffix(name, "#")
}

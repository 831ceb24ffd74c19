package output

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
	"sync"
)

// Stream writes a build's files as they are made, into a temporary
// directory beside the output, and swaps it in on Commit, as Dir.Write
// does: until then the previous output stays as it was, and Abort (or a
// failed Commit) leaves it so. Add may be called from several goroutines.
type Stream struct {
	d   *Dir
	tmp string

	// mu is held for reading while a file is written, and for writing by
	// Abort and Commit, so no file lands in the directory after either.
	mu   sync.RWMutex
	done bool
	// nmu guards names and bytes, so that the writes of Add stay
	// concurrent.
	nmu   sync.Mutex
	names map[string]bool
	bytes int
}

// Stream starts writing a build into d.
func (d *Dir) Stream() (*Stream, error) {
	tmp, err := os.MkdirTemp(d.parent, d.tempPrefix())
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Stream{d: d, tmp: tmp, names: map[string]bool{}}, nil
}

// ValidName reports why name may not be the path of an output file.
func ValidName(name string) error {
	clean := path.Clean(name)
	if !fs.ValidPath(clean) || clean != name || clean == "." || clean == Manifest {
		return fmt.Errorf("invalid output path %q", name)
	}
	return nil
}

// Add writes one file of the build.
func (s *Stream) Add(name string, data []byte) error {
	if err := ValidName(name); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.done {
		return fmt.Errorf("output path %q written after the build ended", name)
	}
	if err := s.claim(name, len(data)); err != nil {
		return err
	}
	return writeFile(s.tmp, name, data)
}

// claim records name, once.
func (s *Stream) claim(name string, n int) error {
	s.nmu.Lock()
	defer s.nmu.Unlock()
	if s.names[name] {
		return fmt.Errorf("output path %q written twice", name)
	}
	s.names[name] = true
	s.bytes += n
	return nil
}

// Count returns the number of files and bytes written so far.
func (s *Stream) Count() (files, bytes int) {
	s.nmu.Lock()
	defer s.nmu.Unlock()
	return len(s.names), s.bytes
}

// Commit writes the manifest and swaps the directory in, unless ctx is
// done; on any failure it removes what was written.
func (s *Stream) Commit(ctx context.Context) (err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return fmt.Errorf("output %s: the build was already ended", s.d.out)
	}
	s.done = true
	defer func() {
		if err != nil {
			os.RemoveAll(s.tmp)
		}
	}()
	names := make([]string, 0, len(s.names))
	for n := range s.names {
		names = append(names, n)
	}
	slices.Sort(names)
	var b strings.Builder
	b.WriteString(manifestHeader)
	for _, n := range names {
		b.WriteString(n)
		b.WriteByte('\n')
	}
	if err := writeFile(s.tmp, Manifest, []byte(b.String())); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return swap(s.tmp, s.d.out)
}

// Abort ends the build without replacing the output, removing what was
// written. It may be called after Commit, and then does nothing.
func (s *Stream) Abort() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return
	}
	s.done = true
	os.RemoveAll(s.tmp)
}

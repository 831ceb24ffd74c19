//go:build !unix

package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// lock is a file beside the output, created exclusively. Without flock(2)
// a killed build leaves it behind, and the message says to remove it.
type lock struct {
	f    *os.File
	name string
}

func acquire(name, out string) (*lock, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, fmt.Errorf("output %s: another build is writing it (it holds %s; if none is running, remove that file)", out, name)
	}
	if err != nil {
		return nil, fmt.Errorf("output %s: cannot create the lock file: %w", out, err)
	}
	return &lock{f: f, name: name}, nil
}

func (l *lock) release() error {
	err := l.f.Close()
	return errors.Join(err, os.Remove(l.name))
}

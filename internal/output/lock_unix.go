//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lock is an exclusive flock(2) on a file beside the output. The kernel
// releases it when the process ends, however it ends, so a killed build
// never leaves a stale lock.
type lock struct {
	f    *os.File
	name string
}

// acquire takes the lock file name for the output out, failing at once
// if another build holds it.
func acquire(name, out string) (*lock, error) {
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("output %s: cannot create the lock file: %w", out, err)
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, syscall.EWOULDBLOCK) {
				return nil, fmt.Errorf("output %s: another build is writing it (it holds %s); wait for it to finish", out, name)
			}
			return nil, fmt.Errorf("output %s: cannot lock %s: %w", out, name, err)
		}
		// The holder before us removes the file when it releases the
		// lock; if it did so after we opened it, we hold a lock on a
		// file no other build will see, and must start again.
		if same(f, name) {
			return &lock{f: f, name: name}, nil
		}
		f.Close()
	}
}

func same(f *os.File, name string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(name)
	return err == nil && os.SameFile(a, b)
}

// release removes the lock file and unlocks it.
func (l *lock) release() error {
	err := os.Remove(l.name)
	return errors.Join(err, l.f.Close())
}

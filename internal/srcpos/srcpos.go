// Package srcpos owns positions in input files and the errors that carry them.
//
// Every problem with an input prints as
//
//	path:line:col: field: what is wrong (what was expected)
//
// with the path relative to the source directory and the line counted in the
// whole file (a front-matter value is reported at its line in the Markdown
// file, not in the YAML block).
package srcpos

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Position is a place in an input file. Line and Col are 1-based; zero means
// unknown.
type Position struct {
	File string
	Line int
	Col  int
}

func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, line and column.
func Compare(a, b Position) int {
	return cmp.Or(
		strings.Compare(a.File, b.File),
		cmp.Compare(a.Line, b.Line),
		cmp.Compare(a.Col, b.Col),
	)
}

// Fields records where each key of a mapping was written, by key name.
type Fields map[string]Position

// At returns where field was written, or def when it was not.
func (f Fields) At(field string, def Position) Position {
	if p, ok := f[field]; ok {
		return p
	}
	return def
}

// Error is a problem with an input at a position.
type Error struct {
	Pos   Position
	Field string // the key the problem is about; may be empty
	Msg   string // what is wrong, with what was expected in parentheses
}

func (e *Error) Error() string {
	msg := e.Msg
	if e.Field != "" {
		msg = e.Field + ": " + msg
	}
	if e.Pos == (Position{}) {
		return msg // an error wrapped by List.Append has no place
	}
	return e.Pos.String() + ": " + msg
}

// Errorf returns an Error at pos about field.
func Errorf(pos Position, field, format string, args ...any) *Error {
	return &Error{Pos: pos, Field: field, Msg: fmt.Sprintf(format, args...)}
}

// List collects input errors so that a run reports all of them at once.
type List []*Error

// Add appends an error at pos about field.
func (l *List) Add(pos Position, field, format string, args ...any) {
	*l = append(*l, Errorf(pos, field, format, args...))
}

// Append adds err to the list, flattening Lists and wrapping other errors
// as position-less problems so that nothing is dropped.
func (l *List) Append(err error) {
	if err == nil {
		return
	}
	var el List
	if errors.As(err, &el) {
		*l = append(*l, el...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, &Error{Msg: err.Error()})
}

// Err returns the list sorted by position with duplicates removed, or nil
// if it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	s := slices.Clone(l)
	slices.SortStableFunc(s, func(a, b *Error) int {
		return cmp.Or(Compare(a.Pos, b.Pos), strings.Compare(a.Error(), b.Error()))
	})
	s = slices.CompactFunc(s, func(a, b *Error) bool { return a.Error() == b.Error() })
	return s
}

func (l List) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Join returns the input problems among errs as one sorted List (see
// List.Err), followed by the other errors, such as a template that failed
// or a file that could not be read, joined as errors.Join does. When errs
// hold only input problems the result is the List itself; when they hold
// none, nil.
func Join(errs ...error) error {
	list, other := Split(errors.Join(errs...))
	if len(other) == 0 {
		return list.Err()
	}
	return errors.Join(append([]error{list.Err()}, other...)...)
}

// Split separates err into its input problems (every List and *Error in
// it, looking through errors.Join and %w) and its other errors, so that a
// caller can print or show each kind as it should.
func Split(err error) (List, []error) {
	var (
		list  List
		other []error
	)
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range j.Unwrap() {
				walk(e)
			}
			return
		}
		var l List
		var e *Error
		switch {
		case errors.As(err, &l):
			list = append(list, l...)
		case errors.As(err, &e):
			list = append(list, e)
		default:
			other = append(other, err)
		}
	}
	walk(err)
	return list, other
}

package srcpos

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestJoinAndSplit(t *testing.T) {
	a := Errorf(Position{File: "data/a.yaml", Line: 2, Col: 3}, "id", "missing (required)")
	b := Errorf(Position{File: "data/b.yaml", Line: 1, Col: 1}, "", "file is empty")
	tmpl := errors.New("template: home.html:3: bad")
	tests := []struct {
		name      string
		errs      []error
		wantErr   string
		wantList  List
		wantOther []string
		isList    bool // the joined error is a List itself
	}{
		{name: "none"},
		{name: "input only, sorted", errs: []error{b, List{a}}, wantErr: a.Error() + "\n" + b.Error(),
			wantList: List{a, b}, isList: true},
		{name: "wrapped input", errs: []error{fmt.Errorf("chart: %w", a)}, wantErr: a.Error(),
			wantList: List{a}, isList: true},
		{name: "other only", errs: []error{tmpl}, wantErr: tmpl.Error(), wantOther: []string{tmpl.Error()}},
		{name: "both", errs: []error{tmpl, b, a}, wantErr: a.Error() + "\n" + b.Error() + "\n" + tmpl.Error(),
			wantList: List{a, b}, wantOther: []string{tmpl.Error()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Join(tt.errs...)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Join = %v, want nil", err)
				}
				return
			}
			if err == nil || err.Error() != tt.wantErr {
				t.Fatalf("Join = %v\nwant %s", err, tt.wantErr)
			}
			if _, ok := err.(List); ok != tt.isList {
				t.Errorf("Join returned a List: %v, want %v", ok, tt.isList)
			}
			list, other := Split(err)
			var msgs []string
			for _, e := range other {
				msgs = append(msgs, e.Error())
			}
			if diff := cmp.Diff(tt.wantList, list); diff != "" {
				t.Errorf("Split list (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantOther, msgs); diff != "" {
				t.Errorf("Split other (-want +got):\n%s", diff)
			}
		})
	}
}

package chart

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseGeoJSON(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    *GeoMap
		wantErr string
	}{
		{
			name: "polygon and multipolygon",
			in: `{"features": [
				{"properties": {"name": "Chile", "iso_a2": "CL"}, "geometry": {"type": "Polygon", "coordinates": [[[-70, -18], [-75, -55], [-68, -50]]]}},
				{"properties": {"name": "Cuba", "iso_a2": "CU"}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[-85, 22], [-74, 20]]], [[[-82, 21.5, 0]]]]}}
			]}`,
			want: &GeoMap{
				Names:  map[string]string{"CL": "Chile", "CU": "Cuba"},
				Bounds: Bounds{West: -85, South: -55, East: -68, North: 22},
				Shapes: []Shape{
					{Name: "Chile", Rings: [][][2]float64{{{-70, -18}, {-75, -55}, {-68, -50}}}},
					{Name: "Cuba", Rings: [][][2]float64{{{-85, 22}, {-74, 20}}, {{-82, 21.5}}}},
				},
			},
		},
		{name: "no features", in: `{}`, want: &GeoMap{Names: map[string]string{}}},
		{
			name:    "feature without a code",
			in:      `{"features": [{"properties": {"name": "Chile"}, "geometry": {"coordinates": []}}]}`,
			wantErr: "a feature lacks properties.name or properties.iso_a2",
		},
		{
			name:    "bad coordinates",
			in:      `{"features": [{"properties": {"name": "Chile", "iso_a2": "CL"}, "geometry": {"coordinates": [1,}}]}`,
			wantErr: "invalid character '}' looking for beginning of value",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseGeoJSON([]byte(tt.in))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseGeoJSON (-want +got):\n%s", diff)
			}
		})
	}
}

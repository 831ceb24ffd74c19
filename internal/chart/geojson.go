package chart

import (
	"encoding/json"
	"errors"
	"fmt"
)

// GeoMap is what a choropleth needs of a GeoJSON map: the names of its
// regions by ISO 3166-1 alpha-2 code, and its extent.
type GeoMap struct {
	Names  map[string]string // properties.iso_a2 -> properties.name
	Bounds Bounds
	Shapes []Shape // the regions, for thumbnails
}

// ParseGeoJSON reads a GeoJSON feature collection whose features carry
// properties.name and properties.iso_a2, as the vendored world-atlas map
// does.
func ParseGeoJSON(data []byte) (*GeoMap, error) {
	var g struct {
		Features []struct {
			Properties struct {
				Name string `json:"name"`
				Code string `json:"iso_a2"`
			} `json:"properties"`
			Geometry struct {
				Coordinates json.RawMessage `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, err
	}
	m := &GeoMap{Names: map[string]string{}}
	first := true
	for _, f := range g.Features {
		if f.Properties.Code == "" || f.Properties.Name == "" {
			return nil, errors.New("a feature lacks properties.name or properties.iso_a2")
		}
		m.Names[f.Properties.Code] = f.Properties.Name
		var coords any
		if err := json.Unmarshal(f.Geometry.Coordinates, &coords); err != nil {
			return nil, fmt.Errorf("%s: %w", f.Properties.Code, err)
		}
		eachPoint(coords, func(lng, lat float64) {
			if first {
				m.Bounds = Bounds{West: lng, East: lng, South: lat, North: lat}
				first = false
			}
			b := &m.Bounds
			b.West, b.East = min(b.West, lng), max(b.East, lng)
			b.South, b.North = min(b.South, lat), max(b.North, lat)
		})
	}
	shapes, err := ParseShapes(data)
	if err != nil {
		return nil, err
	}
	m.Shapes = shapes
	return m, nil
}

// eachPoint calls fn for every [longitude, latitude] pair in a GeoJSON
// geometry's nested coordinates.
func eachPoint(v any, fn func(lng, lat float64)) {
	a, ok := v.([]any)
	if !ok {
		return
	}
	if len(a) >= 2 {
		lng, ok1 := a[0].(float64)
		lat, ok2 := a[1].(float64)
		if ok1 && ok2 {
			fn(lng, lat)
			return
		}
	}
	for _, e := range a {
		eachPoint(e, fn)
	}
}

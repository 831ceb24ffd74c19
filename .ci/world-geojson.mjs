// Converts world-atlas countries-110m.json (TopoJSON, Natural Earth 1:110m)
// to a small GeoJSON FeatureCollection of the world's countries, centred
// on the Pacific, for the basemap of the map of pairs
// (echarts.registerMap()).
//
// Usage (run from a directory whose node_modules holds world-atlas and
// topojson-client, as .ci/vendor-assets does):
//   node world-geojson.mjs OUTPUT.geo.json
//
// The map is centred on the Pacific, between Asia on the left and the
// Americas on the right, so that a line from a Latin American to an Asian
// place crosses the ocean instead of running round the world's back:
// every longitude west of CUT (25° W, in the Atlantic) is moved 360° east.
// The atlas moves its points by the same rule (internal/chart,
// PacificLng); the two must agree. Antarctica, which spans every longitude and holds no locality, is
// left out.
//
// Each feature keeps the ISO 3166-1 numeric code as `id` and the
// package's English name as properties.name. Coordinates are rounded to 1
// decimal (about 11 km, below a pixel at the scale of a page), dropping
// points that become repeated and rings left with fewer than 4 points.
// Output is deterministic: features sorted by id, fixed key order.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'noop.js'));
const topojson = require('topojson-client');
const topoPath = require.resolve('world-atlas/countries-110m.json');

const CUT = -25;
const ANTARCTICA = '010';

const out = process.argv[2];
if (!out) {
  console.error('usage: node world-geojson.mjs OUTPUT.geo.json');
  process.exit(2);
}

const topo = JSON.parse(readFileSync(topoPath, 'utf8'));
const all = topojson.feature(topo, topo.objects.countries).features;

const r1 = (v) => {
  const x = Math.round(v * 10) / 10;
  return x === 0 ? 0 : x; // no -0
};

// east moves a longitude west of CUT by 360°; shift, when not null,
// moves every point of a ring by the same amount instead.
const east = (x, shift) => x + (shift !== null ? shift : x < CUT ? 360 : 0);

function ring(coords, shift) {
  const res = [];
  for (const [x, y] of coords) {
    const p = [r1(east(x, shift)), r1(y)];
    const last = res[res.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) res.push(p);
  }
  const f = res[0];
  const l = res[res.length - 1];
  if (res.length && (f[0] !== l[0] || f[1] !== l[1])) res.push([f[0], f[1]]);
  return res.length >= 4 ? res : null;
}

// A polygon that straddles CUT itself (Greenland) moves whole, by its
// mean longitude; any other moves point by point, which also joins the
// pieces that the antimeridian cuts (Russia's east, Fiji) to their
// neighbours.
function polygon(rings) {
  const outer = rings[0];
  const xs = outer.map(([x]) => x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  let shift = null;
  if (lo < CUT && hi > CUT && hi - lo < 180) {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    shift = mean < CUT ? 360 : 0;
  }
  const o = ring(outer, shift);
  if (!o) return null;
  return [o, ...rings.slice(1).map((r) => ring(r, shift)).filter(Boolean)];
}

function geometry(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates]
    : g.type === 'MultiPolygon' ? g.coordinates
    : (() => { throw new Error('unexpected geometry ' + g.type); })();
  const kept = polys.map(polygon).filter(Boolean);
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

const features = [];
for (const f of all) {
  if (f.id === ANTARCTICA || !f.geometry) continue;
  const geom = geometry(f.geometry);
  if (!geom) continue;
  features.push({ type: 'Feature', id: f.id, properties: { name: f.properties.name }, geometry: geom });
}
features.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
console.error(`world-geojson: ${features.length} countries written to ${out}`);

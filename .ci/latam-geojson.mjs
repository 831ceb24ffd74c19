// Converts world-atlas countries-110m.json (TopoJSON, Natural Earth 1:110m)
// to a GeoJSON FeatureCollection of the 33 Latin American and Caribbean
// states, for echarts.registerMap().
//
// Usage (run from a directory whose node_modules holds world-atlas and
// topojson-client, as .ci/vendor-assets does):
//   node latam-geojson.mjs OUTPUT.geo.json
//
// Each feature keeps the ISO 3166-1 numeric code as `id` and gets
// properties.name (English short name, the name ECharts matches data by) and
// properties.iso_a2. Coordinates are rounded to 2 decimals; points that
// become repeated are dropped, as are rings left with fewer than 4 points.
// Output is deterministic: features sorted by name, fixed key order.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'noop.js'));
const topojson = require('topojson-client');
const topoPath = require.resolve('world-atlas/countries-110m.json');

// ISO 3166-1 numeric -> [alpha-2, English short name]
const LATAM = {
  '028': ['AG', 'Antigua and Barbuda'],
  '032': ['AR', 'Argentina'],
  '044': ['BS', 'Bahamas'],
  '052': ['BB', 'Barbados'],
  '084': ['BZ', 'Belize'],
  '068': ['BO', 'Bolivia'],
  '076': ['BR', 'Brazil'],
  '152': ['CL', 'Chile'],
  '170': ['CO', 'Colombia'],
  '188': ['CR', 'Costa Rica'],
  '192': ['CU', 'Cuba'],
  '212': ['DM', 'Dominica'],
  '214': ['DO', 'Dominican Republic'],
  '218': ['EC', 'Ecuador'],
  '222': ['SV', 'El Salvador'],
  '308': ['GD', 'Grenada'],
  '320': ['GT', 'Guatemala'],
  '328': ['GY', 'Guyana'],
  '332': ['HT', 'Haiti'],
  '340': ['HN', 'Honduras'],
  '388': ['JM', 'Jamaica'],
  '484': ['MX', 'Mexico'],
  '558': ['NI', 'Nicaragua'],
  '591': ['PA', 'Panama'],
  '600': ['PY', 'Paraguay'],
  '604': ['PE', 'Peru'],
  '659': ['KN', 'Saint Kitts and Nevis'],
  '662': ['LC', 'Saint Lucia'],
  '670': ['VC', 'Saint Vincent and the Grenadines'],
  '740': ['SR', 'Suriname'],
  '780': ['TT', 'Trinidad and Tobago'],
  '858': ['UY', 'Uruguay'],
  '862': ['VE', 'Venezuela']
};
if (Object.keys(LATAM).length !== 33) throw new Error('expected 33 states');

const out = process.argv[2];
if (!out) {
  console.error('usage: node latam-geojson.mjs OUTPUT.geo.json');
  process.exit(2);
}

const topo = JSON.parse(readFileSync(topoPath, 'utf8'));
const all = topojson.feature(topo, topo.objects.countries).features;

const r2 = (v) => {
  const x = Math.round(v * 100) / 100;
  return x === 0 ? 0 : x; // no -0
};

function ring(coords) {
  const res = [];
  for (const [x, y] of coords) {
    const p = [r2(x), r2(y)];
    const last = res[res.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) res.push(p);
  }
  // keep the ring closed after rounding
  const f = res[0];
  const l = res[res.length - 1];
  if (res.length && (f[0] !== l[0] || f[1] !== l[1])) res.push([f[0], f[1]]);
  return res.length >= 4 ? res : null;
}

function polygon(rings) {
  const outer = ring(rings[0]);
  if (!outer) return null;
  return [outer, ...rings.slice(1).map(ring).filter(Boolean)];
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
const found = new Set();
for (const f of all) {
  const meta = LATAM[f.id];
  if (!meta || !f.geometry) continue;
  const geom = geometry(f.geometry);
  if (!geom) continue;
  found.add(f.id);
  features.push({
    type: 'Feature',
    id: f.id,
    properties: { name: meta[1], iso_a2: meta[0] },
    geometry: geom
  });
}
features.sort((a, b) => (a.properties.name < b.properties.name ? -1 : 1));

writeFileSync(out, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');

const missing = Object.keys(LATAM).filter((id) => !found.has(id))
  .sort((a, b) => (LATAM[a][1] < LATAM[b][1] ? -1 : 1))
  .map((id) => `${LATAM[id][1]} (${LATAM[id][0]}, ${id})`);
console.error(`latam-geojson: ${features.length} of 33 states written to ${out}`);
console.error(`latam-geojson: missing at 1:110m: ${missing.join('; ') || 'none'}`);

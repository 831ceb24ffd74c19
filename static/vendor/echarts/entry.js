// Entry for the full ECharts bundle (echarts.custom.min.js), for every
// chart but the bar charts (see entry-bars.js): maps, and the charts other
// pages add. Built by .ci/vendor-assets with esbuild as an IIFE with the
// global name `echarts`, which static/charts.js uses: echarts.init(el,
// theme, opts), echarts.registerMap(name, geojson),
// echarts.registerTheme(name, theme), chart.setOption(...), chart.on(...),
// chart.renderToSVGString() for the exports.
// Only the chart types and components the atlas uses are registered; add
// more here (and re-run .ci/vendor-assets) if a page needs them.
//
// The renderer is SVG only: it draws the page's chart (zrender sets the
// SVG's styles through the CSSOM, which a Content-Security-Policy without
// 'unsafe-inline' allows) and the SVG and PNG exports. No toolbox: the
// page has its own export control.
import { use } from 'echarts/core';
import {
  BarChart,
  MapChart,
  LinesChart,
  ScatterChart
} from 'echarts/charts';
import {
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  VisualMapPiecewiseComponent,
  GeoComponent,
  AriaComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  MapChart,
  LinesChart,
  ScatterChart,
  TitleComponent,
  TooltipComponent,
  LegendComponent,
  GridComponent,
  VisualMapPiecewiseComponent,
  GeoComponent,
  AriaComponent,
  SVGRenderer
]);

// The whole core API (init, registerMap, registerTheme, getMap, graphic,
// number, format, util, time, ...) becomes the global `echarts`.
export * from 'echarts/core';

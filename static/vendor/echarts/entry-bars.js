// Entry for the bar-chart bundle (echarts.bars.min.js): the least that
// the atlas's horizontal bar charts need, so that a bar-chart page loads
// no map, tooltip or accessibility code (the page gives the chart its own
// role="img" and description, and the table beside it every number).
// Built by .ci/vendor-assets like entry.js, as the same global `echarts`;
// static/charts.js loads one of the two bundles per page.
import { use } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import {
  TitleComponent,
  LegendPlainComponent,
  GridSimpleComponent
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  TitleComponent,
  LegendPlainComponent,
  GridSimpleComponent,
  SVGRenderer
]);

export { init, registerTheme, registerMap } from 'echarts/core';

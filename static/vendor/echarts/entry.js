// Entry for the custom ECharts bundle (echarts.custom.min.js).
// Built by .ci/vendor-assets with esbuild as an IIFE with the global name
// `echarts`, so go-echarts snippets can call echarts.init(el, theme, opts),
// echarts.registerMap(name, geojson), chart.setOption(...), chart.on(...).
// Only the chart types and components the atlas uses are registered; add
// more here (and re-run .ci/vendor-assets) if a page needs them.
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
import { CanvasRenderer } from 'echarts/renderers';

// Toolbox with the saveAsImage feature only. The stock ToolboxComponent also
// registers magicType, dataView, dataZoom and restore, and pulls in the
// dataZoom component with them.
import ToolboxModel from 'echarts/lib/component/toolbox/ToolboxModel.js';
import ToolboxView from 'echarts/lib/component/toolbox/ToolboxView.js';
import { registerFeature } from 'echarts/lib/component/toolbox/featureManager.js';
import SaveAsImage from 'echarts/lib/component/toolbox/feature/SaveAsImage.js';

function ToolboxSaveAsImageComponent(registers) {
  registers.registerComponentModel(ToolboxModel);
  registers.registerComponentView(ToolboxView);
  registerFeature('saveAsImage', SaveAsImage);
}

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
  ToolboxSaveAsImageComponent,
  CanvasRenderer
]);

// The whole core API (init, registerMap, getMap, connect, dispose, graphic,
// number, format, util, time, ...) becomes the global `echarts`.
export * from 'echarts/core';

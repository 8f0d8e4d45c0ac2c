// A chart drawn on the server with no browser: Apache ECharts renders SVG, resvg turns it into a PNG with the
// fonts shipped in assets/fonts (Cyrillic included), so the picture is the same on every machine.
import { createRequire } from 'node:module';
import type * as ResvgJs from '@resvg/resvg-js';
import type * as Echarts from 'echarts';
import { shipped } from '../../package-root.ts';

/** Wide enough to stay sharp on a phone held sideways and zoomed. */
export const CHART_WIDTH = 1200;
export const FONT_FAMILY = 'DejaVu Sans';
const FONT_FILES = [shipped('assets', 'fonts', 'DejaVuSans.ttf'), shipped('assets', 'fonts', 'DejaVuSans-Bold.ttf')];

export type ChartOption = Echarts.EChartsCoreOption;

const load = createRequire(import.meta.url);
let libraries: { echarts: typeof Echarts; resvg: typeof ResvgJs } | undefined;

/** ECharts and resvg weigh more than the rest of the bot together: they load with the first chart. */
function drawingLibraries() {
  libraries ??= { echarts: load('echarts') as typeof Echarts, resvg: load('@resvg/resvg-js') as typeof ResvgJs };
  return libraries;
}

/** The PNG of one chart, `CHART_WIDTH` pixels wide. */
export function drawChart(option: ChartOption, height: number): Uint8Array {
  const { echarts, resvg } = drawingLibraries();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  let svg: string;
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY, color: '#1f2937' },
      ...option,
    });
    svg = chart.renderToSVGString();
  } finally {
    // An undisposed chart keeps a timer alive.
    chart.dispose();
  }
  const png = new resvg.Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: CHART_WIDTH },
  });
  return png.render().asPng();
}

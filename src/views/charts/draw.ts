// A chart drawn on the server with no browser: Apache ECharts renders SVG, resvg turns it into a PNG with the
// fonts shipped in assets/fonts (Cyrillic included), so the picture is the same on every machine.
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/** Wide enough to stay sharp on a phone held sideways and zoomed. */
export const CHART_WIDTH = 1200;
export const FONT_FAMILY = 'DejaVu Sans';
const FONTS = join(import.meta.dirname, '..', '..', '..', 'assets', 'fonts');
const FONT_FILES = [join(FONTS, 'DejaVuSans.ttf'), join(FONTS, 'DejaVuSans-Bold.ttf')];

export type ChartOption = echarts.EChartsCoreOption;

/** The PNG of one chart, `CHART_WIDTH` pixels wide. */
export function drawChart(option: ChartOption, height: number): Uint8Array {
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
  const png = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'width', value: CHART_WIDTH },
  });
  return png.render().asPng();
}

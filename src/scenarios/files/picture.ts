// A view as a picture: the chart as a PNG, captioned with the text view's headline and its one hint.

import { drawChartOf } from '../../views/charts/charts.ts';
import { PICTURE_TITLES } from '../../views/messages-files.ts';
import type { Reply } from '../../views/reply.ts';
import type { ChartData } from '../../vocabulary/charts.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';

/** The headline (first line) and the hint line of a rendered view. */
function captionOf(replies: Reply[]): string {
  const lines = replies.flatMap((reply) => reply.html.split('\n'));
  const hint = lines.find((line) => line.startsWith('💡'));
  return [lines[0], hint].filter((line) => line?.trim()).join('\n');
}

/** The picture of a view, captioned from the view as text (`rendered`). */
export function pictureReply(view: ViewModel, rendered: Reply[], chart: ChartData, language: Language): Reply {
  return {
    html: captionOf(rendered),
    attachment: {
      kind: 'photo',
      fileName: `${PICTURE_TITLES[chart.chart][language]} ${view.at.today}.png`,
      data: drawChartOf(chart, language),
    },
  };
}

import { moneyTotals } from '../../views/format.ts';
import { dealLine } from '../../views/items.ts';
import { buttonLabel, hintLine, type Page, portalText, quoted, sections } from '../../views/lines.ts';
import { DEALS_HINT, NEW_LEADS_THIS_WEEK, NO_DEALS_HINT, NO_DEALS_IN_PIPELINE } from '../../views/messages-deals.ts';
import type { Button } from '../../views/reply.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { dealButtons, stuckSection } from './deals-view.ts';

export function renderPipeline(view: Extract<ViewModel, { view: 'pipeline' }>, language: Language): Page {
  const name = view.pipelineName ? ` ${quoted(portalText(view.pipelineName), language)}` : '';
  const header = `📊 ${say(language, 'Воронка', 'Pipeline')}${name}`;
  const total = view.stages.reduce((sum, stage) => sum + stage.count, 0);
  const stages = view.stages.map(
    (stage) =>
      `• ${portalText(stage.name)} — ${count(stage.count, 'deal', language)}${stage.sums.length > 0 ? `, ${moneyTotals(stage.sums, language)}` : ''}`,
  );
  const buttons: Button[][] = [
    ...dealButtons(view.stuck.items, 2),
    ...view.pipelines.map((pipeline) => [
      {
        text: buttonLabel('📊 ', pipeline.name),
        action: {
          kind: 'show' as const,
          request: { scenario: 'pipeline' as const, categoryId: pipeline.id },
          inPlace: true,
        },
      },
    ]),
  ];
  return {
    lines: sections(
      header,
      total > 0
        ? [
            ...stages,
            `${say(language, 'Итого', 'Total')}: ${count(total, 'deal', language)} ${say(language, 'на', 'worth')} ${moneyTotals(view.sums, language)}`,
          ]
        : NO_DEALS_IN_PIPELINE[language],
      stuckSection(view.stuck, language, 10, (deal) => dealLine(deal, language, { links: view.links })),
      `🆕 ${NEW_LEADS_THIS_WEEK[language]}: ${view.newLeads}`,
      hintLine(total > 0 ? DEALS_HINT[language] : NO_DEALS_HINT[language]),
    ),
    buttons,
  };
}

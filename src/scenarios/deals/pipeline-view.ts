import { moneyTotals } from '../../views/format.ts';
import { dealLine } from '../../views/items.ts';
import { buttonLabel, hintLine, type Page, portalText, quoted, sections } from '../../views/lines.ts';
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
        : say(language, 'Открытых сделок в этой воронке нет.', 'No open deals in this pipeline.'),
      stuckSection(view.stuck, language, 10, (deal) => dealLine(deal, language, { links: view.links })),
      `🆕 ${say(language, 'Новых лидов за неделю', 'New leads this week')}: ${view.newLeads}`,
      hintLine(
        total > 0
          ? say(
              language,
              'Могу открыть карточку сделки или перевести её на другой этап.',
              'I can open a deal or move it to another stage.',
            )
          : say(
              language,
              'Могу создать сделку: назовите её и сумму.',
              'I can create a deal: give me its name and amount.',
            ),
      ),
    ),
    buttons,
  };
}

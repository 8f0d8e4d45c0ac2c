import { dayInWords, localDateOf, money } from '../../views/format.ts';
import { activityLine, taskLine } from '../../views/items.ts';
import { hintLine, listLines, type Page, portalText, sections, titleText } from '../../views/lines.ts';
import {
  CHANGE_STAGE_BUTTON,
  DEAL_CARD_HINT,
  LATEST_ACTIVITIES,
  noMovementFor,
  OPEN_TASKS,
} from '../../views/messages-deals.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ActivityItem, Moment, ViewModel } from '../../vocabulary/view-models.ts';
import { completeButtons } from '../tasks/tasks-view.ts';

/** A CRM record's latest activities under their heading; nothing when there are none. */
export function activitiesSection(activities: ActivityItem[], at: Moment, language: Language): string[] | undefined {
  if (activities.length === 0) return undefined;
  return [
    `🕑 ${LATEST_ACTIVITIES[language]}:`,
    ...listLines(activities, (one) => activityLine(one, at, language), 'record', language),
  ];
}

export function renderDealCard(view: Extract<ViewModel, { view: 'dealCard' }>, language: Language): Page {
  const { deal } = view;
  const stage = [deal.pipelineName, deal.stageName].filter(Boolean).map(portalText).join(': ');
  const facts = [
    `💰 ${money(deal.amount.amount, deal.amount.currency, language)}`,
    stage ? `📍 ${say(language, 'Этап', 'Stage')}: ${stage}` : '',
    deal.companyTitle ? `🏢 ${portalText(deal.companyTitle)}` : '',
    deal.contactName ? `👤 ${portalText(deal.contactName)}` : '',
    deal.responsible
      ? `🧑‍💼 ${say(language, 'Ответственный', 'Owner')}: ${portalText(deal.responsible.name)}${deal.responsible.position ? `, ${portalText(deal.responsible.position)}` : ''}`
      : '',
    deal.createdAt
      ? `🗓 ${say(language, 'Создана', 'Created')}: ${dayInWords(localDateOf(deal.createdAt), language, view.at.today)}`
      : '',
  ].filter(Boolean);
  const stuck =
    deal.stuckDays !== undefined ? `💤 ${noMovementFor(count(deal.stuckDays, 'day', language), language)}` : undefined;
  const tasks =
    view.tasks.length > 0
      ? [
          `✅ ${OPEN_TASKS[language]}:`,
          ...listLines(view.tasks, (task) => taskLine(task, view.at, language), 'task', language),
        ]
      : undefined;
  return {
    lines: sections(
      `💼 <b>${titleText(deal.title, language)}</b>`,
      facts,
      stuck,
      deal.comments ? `📝 ${portalText(deal.comments)}` : undefined,
      activitiesSection(view.activities, view.at, language),
      tasks,
      hintLine(DEAL_CARD_HINT[language]),
    ),
    buttons: [
      [{ text: CHANGE_STAGE_BUTTON[language], action: { kind: 'chooseStage', dealId: deal.id } }],
      ...completeButtons(view.tasks, language, 3),
    ],
  };
}

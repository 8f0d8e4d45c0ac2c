// One line per item, the same in every view: a task, a meeting, a deal, a stage change, a lead, an activity.
import type { Language } from '../vocabulary/director.ts';
import type { RecordLinks } from '../vocabulary/record-links.ts';
import type {
  ActivityItem,
  Clash,
  DealItem,
  DealMove,
  EventItem,
  LeadItem,
  Moment,
  TaskItem,
} from '../vocabulary/view-models.ts';
import { dateInWords, dueInWords, localDateOf, money, relativeDay, timeOf } from './format.ts';
import { opens, portalText, quoted, titleText } from './lines.ts';
import { ALL_DAY, daysWithoutMovement, MOVED_TO_STAGE, NO_DEADLINE_YET } from './messages-lines.ts';
import { count, say } from './words.ts';

export function timeRange(event: EventItem, language: Language): string {
  if (event.allDay) return ALL_DAY[language];
  const from = timeOf(event.from, language);
  const to = timeOf(event.to, language);
  return from === to ? from : `${from}–${to}`;
}

export function eventLine(event: EventItem, language: Language, links?: RecordLinks): string {
  const place = event.location ? ` (${portalText(event.location)})` : '';
  return `${timeRange(event, language)} ${titleText(event.title, language)}${place}${opens(links, 'event', event.id)}`;
}

export function clashLine(clash: Clash, language: Language): string {
  const one = (event: EventItem) =>
    `${quoted(titleText(event.title, language), language)} (${timeRange(event, language)})`;
  return `⚡ ${say(language, 'Пересекаются', 'Overlap')}: ${one(clash.first)} ${say(language, 'и', 'and')} ${one(clash.second)}`;
}

/** `whose`: the responsible's name after the deadline (left out where the header already says whose they are). */
export function taskLine(task: TaskItem, at: Moment, language: Language, links?: RecordLinks, whose = true): string {
  const due = task.deadline ? dueInWords(task.deadline, at.today, language) : NO_DEADLINE_YET[language];
  const who = whose && task.responsible ? ` · ${portalText(task.responsible.name)}` : '';
  const link = opens(links, 'task', task.id, task.responsible?.id);
  return `${task.overdue ? '⚠️ ' : ''}${titleText(task.title, language)} — ${due}${who}${link}`;
}

/** `whose`: the responsible's name after when it was closed (left out where the header says whose they are). */
export function closedTaskLine(
  task: TaskItem,
  at: Moment,
  language: Language,
  links?: RecordLinks,
  whose = false,
): string {
  const when = task.closedAt
    ? ` — ${localDateOf(task.closedAt) === at.today ? timeOf(task.closedAt, language) : dateInWords(localDateOf(task.closedAt), language)}`
    : '';
  const who = whose && task.responsible ? ` · ${portalText(task.responsible.name)}` : '';
  return `${titleText(task.title, language)}${when}${who}${opens(links, 'task', task.id, task.responsible?.id)}`;
}

export function dealLine(
  deal: DealItem,
  language: Language,
  options: { pipeline?: boolean; responsible?: boolean; links?: RecordLinks | undefined } = {},
): string {
  const parts = [money(deal.amount.amount, deal.amount.currency, language)];
  const stage = [options.pipeline && deal.pipelineName ? portalText(deal.pipelineName) : '', portalText(deal.stageName)]
    .filter(Boolean)
    .join(': ');
  if (stage) parts.push(stage);
  if (deal.stuckDays !== undefined) {
    parts.push(daysWithoutMovement(count(deal.stuckDays, 'day', language), language));
  }
  if (options.responsible && deal.responsible) parts.push(portalText(deal.responsible.name));
  const link = opens(options.links, 'deal', deal.id);
  return `${deal.stuckDays !== undefined ? '💤 ' : ''}${titleText(deal.title, language)} — ${parts.join(' · ')}${link}`;
}

export function moveLine(move: DealMove, at: Moment, language: Language, links?: RecordLinks): string {
  const icon = move.outcome === 'success' ? '🏆 ' : move.outcome === 'failure' ? '❌ ' : '';
  const stages = move.fromStage
    ? `${portalText(move.fromStage)} → ${portalText(move.toStage)}`
    : // The stage it came from is older than the history read: said in words, not as an arrow from nothing.
      `${MOVED_TO_STAGE[language]} ${portalText(move.toStage)}`;
  const day = localDateOf(move.at);
  const when = day === at.today ? timeOf(move.at, language) : relativeDay(day, at.today, language);
  return `${icon}${titleText(move.dealTitle, language)}: ${stages} (${when})${opens(links, 'deal', move.dealId)}`;
}

export function leadLine(lead: LeadItem, at: Moment, language: Language, links?: RecordLinks): string {
  const day = lead.createdAt ? localDateOf(lead.createdAt) : '';
  const when = !lead.createdAt
    ? ''
    : day === at.today
      ? `${timeOf(lead.createdAt, language)} `
      : `${relativeDay(day, at.today, language)} ${timeOf(lead.createdAt, language)} `;
  const details = [lead.sourceName, lead.responsible?.name].filter(Boolean).map((text) => portalText(text ?? ''));
  const about = details.length > 0 ? ` — ${details.join(' · ')}` : '';
  return `${when}${titleText(lead.title, language)}${about}${opens(links, 'lead', lead.id)}`;
}

const activityIcons: Record<ActivityItem['kind'], string> = {
  meeting: '🤝',
  call: '📞',
  task: '📌',
  email: '✉️',
  other: '📎',
};

export function activityLine(activity: ActivityItem, at: Moment, language: Language): string {
  const when = activity.at ? `${relativeDay(localDateOf(activity.at), at.today, language)} — ` : '';
  return `${activityIcons[activity.kind]} ${when}${titleText(activity.subject, language)}`;
}

// Who is away: the header says why (or anyone), when, and that it is the absence chart's word; one line per person
// with the entry's own name and its days; today, who has not opened the work day though not away.

import { dateInWords, timeOf } from '../../views/format.ts';
import { hintLine, type Page, portalText } from '../../views/lines.ts';
import {
  ABSENCE_HINT,
  ABSENCE_TITLE,
  BY_ABSENCE_CHART,
  BY_CHART_AND_DAY,
  dayNotStarted,
  fromDay,
  NOBODY_AWAY,
  untilDay,
} from '../../views/messages-abilities.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { Absent, Person, ViewModel } from '../../vocabulary/view-models.ts';
import { periodWords } from './query-view.ts';

type AbsenceView = Extract<ViewModel, { view: 'absence' }>;

/** «сегодня», «завтра», «25 ноября», «с 23 по 29 ноября». */
function when(view: AbsenceView, language: Language): string {
  if (view.from === view.to && view.from === view.at.today) return say(language, 'сегодня', 'today');
  return periodWords({ from: view.from, to: view.to }, view.at.today, language, true).replace(/^(?:на|on)\s+/u, '');
}

/** «• Мария Орлова, Менеджер по продажам». */
export const personLine = (person: Person) =>
  `• ${portalText(person.name)}${person.position ? `, ${portalText(person.position)}` : ''}`;

function absentLine(one: Absent, view: AbsenceView, language: Language): string {
  const days = [
    one.first > view.from ? fromDay(dateInWords(one.first, language))[language] : '',
    untilDay(dateInWords(one.last, language))[language],
  ].filter(Boolean);
  return `${personLine(one.person)} — ${portalText(one.title)}, ${days.join(' ')}`;
}

export function renderAbsence(view: AbsenceView, language: Language): Page {
  const source = view.notStarted ? BY_CHART_AND_DAY : BY_ABSENCE_CHART;
  const scope = view.scope ? ` · ${portalText(view.scope)}` : '';
  const title = `${ABSENCE_TITLE[view.asked][language]} ${when(view, language)}${scope}${source[language]}`;
  const count = view.away.length + (view.notStarted?.length ?? 0);
  const lines = [`<b>${title}: ${count}</b>`];
  lines.push(...(view.away.length ? view.away.map((one) => absentLine(one, view, language)) : [NOBODY_AWAY[language]]));
  const time = timeOf(view.at.now, language, view.at.timeZone);
  if (view.notStarted?.length) lines.push('', dayNotStarted(time)[language], ...view.notStarted.map(personLine));
  return { lines: [...lines, '', hintLine(ABSENCE_HINT[language])] };
}

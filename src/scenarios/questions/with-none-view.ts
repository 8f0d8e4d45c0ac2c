// «у кого нет ни одной закрытой задачи»: the header says which tasks, when and whose, and how many of how many;
// one line per employee who has none.

import { hintLine, type Page } from '../../views/lines.ts';
import {
  EVERYONE_HAS,
  ofScope,
  WITH_NONE_HINT,
  WITHOUT_DONE_TASKS,
  WITHOUT_OPEN_TASKS,
} from '../../views/messages-abilities.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';
import { personLine } from './absence-view.ts';
import { periodWords, whose } from './query-view.ts';

type WithNoneView = Extract<ViewModel, { view: 'withNone' }>;

export function renderWithNone(view: WithNoneView, language: Language): Page {
  const { query } = view;
  const title = (query.status === 'done' ? WITHOUT_DONE_TASKS : WITHOUT_OPEN_TASKS)[language];
  const when = query.period ? ` ${periodWords(query.period, view.at.today, language, query.status !== 'done')}` : '';
  const scope = `${ofScope(view.scope)[language]}${whose(view.filters, language)}`;
  const header = `<b>${title}${when}: ${view.people.length}${scope}</b>`;
  const lines = view.people.length ? view.people.map(personLine) : [EVERYONE_HAS[language]];
  return { lines: [header, ...lines, '', hintLine(WITH_NONE_HINT[language])] };
}

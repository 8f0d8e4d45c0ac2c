// A typed question (a count, a sum, a list, a grouping, a comparison, «без задач»), and who is away.

import { letters } from '../../letters.ts';
import { READS } from '../../vocabulary/catalogue.ts';
import { employeesWithNone } from '../../vocabulary/query.ts';
import { defineScenario, renders } from '../entry.ts';
import { chartOfGroups } from '../files/chart-data.ts';
import { SHOWN_ABSENT, SHOWN_PEOPLE_WITH_NONE, SHOWN_QUERY } from '../shown-lists.ts';
import { absence } from './absence.ts';
import { renderAbsence } from './absence-view.ts';
import { comparePeriods, comparisonChart } from './compare.ts';
import { renderComparison } from './comparison-view.ts';
import { runQuery } from './query-run.ts';
import { renderQuery, renderQueryChoice, renderQueryNotFound } from './query-view.ts';
import { withNone } from './with-none.ts';
import { renderWithNone } from './with-none-view.ts';

export const QUERY = defineScenario({
  name: 'query',
  request: READS.query,
  run: (context, { query, offset }) => {
    if (query.compare) return comparePeriods(context, query);
    if (employeesWithNone(query)) return withNone(context, query);
    return runQuery(context, query, offset ?? 0);
  },
  views: renders({
    query: renderQuery,
    comparison: renderComparison,
    withNone: renderWithNone,
    queryChoice: renderQueryChoice,
    queryNotFound: renderQueryNotFound,
  }),
  shown: { query: SHOWN_QUERY, withNone: SHOWN_PEOPLE_WITH_NONE },
  status: { ru: 'Смотрю в Битрикс24…', en: 'Checking Bitrix24…' },
  // A typed question goes on through «ещё» and the pick list, and its files through its stored key.
  code: null,
  chart: async (_context, view) =>
    view.view === 'query' ? chartOfGroups(view) : view.view === 'comparison' ? comparisonChart(view) : undefined,
});

export const ABSENCE = defineScenario({
  name: 'absence',
  request: READS.absence,
  run: (context, request) => absence(context, request),
  views: renders({ absence: renderAbsence }),
  shown: { absence: SHOWN_ABSENT },
  status: { ru: 'Смотрю график отсутствий…', en: 'Checking who is away…' },
  code: 'ab',
  namedBy: letters(
    /(?<![\p{L}\p{N}])(?:отпуск|больни|боле|командиров|отсутств|не\s+работа|absen|vacation|holiday|sick|leave|trip|off\s+today)/iu,
  ),
  tool: 'Кто отсутствует с date по to (reason: vacation, sick, trip, away или notWorking)',
});

// A follow-up refines any part of the last question and keeps the rest, generated from parts: the kind of part
// said now × the kind of question before it × the small words around it. Plan questions are composed from plan
// words × a manager × a period; periods of the last N days keep their days. Monday 7 December 2026 in Moscow.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import type { Intent } from '../../src/understanding/understanding.ts';
import type { Query } from '../../src/vocabulary/query.ts';

const now = new Date('2026-12-07T01:30:00Z');
const intentOf = (text: string, previous?: Intent) =>
  understand(text, { now, timeZone: 'Europe/Moscow', previous }).intent;
const asked = (query: Query): Intent => ({ kind: 'view', request: { scenario: 'query', query } });
const QUARTER = { from: '2026-10-01', to: '2026-12-07' };

/** The questions a follow-up may come after: a person's, a client's, a period's, a status's. */
const BEFORE: Query[] = [
  { subject: 'deals', status: 'won', period: QUARTER, person: 'Кузнецова' },
  { subject: 'deals', status: 'lost', person: 'Соколова' },
  { subject: 'deals', status: 'open', person: 'Морозовой', stage: 'финальный счёт' },
  { subject: 'leads', period: { from: '2026-12-01', to: '2026-12-07' } },
];

/** The part said now, and what it sets in the question. */
const PARTS: [said: string, part: Partial<Query>, subjects: Query['subject'][]][] = [
  ['сколько это в сумме', { measure: 'sum' }, ['deals']],
  ['на какую сумму', { measure: 'sum' }, ['deals']],
  ['в деньгах', { measure: 'sum' }, ['deals']],
  ['по количеству', { measure: 'count' }, ['deals', 'leads']],
  ['по менеджерам', { groupBy: 'manager' }, ['deals', 'leads']],
  ['откуда они', { groupBy: 'source' }, ['leads']],
  ['в прошлом месяце', { period: { from: '2026-11-01', to: '2026-11-30' } }, ['deals', 'leads']],
  ['за неделю', { period: { from: '2026-12-01', to: '2026-12-07' } }, ['deals', 'leads']],
];
const FILLERS = ['а ', 'а ', 'ну а ', 'и '];
const ENDS = ['?', '', '??'];

describe('a follow-up part × the question before it × the small words around it', () => {
  const cases = BEFORE.flatMap((before, b) =>
    PARTS.filter(([, , subjects]) => subjects.includes(before.subject)).map(
      ([said, part], p) => [`${FILLERS[(b + p) % 4]}${said}${ENDS[(b + p) % 3]}`, before, part] as const,
    ),
  );
  it.each(cases)('«%s» after %j keeps the rest', (text, before, part) => {
    const intent = intentOf(text, asked(before));
    expect(intent).toMatchObject({ kind: 'view', request: { scenario: 'query' } });
    const query = (intent as { request: { query: Query } }).request.query;
    expect(query).toMatchObject(part);
    // Whose, which client and which stage stay as they were.
    for (const key of ['person', 'client', 'stage'] as const) expect(query[key]).toBe(before[key]);
    if (!part.period) expect(query.period).toEqual(before.period);
  });

  it('«а конверсия?» after a person’s lost deals of a quarter is that person’s conversion in that quarter', () => {
    const before = { subject: 'deals', status: 'lost', period: QUARTER, person: 'Кузнецова' } as const;
    expect(intentOf('а конверсия?', asked(before))).toEqual(
      asked({ subject: 'deals', period: QUARTER, person: 'Кузнецова', measure: 'conversion' }),
    );
  });

  it('«а по техносфере?» after a client’s tasks is another client’s', () => {
    expect(intentOf('а по техносфере?', asked({ subject: 'tasks', client: 'ромашке' }))).toEqual(
      asked({ subject: 'tasks', client: 'техносфере' }),
    );
  });

  it.each([
    ['а на следующей?', { from: '2026-12-14', to: '2026-12-20' }],
    ['а прошлой?', { from: '2026-11-30', to: '2026-12-06' }],
  ])('«%s» moves the last period one step', (text, period) => {
    const before = { subject: 'meetings', person: 'me', period: { from: '2026-12-07', to: '2026-12-13' } } as const;
    expect(intentOf(text, asked(before))).toEqual(asked({ ...before, period }));
  });

  it('a breakdown of two periods side by side is said back, with the one period’s breakdown as the nearest', () => {
    const before = asked({
      subject: 'deals',
      status: 'won',
      measure: 'sum',
      compare: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect(intentOf('а по менеджерам?', before)).toMatchObject({
      unapplied: ['по менеджерам'],
      request: { query: { groupBy: 'manager', period: { from: '2026-01-01', to: '2026-12-07' } } },
    });
  });
});

describe('follow-ups after the ready-made views', () => {
  const view = (request: object): Intent => ({ kind: 'view', request }) as Intent;
  it.each([
    ['а прошлой недели?', view({ scenario: 'weeklyReport' }), { scenario: 'weeklyReport', weeksAgo: 1 }],
    ['и за прошлую неделю', view({ scenario: 'weeklyReport', weeksAgo: 2 }), { scenario: 'weeklyReport', weeksAgo: 1 }],
    [
      'а на следующей неделе?',
      view({ scenario: 'absence', date: '2026-12-07', reason: 'away' }),
      { scenario: 'absence', date: '2026-12-14', to: '2026-12-20', reason: 'away' },
    ],
    ['а отдел проектов?', view({ scenario: 'teamStatus' }), { scenario: 'teamStatus', department: 'проектов' }],
    ['а у логистов?', view({ scenario: 'teamStatus' }), { scenario: 'teamStatus', department: 'логистов' }],
    ['и финансовый отдел', view({ scenario: 'teamStatus' }), { scenario: 'teamStatus', department: 'финансовый' }],
    [
      'а Морозовой?',
      view({ scenario: 'pipeline' }),
      { scenario: 'query', query: { subject: 'deals', person: 'Морозовой', groupBy: 'stage', status: 'open' } },
    ],
    [
      'а по менеджерам?',
      view({ scenario: 'pipeline' }),
      { scenario: 'query', query: { subject: 'deals', groupBy: 'manager', status: 'open' } },
    ],
    [
      'а в деньгах по месяцам?',
      view({ scenario: 'pipeline' }),
      { scenario: 'query', query: { subject: 'deals', status: 'open', groupBy: 'month', measure: 'sum' } },
    ],
  ])('«%s» after %j', (text, before, request) => {
    expect(intentOf(text, before)).toEqual({ kind: 'view', request });
  });

  it('«кто в отпуске» after the team status is not a department', () => {
    expect(intentOf('кто в отпуске', view({ scenario: 'teamStatus' }))).toMatchObject({
      request: { scenario: 'absence' },
    });
  });
});

describe('plan questions in any wording: plan words × a manager × a period', () => {
  const WORDINGS = [
    (who: string, when: string) => `как ${who} по плану${when}`,
    (who: string, when: string) => `что с планом${who ? ` у ${who}` : ''}${when}`,
    (who: string, when: string) => `${who ? `а ${who} ` : ''}успеет${who ? '' : 'м'}${when}?`,
    (who: string, when: string) => `сколько осталось до плана${who ? ` у ${who}` : ''}${when}`,
    (who: string, when: string) => `план${who ? ` ${who}` : ''}${when}`,
  ];
  const WHO = [
    ['', undefined],
    ['Волкова', 'Волкова'],
  ] as const;
  const WHEN = [
    ['', {}],
    [' на квартал', { kind: 'quarter', start: '2026-10-01' }],
    [' в ноябре', { kind: 'month', start: '2026-11-01' }],
  ] as const;
  const cases = WORDINGS.flatMap((wording) =>
    WHO.flatMap(([who, manager]) => WHEN.map(([when, period]) => [wording(who, when), manager, period] as const)),
  );
  it.each(cases)('«%s»', (text, manager, period) => {
    const intent = intentOf(text.replace(/\s+/gu, ' ').trim());
    expect(intent).toMatchObject({ kind: 'view', request: { scenario: 'plan', ...period } });
    expect((intent as { request: { manager?: string } }).request.manager).toBe(manager);
  });

  it.each(['план', 'ЧТО С ПЛАНОМ???', 'как мы по плану'])('«%s» is the company’s plan', (text) => {
    expect(intentOf(text)).toEqual({ kind: 'view', request: { scenario: 'plan' } });
  });

  it('«что будет в конце года» is the year’s forecast; «почему так» after a plan explains it', () => {
    expect(intentOf('что будет в конце года')).toEqual({
      kind: 'view',
      request: { scenario: 'plan', kind: 'year', start: '2026-01-01' },
    });
    const plan: Intent = { kind: 'view', request: { scenario: 'plan', manager: 'Соколов' } };
    expect(intentOf('почему так', plan)).toEqual({
      kind: 'view',
      request: { scenario: 'plan', manager: 'Соколов', why: 1 },
    });
  });

  it.each(['какие сделки горят', 'горящие сделки'])('«%s» are the deals at risk, not a name', (text) => {
    expect(intentOf(text)).toEqual({ kind: 'view', request: { scenario: 'dealsAtRisk' } });
  });
});

describe('the funnel and deals by stage, pipeline and person', () => {
  it.each([
    ['воронка Морозовой', { person: 'Морозовой' }],
    ['воронка по тендерам', { pipeline: 'тендерам' }],
    ['покажи воронку Соколова', { person: 'Соколова' }],
  ])('«%s» is the open deals by stage, filtered', (text, filter) => {
    expect(intentOf(text)).toEqual(asked({ subject: 'deals', status: 'open', groupBy: 'stage', ...filter }));
  });

  it.each([
    ['сделки на этапе финальный счёт', 'финальный счёт'],
    ['сделки в стадии новая', 'новая'],
    ['сделки на финальном счёте', 'финальном счёте'],
    ['сделки Попова на финальном счёте', 'финальном счёте'],
  ])('«%s» are at the stage «%s»', (text, stage) => {
    expect(intentOf(text)).toMatchObject({ request: { query: { subject: 'deals', stage } } });
  });
});

describe('periods of the last N days', () => {
  it.each([
    ['лиды за неделю', { from: '2026-12-01', to: '2026-12-07' }],
    ['лиды за 7 дней', { from: '2026-12-01', to: '2026-12-07' }],
    ['лиды за последние 10 дней', { from: '2026-11-28', to: '2026-12-07' }],
    ['задачи закрытые за 14 дней', { from: '2026-11-24', to: '2026-12-07' }],
  ])('«%s» are the days up to today', (text, period) => {
    expect(intentOf(text)).toMatchObject({ request: { query: { period } } });
  });
});

describe('a pronoun after a preposition points at whom the last answer was about', () => {
  const view = (request: object): Intent => ({ kind: 'view', request }) as Intent;
  const POINTERS = ['с ними', 'с ним', 'с ней', 'у них', 'у неё', 'по ней', 'по нему', 'для них'];
  const BEFORE: [Intent, keyof Query, string][] = [
    [view({ scenario: 'dossier', query: 'Техносфера' }), 'client', 'Техносфера'],
    [asked({ subject: 'tasks', client: 'Ромашке' }), 'client', 'Ромашке'],
    [asked({ subject: 'deals', person: 'Кузнецовой' }), 'person', 'Кузнецовой'],
  ];
  const cases = POINTERS.flatMap((pointer, index) => {
    const [before, key, name] = BEFORE[index % BEFORE.length]!;
    const said = /^(?:у|с)/u.test(pointer) ? 'сделки' : 'задачи';
    return [[`а ${said} ${pointer}?`, before, key, name] as const];
  });
  it.each(cases)('«%s»', (text, before, key, name) => {
    const intent = intentOf(text, before) as { request: { query: Query } };
    expect(intent.request.query[key] ?? intent.request.query.person ?? intent.request.query.client).toBe(name);
  });

  it('«а сколько мы с ними заработали?» after a dossier is the money from that client', () => {
    expect(intentOf('а сколько мы с ними заработали?', view({ scenario: 'dossier', query: 'Техносфера' }))).toEqual(
      asked({ subject: 'deals', client: 'Техносфера', status: 'won', measure: 'sum' }),
    );
  });

  it.each(['сделки с ними', 'задачи по ней', 'сколько мы с ними заработали'])(
    '«%s» with nobody before names nobody: the pronoun is said back, never looked up',
    (text) => {
      const intent = intentOf(text);
      expect(JSON.stringify(intent)).not.toMatch(/"(?:client|person)":"(?:ними|ней)"/u);
    },
  );
});

describe('follow-ups switching the name or the person of a ready-made view', () => {
  const view = (request: object): Intent => ({ kind: 'view', request }) as Intent;
  it.each([
    ['а Петрова', view({ scenario: 'search', query: 'Иванов' }), { scenario: 'search', query: 'Петров' }],
    ['а Ромашки?', view({ scenario: 'dossier', query: 'Техносфера' }), { scenario: 'dossier', query: 'Ромашка' }],
    [
      'а у Кузнецовой завтра что?',
      view({ scenario: 'schedule', date: '2026-12-09' }),
      {
        scenario: 'query',
        query: { subject: 'meetings', person: 'Кузнецовой', period: { from: '2026-12-08', to: '2026-12-08' } },
      },
    ],
  ])('«%s» after %j', (text, before, request) => {
    expect(intentOf(text, before)).toEqual({ kind: 'view', request });
  });

  it('an English follow-up refines an English question', () => {
    const before = intentOf('show deals of Sokolov');
    expect(intentOf('only lost ones', before)).toEqual(asked({ subject: 'deals', person: 'Sokolov', status: 'lost' }));
  });

  it.each([
    ['горящие сделки Соколова', 'Соколова'],
    ['сделки Морозовой под угрозой', 'Морозовой'],
  ])('«%s» are the deals at risk of %s', (text, manager) => {
    expect(intentOf(text)).toEqual({ kind: 'view', request: { scenario: 'dealsAtRisk', manager } });
  });
});

describe('ordinary words after a question are never a name', () => {
  const before = asked({ subject: 'tasks', person: 'Попова' });
  it.each(['Нет', 'нет', 'Да', 'Следующей', 'Горят'])('«%s» after «задачи Попова» looks nobody up', (text) => {
    expect(JSON.stringify(intentOf(text, before))).not.toMatch(new RegExp(`"(?:person|client)":"${text}"`, 'iu'));
  });
});

describe('a question of its own after a ready-made view is not taken for a follow-up', () => {
  const view = (request: object): Intent => ({ kind: 'view', request }) as Intent;
  it.each([
    [view({ scenario: 'pipeline' }), 'дай расписание на среду', 'schedule'],
    [view({ scenario: 'schedule', date: '2026-12-08' }), 'задачи Попова', 'query'],
    [view({ scenario: 'teamStatus' }), 'кто в отпуске', 'absence'],
  ])('after %j, «%s» is its own question', (before, text, scenario) => {
    expect(intentOf(text, before)).toMatchObject({ kind: 'view', request: { scenario } });
  });
});

// A grouping, a top-N and an order are parts of the question composed with everything else: «сделки по
// клиентам», «топ-3 клиента по выручке», «сделки по менеджерам» (the open ones: no status or period invented),
// «сколько сделок у каждого менеджера», «сделки по сумме». Each answer is checked against the demo portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-07T01:30:00Z');
const queryOf = (text: string) => {
  const { intent } = understand(text, { now, timeZone: 'Europe/Moscow' });
  return intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : undefined;
};

const BY_CLIENT = ['по клиентам', 'по каждому клиенту', 'по компаниям', 'в разрезе клиентов', 'по всем клиентам'];
const DEALS = [
  'сделки',
  'открытые сделки',
  'проигранные сделки Кузнецовой в ноябре',
  'выручка за год',
  'сколько сделок',
];
const TOPS: [string, number | undefined][] = [
  ['топ 3 клиента', 3],
  ['топ-5 клиентов', 5],
  ['топ клиентов', 10],
  ['самые крупные клиенты', undefined],
  ['крупнейшие клиенты', undefined],
  ['лучшие клиенты', undefined],
];

describe('the router keeps the grouping, the top and the order', () => {
  it.each(DEALS.flatMap((deals) => BY_CLIENT.map((by) => `${deals} ${by}`)))('«%s» is grouped by client', (text) => {
    expect(queryOf(text)).toMatchObject({ subject: 'deals', groupBy: 'client' });
  });

  it.each(TOPS.flatMap(([top, limit]) => ['', ' по выручке', ' за квартал'].map((tail) => [`${top}${tail}`, limit])))(
    '«%s» ranks the clients by what they brought',
    (text, limit) => {
      const query = queryOf(String(text));
      expect(query).toMatchObject({ subject: 'deals', status: 'won', measure: 'sum', groupBy: 'client' });
      expect(query?.limit).toBe(limit);
    },
  );

  it.each(['сделки по менеджерам', 'сколько сделок у каждого менеджера', 'сделки у всех менеджеров'])(
    '«%s» groups the deals by manager with no status or period added',
    (text) => {
      const query = queryOf(text);
      expect(query).toMatchObject({ subject: 'deals', groupBy: 'manager' });
      expect(query?.status).toBeUndefined();
      expect(query?.period).toBeUndefined();
    },
  );

  it.each([
    ['сделки по сумме', 'largest'],
    ['сделки отсортируй по сумме', 'largest'],
    ['сделки отсортируй по дате', 'newest'],
  ])('«%s» is an order', (text, sort) => {
    expect(queryOf(text)?.sort).toBe(sort);
  });

  it('«задачи по клиенту Ромашка» is one client, not a grouping', () => {
    expect(queryOf('задачи по клиенту Ромашка')).toMatchObject({ client: 'Ромашка' });
  });
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9950;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };
  const open = () => h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');

  it('«сделки по менеджерам» are the open deals by manager', async () => {
    expect(await ask('сделки по менеджерам')).toMatch(
      new RegExp(`^📊 Открытые сделки по менеджерам: ${open().length}\\n`, 'u'),
    );
  });

  it('«сделки по клиентам» groups the open deals by their company, the biggest first', async () => {
    const text = await ask('сделки по клиентам');
    expect(text).toMatch(new RegExp(`^📊 Открытые сделки по клиентам: ${open().length}\\n`, 'u'));
    const sums = new Map<string, number>();
    for (const deal of open()) {
      const key = String(deal.COMPANY_ID ?? '');
      sums.set(key, (sums.get(key) ?? 0) + Number(deal.OPPORTUNITY));
    }
    const [top] = [...sums.entries()].sort((a, b) => b[1] - a[1]);
    const company = h.portal.data.companies.find((one) => String(one.ID) === top![0])!;
    expect(text.split('\n')[2]).toContain(`1. ${company.TITLE}`);
  });

  it('«топ 3 клиента по выручке» shows three clients, not a revenue total', async () => {
    const text = await ask('топ 3 клиента по выручке');
    expect(text).toMatch(/^📊 Выигранные сделки за \p{L}+ по клиентам, первые 3: \d+\n/u);
    expect(text.split('\n').filter((line) => /^\d+\. /u.test(line))).toHaveLength(3);
  });
});

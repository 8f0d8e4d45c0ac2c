// Sums as directors say them, in words or as the bot writes them («полмиллиона», «свыше двух миллионов»,
// «1.5 млн», «5-8 млн», «7 140 000»), and deals past their closing day («просроченные сделки»).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-07T01:30:00Z');
const queryOf = (text: string) => {
  const { intent } = understand(text, { now, timeZone: 'Europe/Moscow' });
  return intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : undefined;
};

const SPOKEN: [string, number][] = [
  ['полмиллиона', 500_000],
  ['полумиллиона', 500_000],
  ['полутора миллионов', 1_500_000],
  ['двух миллионов', 2_000_000],
  ['трёх миллионов', 3_000_000],
  ['пяти миллионов', 5_000_000],
  ['десяти тысяч', 10_000],
  ['миллиона', 1_000_000],
  ['1.5 млн', 1_500_000],
  ['2,5 млн', 2_500_000],
];
const ABOVE = ['больше', 'свыше', 'более', 'дороже'];
const BELOW = ['меньше', 'до', 'дешевле'];

describe('the router reads a sum in any form', () => {
  it.each(SPOKEN.flatMap(([said, amount]) => ABOVE.map((word) => [`сделки ${word} ${said}`, amount] as const)))(
    '«%s» is from %d',
    (text, amount) => {
      expect(queryOf(text)?.amount).toEqual({ min: amount });
    },
  );

  it.each(SPOKEN.flatMap(([said, amount]) => BELOW.map((word) => [`сделки ${word} ${said}`, amount] as const)))(
    '«%s» is up to %d',
    (text, amount) => {
      const query = queryOf(text);
      expect(query?.amount).toEqual({ max: amount });
      expect(query?.period).toBeUndefined();
    },
  );

  it.each([
    ['сделки 5-8 млн', { min: 5_000_000, max: 8_000_000 }],
    ['сделки 1–2 млн за ноябрь', { min: 1_000_000, max: 2_000_000 }],
    ['сделки на 7 140 000', { min: 7_140_000, max: 7_140_000 }],
    ['сделки на 7 140 000 ₽', { min: 7_140_000, max: 7_140_000 }],
  ])('«%s» is a range', (text, amount) => {
    expect(queryOf(text)?.amount).toEqual(amount);
  });

  it('«встречи 1.12» is still a day', () => {
    const { intent } = understand('встречи 1.12', { now, timeZone: 'Europe/Moscow' });
    expect(JSON.stringify(intent)).toContain('2026-12-01');
  });

  it.each(['просроченные сделки', 'просроченные сделки Попова', 'сколько просроченных сделок'])(
    '«%s» are the open deals past their closing day',
    (text) => {
      expect(queryOf(text)).toMatchObject({ subject: 'deals', status: 'overdue' });
    },
  );
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9970;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };

  it('«просроченные сделки» counts the open deals whose closing day has passed', async () => {
    const today = h.clock.now.toISOString().slice(0, 10);
    const late = h.portal.data.deals.filter(
      (deal) => deal.STAGE_SEMANTIC_ID === 'P' && String(deal.CLOSEDATE).slice(0, 10) < today,
    );
    expect(late.length).toBeGreaterThan(0);
    expect(await ask('просроченные сделки')).toMatch(new RegExp(`^💼 Просроченные сделки: ${late.length} на `, 'u'));
  });

  it('«сделки на 7 140 000» finds the deal of that sum, as the bot wrote it', async () => {
    const deal = h.portal.data.deals.find((one) => one.STAGE_SEMANTIC_ID === 'P')!;
    const sum = new Intl.NumberFormat('ru-RU').format(Number(deal.OPPORTUNITY)).replace(/\s/gu, ' ');
    const text = await ask(`сделки на ${sum}`);
    expect(text).toMatch(/^💼 Открытые сделки на /u);
    expect(text).toContain(String(deal.TITLE));
  });
});

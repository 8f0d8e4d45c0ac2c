// A header says whose and which records it counts: «моя выручка» is «Ваша выручка», a count of deals keeps
// «Открытые», and «закрытые сделки» are the won and the lost ones together.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-07T01:30:00Z');
const queryOf = (text: string) => {
  const { intent } = understand(text, { now, timeZone: 'Europe/Moscow' });
  return intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : undefined;
};

describe('the router reads whose and which', () => {
  const CLOSED = ['закрытые сделки', 'сколько сделок закрыла Кузнецова', 'сделки Ромашки закрытые', 'закрытых сделок'];
  it.each(CLOSED.flatMap((text) => [text, `${text} за ноябрь`]))('«%s» are the closed deals, won and lost', (text) => {
    expect(queryOf(text)).toMatchObject({ subject: 'deals', status: 'done' });
  });

  it.each(['сколько я продал в этом квартале', 'что я закрыл за неделю', 'моя выручка за ноябрь', 'мой средний чек'])(
    '«%s» is the director’s own',
    (text) => {
      expect(queryOf(text)?.person).toBe('me');
    },
  );
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9990;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };
  const countOf = (text: string) => Number(text.match(/: (\d+)/u)?.[1]);

  it.each([
    ['моя выручка за ноябрь', /^💰 Ваша выручка за ноябрь: /u],
    ['мой средний чек за квартал', /^💰 Ваш средний чек за IV квартал: /u],
    ['моя конверсия за ноябрь', /^📈 Ваша конверсия за ноябрь: /u],
    ['выручка за ноябрь', /^💰 Выручка за ноябрь: /u],
  ])('«%s» says whose', async (text, header) => {
    expect(await ask(text)).toMatch(header);
  });

  it('«сколько сделок закрыла Кузнецова в ноябре» counts her won and lost deals together', async () => {
    const won = countOf(await ask('выигранные сделки Кузнецовой за ноябрь'));
    const lost = countOf(await ask('проигранные сделки Кузнецовой за ноябрь'));
    const text = await ask('сколько сделок закрыла Кузнецова в ноябре');
    expect(text).toMatch(new RegExp(`^💼 Закрытые сделки Ольги Кузнецовой за ноябрь: ${won + lost} `, 'u'));
    expect(lost).toBeGreaterThan(0);
  });

  it.each(['сколько сделок больше 5 млн', 'сколько сделок у Попова', 'сколько сделок'])(
    '«%s» says the deals counted are the open ones',
    async (text) => {
      expect(await ask(text)).toMatch(/^💼 Открытые сделки/u);
    },
  );
});

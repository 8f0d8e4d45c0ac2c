// A status word beside deals is a read: «сделки Ромашки выигранные», «проигранные сделки Попова», «сделки
// Гранита провалены» show the won or lost deals, in any word order, for a client or a person. Only a verb of
// moving («закрой сделку … как выигранную», «переведи сделку … на этап …») proposes a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-07T01:30:00Z');
const kindOf = (text: string) => understand(text, { now, timeZone: 'Europe/Moscow' }).intent.kind;

const WON = ['выигранные', 'выигранных', 'выиграны', 'выиграна', 'успешные', 'успешных', 'закрытые'];
const LOST = ['проигранные', 'проигранных', 'проиграны', 'провалены', 'проваленные', 'неуспешные'];
const DEALS = ['сделки', 'сделка', 'сделок'];
const WHOSE = ['Ромашки', 'ромашки', 'с Ромашкой', 'по Гранита', 'Гранита', 'Попова', 'Морозовой', 'Дмитрия Попова'];
const ORDERS: ((deals: string, whose: string, status: string) => string)[] = [
  (deals, whose, status) => `${deals} ${whose} ${status}`,
  (deals, whose, status) => `${status} ${deals} ${whose}`,
  (deals, whose, status) => `${deals} ${status} ${whose}`,
  (deals, whose, status) => `покажи ${deals} ${whose} ${status} за ноябрь`,
  (deals, whose, status) => `${deals} ${whose} больше 5 млн ${status}`,
];
const reads = [...WON, ...LOST].flatMap((status) =>
  DEALS.flatMap((deals) => WHOSE.flatMap((whose) => ORDERS.map((order) => order(deals, whose, status)))),
);

describe('a status word is what the deals are, never a command', () => {
  it(`none of ${reads.length} reads is taken for a change`, () => {
    const writes = reads.filter((text) => kindOf(text) === 'write');
    expect(writes).toEqual([]);
  });

  const moves = [
    ...['выигранную', 'успешную', 'проигранную', 'проваленную'].flatMap((status) =>
      ['Ромашки', 'с Ромашкой', 'по Ромашке'].flatMap((whose) => [
        `закрой сделку ${whose} как ${status}`,
        `отметь сделку ${whose} как ${status}`,
        `сделку ${whose} закрой как ${status}`,
      ]),
    ),
    'переведи сделку с Ромашкой на этап Переговоры',
    'передвинь сделку Ромашки в счёт на предоплату',
    'сделку с Гранитом переведи на этап Переговоры',
    'mark the deal Romashka as won',
  ];
  it.each(moves)('«%s» still proposes the move', (text) => {
    expect(kindOf(text)).toBe('write');
  });
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9600;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };

  it.each([
    ['сделки Ромашки выигранные', /^💼 Выигранные сделки по клиенту ООО «Ромашка»/u],
    ['сделки ромашки успешные', /^💼 Выигранные сделки по клиенту ООО «Ромашка»/u],
    ['сделки Ромашки провалены', /^💼 Проигранные сделки по клиенту ООО «Ромашка»/u],
    ['сделки Гранита проигранные', /^💼 Проигранные сделки по клиенту ООО «Гранит»/u],
    ['сделки Попова выигранные', /^💼 Выигранные сделки Дмитрия Попова/u],
    [
      'сделки Попова больше 5 млн за ноябрь выигранные',
      /^💼 Выигранные сделки Дмитрия Попова от 5\s000\s000\s₽ за ноябрь/u,
    ],
  ])('«%s» lists the deals and proposes nothing', async (text, header) => {
    const reply = await ask(text);
    expect(reply).toMatch(header);
    expect(reply).not.toMatch(/Перевести|Какую сделку/u);
  });

  it('«закрой сделку с Ромашкой как выигранную» asks to confirm the move', async () => {
    expect(await ask('закрой сделку с Ромашкой как выигранную')).toMatch(
      /^Перевести сделку .+ на этап «Сделка успешна»\?/u,
    );
  });
});

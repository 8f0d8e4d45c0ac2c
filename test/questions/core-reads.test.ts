// Core reads a director types in a few words: the best or the worst manager (the ranking), who handles a
// client (the client's deals by manager), and a name alone (the dossier of whoever is called so). A name
// typed while a question waits is still the answer to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-07T01:30:00Z');
const intentOf = (text: string) => understand(text, { now, timeZone: 'Europe/Moscow' }).intent;

describe('the router reads the core questions', () => {
  const RANKINGS = ['лучший', 'худший', 'самый результативный', 'самый эффективный', 'самый слабый'].flatMap((how) =>
    ['менеджер', 'продавец'].flatMap((who) => [`${how} ${who}`, `${how} ${who} за квартал`]),
  );
  it.each(RANKINGS)('«%s» is the ranking of managers by what they sold', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.request.scenario === 'query' && intent.request.query).toMatchObject({
      subject: 'deals',
      status: 'won',
      groupBy: 'manager',
    });
  });

  it.each(['кто ведет Ромашку', 'кто ведёт Гранит', 'кто курирует Техносферу', 'кто отвечает за Ромашку'])(
    '«%s» is the client’s deals by manager',
    (text) => {
      const intent = intentOf(text);
      expect(intent.kind === 'view' && intent.request.scenario === 'query' && intent.request.query).toMatchObject({
        subject: 'deals',
        groupBy: 'manager',
      });
    },
  );

  it.each(['Ромашка', 'ромашка', 'Попов', 'Дмитрий Попов', '«Верный Курс»'])('«%s» alone is a dossier', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.request.scenario).toBe('dossier');
  });

  it.each(['что у нас с ромашкой', 'что по ромашке', 'как дела у попова'])('«%s» is a dossier too', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.request.scenario).toBe('dossier');
  });

  it.each(['встречи по дням на неделе', 'лиды по дням'])('«%s»: «по дням» is said back, never a name', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.unapplied).toEqual(['по дням']);
  });

  it.each(['привет', 'спасибо', 'задачи', 'сделки Ромашки', 'завтра', 'да', 'как дела', 'как успехи'])(
    '«%s» is no dossier',
    (text) => {
      const intent = intentOf(text);
      expect(intent.kind === 'view' && intent.request.scenario).not.toBe('dossier');
    },
  );
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9980;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };

  it('«ромашка» typed alone opens the client’s dossier', async () => {
    expect(await ask('ромашка')).toMatch(/^🏢 ООО «Ромашка»/u);
  });

  it('a word that names nobody is said plainly', async () => {
    expect(await ask('фывапр')).toMatch(/^❔ Не понял «фывапр»: среди контактов и компаний такого клиента нет\. Могу/u);
  });

  it('«кто ведет Ромашку» names the managers of the client’s deals', async () => {
    expect(await ask('кто ведет Ромашку')).toMatch(
      /^📊 Открытые сделки по клиенту ООО «Ромашка» по менеджерам: \d+\n/u,
    );
  });
});

// Kinds of question composed from the grammar's parts, asked as a director would: two clients at once, an
// abbreviation in a title, ordering and a top-N, negation over deals and clients, the n-th item of the last
// list, and conversion by manager. Each answer is checked against the demo portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let user = 9100;
/** A question from a new director, or from `as` when it follows that director's last question. */
const ask = async (text: string, as?: number) => {
  const id = as ?? ++user;
  const replies = await h.assistant().handleText({ telegramUserId: id, chatId: id }, text);
  return replies.map((reply: Reply) => plainTextOf(reply.html)).join('\n');
};
const company = (title: string) => h.portal.data.companies.find((one) => one.TITLE === `ООО «${title}»`)!;

describe('two clients in one question', () => {
  it('«сделки Ромашки и Гранита» are both clients’ deals, and the header names both', async () => {
    const ids = new Set([company('Ромашка').ID, company('Гранит').ID]);
    const open = h.portal.data.deals.filter((deal) => ids.has(deal.COMPANY_ID) && deal.STAGE_SEMANTIC_ID === 'P');
    expect(open.length).toBeGreaterThan(0);
    const text = await ask('сделки Ромашки и Гранита');
    expect(text).toMatch(
      new RegExp(`^💼 Открытые сделки по клиентам ООО «Ромашка» и ООО «Гранит»: ${open.length} на `, 'u'),
    );
  });

  it('«задачи по Ромашке и Техносфере» are the tasks bound to either card', async () => {
    const codes = [`CO_${company('Ромашка').ID}`, `CO_${company('Техносфера').ID}`];
    const bound = h.portal.data.tasks.filter(
      (task) => Number(task.status) < 5 && (task.ufCrmTask as string[]).some((code) => codes.includes(code)),
    );
    expect(bound.length).toBeGreaterThan(0);
    const text = await ask('задачи по Ромашке и Техносфере');
    expect(text).toMatch(
      new RegExp(`^✅ Задачи по клиентам ООО «Ромашка» и ООО «Техносфера»: ${bound.length}\\n`, 'u'),
    );
  });
});

describe('conversion by manager', () => {
  it('«конверсия по менеджерам» gives each manager’s own share, adding up to the whole', async () => {
    const text = await ask('конверсия по каждому менеджеру за квартал');
    expect(text).toMatch(/^📈 Конверсия за IV квартал по менеджерам: \d+%\n/u);
    const [, won, closed] = text.match(/Выиграно (\d+) из (\d+) закрытых/u)!.map(Number);
    const rows = [...text.matchAll(/^\d+\. \p{Lu}\p{L}+ \p{Lu}\p{L}+ — (\d+)% \((\d+) из (\d+)\)$/gmu)];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.reduce((sum, row) => sum + Number(row[2]), 0)).toBe(won);
    expect(rows.reduce((sum, row) => sum + Number(row[3]), 0)).toBe(closed);
    for (const row of rows) expect(Number(row[1])).toBe(Math.round((Number(row[2]) / Number(row[3])) * 100));
  });
});

describe('ordering and how many', () => {
  const openDeals = () =>
    h.portal.data.deals
      .filter((deal) => deal.STAGE_SEMANTIC_ID === 'P')
      .sort((a, b) => Number(b.OPPORTUNITY) - Number(a.OPPORTUNITY) || Number(a.ID) - Number(b.ID));

  it.each(['топ-5 сделок', '5 самых крупных сделок', 'пять самых крупных сделок'])(
    '«%s» are the five largest open deals, and the header says so',
    async (phrase) => {
      const text = await ask(phrase);
      expect(text).toMatch(/^💼 Открытые сделки, 5 самых крупных: 5 на /u);
      const lines = text.split('\n').filter((line) => line.startsWith('• '));
      expect(lines).toHaveLength(5);
      expect(lines.map((line) => line.split(' — ')[0]!.slice(2))).toEqual(
        openDeals()
          .slice(0, 5)
          .map((deal) => String(deal.TITLE)),
      );
    },
  );

  it('«сделки на большую сумму» are all open deals, the largest first, and say so', async () => {
    const text = await ask('сделки на большую сумму');
    expect(text).toMatch(new RegExp(`^💼 Открытые сделки, сначала самые крупные: ${openDeals().length} на `, 'u'));
    const first = text.split('\n').find((line) => line.startsWith('• '));
    expect(first).toContain(String(openDeals()[0]!.TITLE));
  });

  it('«самые старые задачи» are the director’s open tasks by when they were created, the oldest first', async () => {
    const mine = h.portal.data.tasks
      .filter((task) => Number(task.responsibleId) === 1 && Number(task.status) < 5)
      .sort((a, b) => String(a.createdDate).localeCompare(String(b.createdDate)) || Number(a.id) - Number(b.id));
    expect(mine.length).toBeGreaterThan(1);
    const text = await ask('три самые старые задачи');
    expect(text).toMatch(/^✅ Ваши задачи, 3 самых старых: 3\n/u);
    const lines = text.split('\n').filter((line) => line.startsWith('• '));
    for (const [index, task] of mine.slice(0, 3).entries()) expect(lines[index]).toContain(String(task.title));
  });

  it('«самые крупные задачи Попова»: an order a task has not is said back, never dropped', async () => {
    expect(await ask('самые крупные задачи Попова')).toMatch(/^❔ Не понял «самые крупные»/u);
  });
});

describe('the n-th item of the last list', () => {
  it('«открой третью» after «топ-5 сделок» opens the third deal’s card', async () => {
    const director = 9900;
    await ask('топ-5 сделок', director);
    const third = h.portal.data.deals
      .filter((deal) => deal.STAGE_SEMANTIC_ID === 'P')
      .sort((a, b) => Number(b.OPPORTUNITY) - Number(a.OPPORTUNITY) || Number(a.ID) - Number(b.ID))[2]!;
    const card = await ask('открой третью', director);
    expect(card.split('\n')[0]).toContain(String(third.TITLE));
    expect(card).not.toMatch(/Не понял|нет такой строки/u);
  });

  it('«подробнее о первой» after a list of clients opens the first one’s dossier', async () => {
    const director = 9901;
    const list = await ask('новые компании за год', director);
    const first = list
      .split('\n')
      .find((line) => line.startsWith('• '))!
      .slice(2)
      .replace(/\s*↗$/u, '');
    const dossier = await ask('подробнее о первой', director);
    expect(dossier.split('\n')[0]).toContain(first);
  });

  it('with no list before, «покажи вторую» says there is no such line', async () => {
    expect(await ask('покажи вторую')).toMatch(/^В последнем списке нет такой строки/u);
  });
});

describe('an abbreviation in titles', () => {
  it('«задачи по КП» are the open tasks titled «КП …» and «… коммерческое предложение …», everyone’s', async () => {
    const sample = h.portal.data.tasks.find((task) => String(task.title).includes('коммерческое предложение'))!;
    h.portal.data.tasks.push({ ...sample, id: '9001', title: 'КП для ООО «Гранит»: согласовать цены', status: '2' });
    const titled = h.portal.data.tasks.filter(
      (task) => Number(task.status) < 5 && /коммерческое предложение|^КП /u.test(String(task.title)),
    );
    expect(titled.length).toBeGreaterThan(2);
    const text = await ask('задачи по КП');
    expect(text).toMatch(new RegExp(`^✅ Задачи по теме «коммерческое предложение»: ${titled.length}\\n`, 'u'));
    for (const task of titled) expect(text).toContain(String(task.title));
  });

  it('«клиенты по КП»: a client has no title to be about a topic, and the word is said back', async () => {
    expect(await ask('клиенты Попова по КП')).toMatch(/^❔ Не понял «кп»/u);
  });
});

describe('what a record has none of', () => {
  it('«сделки без задач» are the open deals no open task is bound to', async () => {
    const busy = new Set(
      h.portal.data.tasks
        .filter((task) => Number(task.status) < 5)
        .flatMap((task) => (task.ufCrmTask as string[]).filter((code) => code.startsWith('D_'))),
    );
    const open = h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');
    const without = open.filter((deal) => !busy.has(`D_${deal.ID}`));
    expect(without.length).toBeGreaterThan(0);
    expect(without.length).toBeLessThan(open.length);
    expect(await ask('сделки без задач')).toMatch(
      new RegExp(`^💼 Открытые сделки без открытых задач: ${without.length} на `, 'u'),
    );
  });

  it('«сделки ни одной активности» are the open deals with no open activity', async () => {
    const busy = new Set(
      h.portal.data.activities
        .filter((activity) => Number(activity.OWNER_TYPE_ID) === 2 && activity.COMPLETED === 'N')
        .map((activity) => Number(activity.OWNER_ID)),
    );
    const without = h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P' && !busy.has(Number(deal.ID)));
    expect(await ask('сделки ни одной активности')).toMatch(
      new RegExp(`^💼 Открытые сделки без запланированных дел: ${without.length} на `, 'u'),
    );
  });

  it('«клиенты без сделок» are the companies no deal is made with, each named', async () => {
    const dealing = new Set(h.portal.data.deals.map((deal) => Number(deal.COMPANY_ID)));
    const without = h.portal.data.companies.filter((company) => !dealing.has(Number(company.ID)));
    expect(without.length).toBeGreaterThan(0);
    const text = await ask('клиенты, у которых нет ни одной сделки');
    expect(text).toMatch(new RegExp(`^🏢 Компании без сделок: ${without.length}\\n`, 'u'));
    for (const company of without) expect(text).toContain(String(company.TITLE));
  });

  it('«задачи без сделок Попова»: what a task cannot lack is said back', async () => {
    expect(await ask('задачи Попова без сделок')).toMatch(/^❔ Не понял «без сделок»/u);
  });
});

describe('a follow-up names a person or a client, as the portal’s staff says', () => {
  it('«а по Ромашке?» after «задачи Орловой» is the client, since nobody on the staff is called so', async () => {
    const director = 9950;
    expect(await ask('задачи Орловой', director)).toMatch(/^✅ Задачи Марии Орловой/u);
    expect(await ask('а по Ромашке?', director)).toMatch(/^✅ Задачи по клиенту ООО «Ромашка»: \d+/u);
  });

  it('«а по Кузнецовой?» after «задачи Орловой» is the employee', async () => {
    const director = 9951;
    await ask('задачи Орловой', director);
    expect(await ask('а по Кузнецовой?', director)).toMatch(/^✅ Задачи Ольги Кузнецовой/u);
  });
});

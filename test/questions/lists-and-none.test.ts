// Several clients or employees in one question are a list in the typed query, each looked up and all named in the
// header; «у кого нет ни одной закрытой задачи», «клиенты без сделок», «сделки без задач» are one field of it
// (`without`). From the director's side, without a model, on the demo portal; older stored questions still read.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import { understand } from '../../src/understanding/router/index.ts';
import type { Reply } from '../../src/views/reply.ts';
import { storedQuerySchema } from '../../src/vocabulary/query.ts';
import { harnessForFile, WEDNESDAY_MORNING } from '../assistant/harness.ts';
import { startStand } from '../scenarios/demo.ts';

const h = await harnessForFile();

const text = (replies: Reply[]) => replies.map((reply) => plainTextOf(reply.html)).join('\n');
const ask = async (said: string, who = h.newChat(), assistant = h.assistant()) =>
  text(await assistant.handleText(who, said));
const queryOf = (said: string) => {
  const { intent } = understand(said, { now: WEDNESDAY_MORNING, timeZone: 'Europe/Moscow' });
  return intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : undefined;
};
const listed = (said: string) => said.split('\n').filter((line) => line.startsWith('• '));
const openDealsOf = (...titles: string[]) => {
  const ids = h.portal.data.companies
    .filter((company) => titles.some((title) => String(company.TITLE).includes(`«${title}»`)))
    .map((company) => Number(company.ID));
  return h.portal.data.deals.filter((deal) => ids.includes(Number(deal.COMPANY_ID)) && deal.STAGE_SEMANTIC_ID === 'P');
};

describe('several clients or employees in one question', () => {
  it('are a list in the typed query, one name each', () => {
    expect(queryOf('сделки Ромашки, Гранита и Снежинки')).toEqual({
      subject: 'deals',
      person: ['Ромашки', 'Гранита', 'Снежинки'],
    });
    expect(queryOf('задачи по Ромашке и Ориону')).toEqual({ subject: 'tasks', client: ['Ромашке', 'Ориону'] });
    expect(queryOf('задачи Орловой и Кузнецова')).toEqual({ subject: 'tasks', person: ['Орловой', 'Кузнецова'] });
  });

  it('«сделки Ромашки, Гранита и Снежинки»: the three clients’ open deals, all three in the header', async () => {
    const said = await ask('сделки Ромашки, Гранита и Снежинки');
    const deals = openDealsOf('Ромашка', 'Гранит', 'Снежинка');
    expect(said).toMatch(
      new RegExp(
        `^💼 Открытые сделки по клиентам ООО «Ромашка», ООО «Гранит» и ООО «Снежинка»: ${deals.length} на `,
        'u',
      ),
    );
    for (const line of listed(said)) expect(line).toMatch(/«(?:Ромашка|Гранит|Снежинка)»/u);
  });

  it('three clients cost the portal as many requests as one: one search for all, one read of their deals', async () => {
    const assistant = h.assistant();
    const requests = async (said: string) => {
      const before = h.portal.requestCount;
      await assistant.handleText(h.newChat(), said);
      return h.portal.requestCount - before;
    };
    await requests('сделки Ромашки');
    expect(await requests('сделки Ромашки, Гранита и Снежинки')).toBe(await requests('сделки Ромашки'));
  });

  it('«сделки Альфа-Трейда и Гранита», «сделки по ромашке и ориону» (typed in lower case) name both clients', async () => {
    expect(await ask('сделки Альфа-Трейда и Гранита')).toMatch(
      new RegExp(
        `^💼 Открытые сделки по клиентам ООО «Альфа-Трейд» и ООО «Гранит»: ${openDealsOf('Альфа-Трейд', 'Гранит').length} на `,
        'u',
      ),
    );
    expect(await ask('сделки по ромашке и ориону')).toMatch(
      /^💼 Открытые сделки по клиентам ООО «Ромашка» и ООО «Орион»: \d+ на /u,
    );
  });

  it('«задачи Орловой, Кузнецовой и Попова»: each employee’s tasks, all three named', async () => {
    const said = await ask('задачи Орловой, Кузнецовой и Попова');
    expect(said).toMatch(/^✅ Задачи Марии Орловой, Ольги Кузнецовой и Дмитрия Попова: \d+/u);
    for (const line of listed(said)) expect(line).toMatch(/Мария Орлова|Ольга Кузнецова|Дмитрий Попов/u);
  });

  it('a name in the list that fits several clients is asked about, and the pick keeps the others', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    const [choice] = await assistant.handleText(who, 'сделки Ромашки и Кравцова');
    expect(plainTextOf(choice!.html)).toMatch(/^Под «Кравцова» подходят несколько клиентов/u);
    const button = choice!.buttons!.flat()[0]!;
    const picked = await assistant.handleButton(who, encodeAction(button.action), 1);
    const header = text(picked.replies).split('\n')[0]!;
    expect(header).toMatch(/^💼 Открытые сделки по клиентам ООО «Ромашка» и /u);
    expect(header).toContain(button.text.replace(/^\S+\s/u, ''));
  });

  it('a name in the list that fits nobody is said by itself', async () => {
    expect(await ask('сделки Ромашки и Бетона')).toMatch(
      /^🔎 Не нашёл «Бетона» ни среди сотрудников, ни среди клиентов/u,
    );
  });

  it('a question stored in the older shape, both names in one («Ромашке и Ориону»), still names both', async () => {
    const stand = await startStand();
    try {
      const old = storedQuerySchema.parse({ subject: 'deals', client: 'Ромашке и Ориону' });
      const view = await stand.scenarios.run(stand.director(), { scenario: 'query', query: old });
      expect(view).toMatchObject({ view: 'query', filters: { clients: ['ООО «Ромашка»', 'ООО «Орион»'] } });
    } finally {
      await stand.close();
    }
  });
});

describe('what a record or an employee has none of, in one field', () => {
  it('«у кого нет ни одной закрытой задачи», «клиенты без сделок», «сделки без задач» all say `without`', () => {
    expect(queryOf('у кого нет ни одной закрытой задачи')).toMatchObject({
      subject: 'tasks',
      status: 'done',
      without: 'tasks',
    });
    expect(queryOf('клиенты без сделок')).toEqual({ subject: 'companies', without: 'deals' });
    expect(queryOf('сделки без задач')).toEqual({ subject: 'deals', without: 'tasks' });
  });

  it('a question stored with the older flag («none») reads as the employees with none', () => {
    expect(storedQuerySchema.parse({ subject: 'tasks', status: 'done', none: true })).toEqual({
      subject: 'tasks',
      status: 'done',
      without: 'tasks',
    });
  });

  it('«у кого нет ни одной закрытой задачи», then «а за прошлую неделю?»: the employees, for last week', async () => {
    const who = h.newChat();
    expect(await ask('у кого нет ни одной закрытой задачи', who)).toMatch(
      /^🙅 Ни одной закрытой задачи с 23 по 25 ноября: \d+ из \d+ сотрудников команды/u,
    );
    expect(await ask('а за прошлую неделю?', who)).toMatch(
      /^🙅 Ни одной закрытой задачи с 16 по 22 ноября: \d+ из \d+ сотрудников команды/u,
    );
  });
});

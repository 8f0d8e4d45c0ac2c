// A lowercase common word after «по», «про» is what the tasks or deals are about, searched in their titles — never a
// client's name; a capitalised name, or a word the portal's directory holds, stays a client or an employee. From
// the director's side, without a model, on the demo portal.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { understand } from '../../src/understanding/router/index.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile, WEDNESDAY_MORNING } from '../assistant/harness.ts';

const h = await harnessForFile();

const text = (replies: Reply[]) => replies.map((reply) => plainTextOf(reply.html)).join('\n');
const ask = async (said: string, who = h.newChat(), assistant = h.assistant()) =>
  text(await assistant.handleText(who, said));
const listed = (said: string) => said.split('\n').filter((line) => line.startsWith('• '));
const openTasksTitled = (word: RegExp) =>
  h.portal.data.tasks.filter((task) => Number(task.status) < 5 && word.test(String(task.title))).length;

describe('a lowercase word after «по» or «про»', () => {
  it('is the topic of the typed question, not a client', () => {
    const { intent } = understand('задачи по ремонту', { now: WEDNESDAY_MORNING, timeZone: 'Europe/Moscow' });
    expect(intent).toEqual({
      kind: 'view',
      request: { scenario: 'query', query: { subject: 'tasks', topic: 'ремонту' } },
    });
  });

  it('«задачи по ремонту»: nothing holds it, and the reply says so — no «клиента»', async () => {
    const said = await ask('задачи по ремонту');
    expect(said).toMatch(/^🔎 Не нашёл «ремонту» ни в названиях задач, ни среди клиентов и сотрудников\./u);
    expect(said).not.toMatch(/клиента/u);
  });

  it('«задачи по договору» are the open tasks with «договор» in the title, everyone’s', async () => {
    const said = await ask('задачи по договору');
    expect(said).toMatch(new RegExp(`^✅ Задачи по запросу «договору»: ${openTasksTitled(/договор/iu)}\\n`, 'u'));
    for (const line of listed(said)) expect(line).toMatch(/договор/iu);
  });

  it('«сделки по поставке» are the open deals titled «Поставка …»', async () => {
    const said = await ask('сделки по поставке');
    expect(said).toMatch(/^💼 Открытые сделки по запросу «поставке»: \d+ на /u);
    expect(listed(said).length).toBeGreaterThan(0);
    for (const line of listed(said)) expect(line).toMatch(/поставк/iu);
  });

  it('«задачи про отчёт» are the tasks about a report', async () => {
    const said = await ask('задачи про отчёт');
    expect(said).toMatch(new RegExp(`^✅ Задачи по запросу «отчёт»: ${openTasksTitled(/отч[её]т/iu)}\\n`, 'u'));
    for (const line of listed(said)) expect(line).toMatch(/отч[её]т/iu);
  });

  it('«сделки по ромашке», «сделки по зелёной долине»: the directory holds the name, so it is the client', async () => {
    expect(await ask('сделки по ромашке')).toMatch(/^💼 Открытые сделки по клиенту ООО «Ромашка»: 1 /u);
    expect(await ask('сделки по зелёной долине')).toMatch(/^💼 Открытые сделки по клиенту ООО «Зелёная Долина»: /u);
  });

  it('«сделки по обучению»: a word inside a longer client name («Сфера Обучения») stays what the deals are about', async () => {
    const said = await ask('сделки по обучению за ноябрь');
    expect(said).toMatch(/^💼 Сделки по запросу «обучению» за ноябрь: \d+/u);
    for (const line of said.split('\n').filter((one) => one.startsWith('• '))) expect(line).toMatch(/^• Обучение/u);
  });

  it('«задачи Орловой по договору» keeps both: her tasks, about a contract', async () => {
    expect(await ask('задачи Орловой по договору')).toMatch(/^✅ Задачи Марии Орловой по запросу «договору»: \d+/u);
  });

  it('«а про отчёт?» after «задачи» refines the last question with the topic', async () => {
    const who = h.newChat();
    await ask('задачи Орловой', who);
    expect(await ask('а про отчёт?', who)).toMatch(/^✅ Задачи Марии Орловой по запросу «отчёт»: \d+/u);
  });
});

describe('a word the assistant knows after «по»', () => {
  it('«задачи по продажам» is no topic: the word is said back, the nearest question without a dangling «по»', async () => {
    expect(await ask('задачи по продажам')).toMatch(/^❔ Не понял «продажам»\. Показать «задачи»\?/u);
  });
});

describe('a capitalised name after «по»', () => {
  it('«задачи по Ромашке» is the client’s', async () => {
    expect(await ask('задачи по Ромашке')).toMatch(/^✅ Задачи по клиенту ООО «Ромашка»: \d+/u);
  });

  it('«задачи по Орловой»: no client is called so, an employee is — her tasks', async () => {
    expect(await ask('задачи по Орловой')).toMatch(/^✅ Задачи Марии Орловой: \d+/u);
  });

  it('«задачи от начальства»: a lowercase word after «от» is looked up as anyone, never said to be a client', async () => {
    expect(await ask('задачи от начальства')).toMatch(
      /^🔎 Не нашёл «начальства» ни среди сотрудников, ни среди клиентов/u,
    );
  });
});

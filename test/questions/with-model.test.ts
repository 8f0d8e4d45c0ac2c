// Questions with qualifiers when a model is configured: the "Why" examples answer exactly as without
// a model (the router has them, so the model is not asked), and a free question the router cannot read costs
// one model call, whose typed query the director gets as the filtered view, with no second call.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { harnessForFile, plainReplies, WEDNESDAY_MORNING } from '../assistant/harness.ts';

const h = await harnessForFile();

const WHY = [
  'задачи Орловой',
  'что у Волкова по задачам',
  'просроченные задачи',
  'выигранные сделки',
  'проигранные сделки',
  'лиды за месяц',
  'расписание на неделю',
  'что просрочено у Попова',
  'сколько заработали в этом месяце',
  'выручка за ноябрь',
  'кто больше всех продал',
  'сколько сделок выиграли за квартал',
  'откуда приходят лиды',
  'средний чек',
  'конверсия',
];

describe('with a model configured', () => {
  it('every "Why" example gets the same answer as without a model', async () => {
    // A model that would show the open deals to anything: it must not be what answers these.
    const { fake, assistant } = await h.withModel(() => ({ toolCalls: [{ name: 'deals', arguments: {} }] }));
    const without = h.assistant();
    for (const phrase of WHY) {
      const expected = plainReplies(await without.handleText(h.newChat(), phrase));
      const got = plainReplies(await assistant.handleText(h.newChat(), phrase));
      expect(got.split('\n')[0], phrase).toBe(expected.split('\n')[0]);
      expect(got, phrase).toBe(expected);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('a free question with qualifiers is one model call: its typed query, answered as the filtered view', async () => {
    const october = DateTime.fromJSDate(WEDNESDAY_MORNING, { zone: 'Europe/Moscow' }).minus({ months: 1 });
    const period = { from: october.startOf('month').toISODate()!, to: october.endOf('month').toISODate()! };
    const { fake, assistant } = await h.withModel([
      { toolCalls: [{ name: 'query', arguments: { subject: 'deals', status: 'lost', person: 'Попова', period } }] },
    ]);
    const replies = await assistant.handleText(h.newChat(), 'почему Попов в октябре столько сделок слил, покажи какие');
    // The tool's answer is the view: no second model call after it.
    expect(fake.requests).toHaveLength(1);
    const text = plainReplies(replies);
    // The same view the router gives for the same typed question.
    const direct = plainReplies(await h.assistant().handleText(h.newChat(), 'проигранные сделки Попова за октябрь'));
    expect(text.split('\n')[0]).toMatch(/^💼 Проигранные сделки Дмитрия Попова за октябрь: \d+/u);
    expect(text).toBe(direct);
  });
});

describe('the rules’ partial reading as the model’s hint', () => {
  it('a question not understood whole reaches the model with what was understood and the word that was not', async () => {
    const { fake, assistant } = await h.withModel(() => ({
      toolCalls: [{ name: 'query', arguments: { subject: 'tasks' } }],
    }));
    await assistant.handleText(h.newChat(), 'задачи Попова и почему');
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    const hint = request.messages.find(
      (message: { role: string; content: string }) =>
        message.role === 'system' && message.content.includes('не поняли'),
    );
    expect(hint?.content).toContain('«почему»');
    expect(hint?.content).toContain('"subject":"tasks"');
    expect(hint?.content).toContain('"person":"Попова"');
    // The tools are the ones the reading points to: the typed question, not every view.
    const tools = request.tools.map((tool: { function: { name: string } }) => tool.function.name);
    expect(tools).toEqual(['query']);
  });

  it('a question the rules read nothing of gets no hint and every view', async () => {
    const { fake, assistant } = await h.withModel(() => ({ content: 'Не знаю.' }));
    await assistant.handleText(h.newChat(), 'как поживает наш бизнес вообще');
    const [request] = fake.requests;
    expect(request.messages.some((message: { content: string }) => message.content.includes('не поняли'))).toBe(false);
    expect(request.tools.length).toBeGreaterThan(5);
  });
});

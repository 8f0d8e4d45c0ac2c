// Every example of issue 12's "Why", end to end through the assistant on the demo portal, without a model:
// the header says what was asked, and the number under it is the one the demo data gives.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/demo-portal/filters.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile, WEDNESDAY_MORNING } from '../assistant/harness.ts';

const h = await harnessForFile();

const zone = 'Europe/Moscow';
const now = DateTime.fromJSDate(WEDNESDAY_MORNING, { zone });
let user = 7000;
const ask = async (text: string) => {
  user += 1;
  const replies = await h.assistant().handleText({ telegramUserId: user, chatId: user }, text);
  return replies.map((reply: Reply) => plainTextOf(reply.html)).join('\n');
};
const at = (iso: unknown) => DateTime.fromISO(String(iso), { setZone: true }).toMillis();
const userId = (last: string) => String(h.portal.data.users.find((one) => one.LAST_NAME === last)?.ID);
const openTasks = (id: string) =>
  h.portal.data.tasks.filter((task) => task.responsibleId === id && Number(task.status) < 5);
const overdueOf = (id: string) =>
  openTasks(id).filter((task) => task.deadline && at(task.deadline) < WEDNESDAY_MORNING.getTime());
const rub = (n: number) => `${n.toLocaleString('ru-RU').replace(/\s/g, '\u202f')}\u00a0₽`;

/** Deals moved to a success (failure) stage within [from, to), still there: by the stage history. */
function closedBetween(letter: 'S' | 'F', from: DateTime, to: DateTime): Row[] {
  const moved = new Set(
    h.portal.data.stageHistory
      .filter((entry) => entry.STAGE_SEMANTIC_ID === letter)
      .filter((entry) => at(entry.CREATED_TIME) >= from.toMillis() && at(entry.CREATED_TIME) < to.toMillis())
      .map((entry) => String(entry.OWNER_ID)),
  );
  return h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === letter && moved.has(String(deal.ID)));
}
const rubles = (deals: Row[]) =>
  deals.filter((deal) => deal.CURRENCY_ID === 'RUB').reduce((sum, deal) => sum + Number(deal.OPPORTUNITY), 0);

describe('the questions of the issue, without a model', () => {
  it('«задачи Орловой» are Мария Орлова’s tasks, not the director’s', async () => {
    const text = await ask('задачи Орловой');
    expect(text).toMatch(new RegExp(`^✅ Задачи Марии Орловой: ${openTasks(userId('Орлова')).length}`));
    expect(text).not.toContain('Алексей Смирнов');
  });

  it('«что у Волкова по задачам» are Пётр Волков’s (a man’s form), not Наталья Волкова’s', async () => {
    const text = await ask('что у Волкова по задачам');
    expect(text).toMatch(new RegExp(`^✅ Задачи Петра Волкова: ${openTasks(userId('Волков')).length}`));
  });

  it('«просроченные задачи» are the overdue ones only', async () => {
    const text = await ask('просроченные задачи');
    expect(text).toMatch(new RegExp(`^✅ Ваши просроченные задачи: ${overdueOf('1').length}`));
  });

  it('«что просрочено у Попова» are Попов’s overdue tasks, as the team view counts them', async () => {
    const count = overdueOf(userId('Попов')).length;
    expect(count).toBeGreaterThan(0);
    expect(await ask('что просрочено у Попова')).toMatch(
      new RegExp(`^✅ Просроченные задачи Дмитрия Попова: ${count}`),
    );
  });

  it('«выигранные сделки» and «проигранные сделки» are won and lost deals, not the open ones', async () => {
    const won = h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'S').length;
    const lost = h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'F').length;
    expect(await ask('выигранные сделки')).toMatch(new RegExp(`^💼 Выигранные сделки за всё время: ${won} на `));
    expect(await ask('проигранные сделки')).toMatch(new RegExp(`^💼 Проигранные сделки за всё время: ${lost} на `));
  });

  it('«лиды за месяц» are the last 30 days’ leads, «расписание на неделю» the whole week', async () => {
    const from = now.startOf('day').minus({ days: 29 }).toMillis();
    const leads = h.portal.data.leads.filter((lead) => at(lead.DATE_CREATE) >= from).length;
    expect(await ask('лиды за месяц')).toMatch(new RegExp(`^🆕 Лиды за 30\\sдней: ${leads}`));
    const week = await ask('расписание на неделю');
    expect(week).toMatch(/^📅 Встречи с 23 по 29 ноября: \d+/u);
    expect(week).toContain('понедельник, 23 ноября');
  });

  it('«сколько заработали в этом месяце» and «выручка за ноябрь»: won in November by the stage history', async () => {
    const won = closedBetween('S', now.startOf('month'), now.plus({ days: 1 }).startOf('day'));
    // Currencies side by side, never added.
    const expected = `💰 Выручка за ноябрь: ${rub(rubles(won))} и 12\u202f000\u00a0$`;
    expect(await ask('сколько заработали в этом месяце')).toContain(expected);
    expect(await ask('выручка за ноябрь')).toContain(expected);
    expect(await ask('выручка за ноябрь')).toContain(`Выигранных сделок: ${won.length}`);
    // The data is built so the naive readings give other numbers: "modified in November" counts a deal won in
    // the summer and edited lately; "closing date in November" misses one won now but planned for October.
    const inNovember = (field: string) =>
      h.portal.data.deals.filter(
        (deal) => deal.STAGE_SEMANTIC_ID === 'S' && at(deal[field]) >= now.startOf('month').toMillis(),
      );
    expect(rubles(inNovember('DATE_MODIFY'))).not.toBe(rubles(won));
    expect(rubles(inNovember('CLOSEDATE'))).not.toBe(rubles(won));
  });

  it('«кто больше всех продал» ranks managers by the won sum, with count and average', async () => {
    const text = await ask('кто больше всех продал');
    expect(text).toMatch(/^📊 Выигранные сделки за ноябрь по менеджерам: \d+/u);
    const sums = [...text.matchAll(/^\d+\. .+? — ([\d\u202f]+)\u00a0₽/gmu)].map((m) =>
      Number(m[1]!.replace(/\u202f/g, '')),
    );
    expect(sums.length).toBeGreaterThan(3);
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    expect(text).toMatch(/— \d+\sсдел\p{L}+ — в среднем /u);
    // A manager with deals in two currencies: sums and averages side by side, never joined by «+» as one sum.
    expect(text).not.toContain(' + ');
    const mixed = text.split('\n').find((line) => /₽ и /u.test(line));
    expect(mixed).toMatch(/в среднем [\d\u202f]+\u00a0₽ и [\d\u202f]+\u00a0\$$/u);
  });

  it('«сколько сделок выиграли за квартал», «средний чек», «конверсия»', async () => {
    const quarter = closedBetween('S', now.startOf('quarter'), now.plus({ days: 1 }).startOf('day'));
    expect(await ask('сколько сделок выиграли за квартал')).toMatch(
      new RegExp(`^💼 Выигранные сделки за IV квартал: ${quarter.length} на `),
    );
    const month = closedBetween('S', now.startOf('month'), now.plus({ days: 1 }).startOf('day'));
    const rubleDeals = month.filter((deal) => deal.CURRENCY_ID === 'RUB');
    expect(await ask('средний чек')).toContain(
      `💰 Средний чек за ноябрь: ${rub(Math.round(rubles(month) / rubleDeals.length))}`,
    );
    const lost = closedBetween('F', now.startOf('month'), now.plus({ days: 1 }).startOf('day'));
    const rate = Math.round((month.length / (month.length + lost.length)) * 100);
    expect(await ask('конверсия')).toContain(`📈 Конверсия за ноябрь: ${rate}%`);
  });

  it('«откуда приходят лиды» counts the leads by the portal’s own source names', async () => {
    const text = await ask('откуда приходят лиды');
    expect(text).toMatch(/^📊 Лиды за 30\sдней по источникам: \d+/u);
    expect(text).toContain('Телеграм-канал');
    expect(text).not.toMatch(/UC_TELEGRAM|\bWEB\b|\bCALL\b/u);
    // The hint offers a next step, not the answer just given.
    expect(text).not.toContain('Могу показать, откуда приходят лиды');
    expect(text).toContain('💡 Могу показать сами лиды за этот период.');
  });
});

describe('never confidently wrong', () => {
  it('two contacts sharing a surname are offered as people, not as companies', async () => {
    const sidorovs = h.portal.data.contacts.filter((contact) => contact.LAST_NAME === 'Сидоров');
    expect(sidorovs.length).toBeGreaterThan(1);
    user += 1;
    const [reply] = await h.assistant().handleText({ telegramUserId: user, chatId: user }, 'сделки Сидорова');
    const labels = (reply!.buttons ?? []).flat().map((button) => button.text);
    expect(labels.length).toBe(sidorovs.length);
    for (const label of labels) expect(label).toMatch(/^👤 \S+ Сидоров$/u);
  });

  it('a word it cannot apply is said, not dropped', async () => {
    expect(await ask('покажи важные задачи')).toMatch(/^❔ Не понял «важные»\. Показать «задачи»\?$/u);
  });

  it('a name that fits several people gets a pick list, and a pick answers the question about that one', async () => {
    user += 1;
    const who = { telegramUserId: user, chatId: user };
    const assistant = h.assistant();
    const [reply] = await assistant.handleText(who, 'задачи Марии');
    expect(plainTextOf(reply!.html)).toMatch(/несколько сотрудников/u);
    const labels = (reply!.buttons ?? []).flat().map((button) => button.text);
    expect(labels.some((label) => label.includes('Мария Орлова'))).toBe(true);
    expect(labels.some((label) => label.includes('Мария Зайцева'))).toBe(true);
    const index = labels.findIndex((label) => label.includes('Мария Орлова'));
    const { encodeAction } = await import('../../src/telegram/callback-data.ts');
    const button = (reply!.buttons ?? []).flat()[index]!;
    const outcome = await assistant.handleButton(who, encodeAction(button.action), 1);
    expect(plainTextOf(outcome.replies[0]!.html)).toMatch(/^✅ Задачи Марии Орловой: 2/u);
  });

  it('every item opens in Bitrix24 by its page on the portal’s own address, never a REST path', async () => {
    user += 1;
    const origin = new URL(h.portal.webhookUrl).origin;
    const [tasks] = await h.assistant().handleText({ telegramUserId: user, chatId: user }, 'задачи Орловой');
    const orlova = userId('Орлова');
    for (const task of openTasks(orlova))
      expect(tasks!.html).toContain(`<a href="${origin}/company/personal/user/${orlova}/tasks/task/view/${task.id}/">`);
    const [deals] = await h.assistant().handleText({ telegramUserId: user, chatId: user }, 'выигранные сделки');
    expect(deals!.html).toMatch(new RegExp(`<a href="${origin}/crm/deal/details/\\d+/">`));
    expect(`${tasks!.html}${deals!.html}`).not.toContain('/rest/');
  });

  it('«ещё» shows the next part of a long list', async () => {
    user += 1;
    const who = { telegramUserId: user, chatId: user };
    const assistant = h.assistant();
    const first = plainTextOf((await assistant.handleText(who, 'задачи команды'))[0]!.html);
    expect(first).toMatch(/…и ещё \d+/u);
    const next = plainTextOf((await assistant.handleText(who, 'ещё'))[0]!.html);
    expect(next).toMatch(/^✅ Задачи команды: \d+ \(с 21-й\)/u);
  });
});

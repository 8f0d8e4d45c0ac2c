// Two periods side by side («как мы по сравнению с октябрём», «сравни ноябрь и октябрь», «сколько лидов по сравнению
// с прошлой неделей») and the trend by month («динамика продаж»). Each figure is computed here from the demo
// portal's records by PRODUCT.md's definitions, and the header says what, whose and which periods.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/demo-portal/filters.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import { type Harness, harnessForFile, plainReplies } from '../assistant/harness.ts';
import { plain, ruCount } from '../scenarios/demo.ts';

const h: Harness = await harnessForFile();
const ZONE = 'Europe/Moscow';
const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const moment = (value: unknown) => DateTime.fromISO(String(value), { setZone: true });

const ask = async (text: string, chat = h.newChat(), assistant = h.assistant()) => {
  const before = h.portal.requestCount;
  const replies = await assistant.handleText(chat, text);
  return { text: plain(plainReplies(replies)), requests: h.portal.requestCount - before };
};

/** Earned in [from, to]: deals that moved to a success stage then (stage history) and stand there still, in roubles. */
function earned(from: string, to: string): { rub: number; deals: number } {
  const start = day(from);
  const end = day(to).plus({ days: 1 });
  const moved = new Set(
    h.portal.data.stageHistory
      .filter((row) => row.STAGE_SEMANTIC_ID === 'S')
      .filter((row) => moment(row.CREATED_TIME) >= start && moment(row.CREATED_TIME) < end)
      .map((row) => Number(row.OWNER_ID)),
  );
  const won = h.portal.data.deals.filter((deal: Row) => deal.STAGE_SEMANTIC_ID === 'S' && moved.has(Number(deal.ID)));
  const rub = won.filter((deal) => (deal.CURRENCY_ID || 'RUB') === 'RUB');
  return { rub: rub.reduce((sum, deal) => sum + Number(deal.OPPORTUNITY), 0), deals: won.length };
}

const money = (n: number) => `${n.toLocaleString('ru-RU').replace(/\s/gu, ' ')} ₽`;
const leadsCreated = (from: string, to: string) =>
  h.portal.data.leads.filter(
    (lead) => moment(lead.DATE_CREATE) >= day(from) && moment(lead.DATE_CREATE) < day(to).plus({ days: 1 }),
  ).length;

describe('comparing two periods', () => {
  it('«как мы по сравнению с октябрём»: this month so far and October, earned by the stage history, in one request', async () => {
    // The same assistant and chat, as a director's second question: who they are is known by then.
    const [chat, assistant] = [h.newChat(), h.assistant()];
    await ask('сравни сделки за октябрь и сентябрь', chat, assistant);
    const { text, requests } = await ask('как мы по сравнению с октябрём', chat, assistant);
    const november = earned('2026-11-01', '2026-11-25');
    const october = earned('2026-10-01', '2026-10-31');
    expect(text).toMatch(/^💰 Выручка \(вся компания\): ноябрь и октябрь\n/u);
    expect(text).toContain(`• Ноябрь: ${money(november.rub)}`);
    expect(text).toContain(`• Октябрь: ${money(october.rub)}`);
    expect(text).toContain(ruCount(november.deals, 'сделка', 'сделки', 'сделок'));
    const change = november.rub - october.rub;
    expect(text).toContain(`${change >= 0 ? 'Больше' : 'Меньше'} на ${money(Math.abs(change))}`);
    expect(text).toMatch(/Ноябрь ещё идёт: прошло 25 дней из 30/u);
    expect(requests).toBeLessThanOrEqual(1);
  });

  it('«сравни ноябрь и октябрь» is the same answer, the periods in the order said', async () => {
    const { text } = await ask('сравни ноябрь и октябрь');
    expect(text).toMatch(/^💰 Выручка \(вся компания\): ноябрь и октябрь\n• Ноябрь: [^\n]+\n• Октябрь: /u);
  });

  it('«сколько лидов по сравнению с прошлой неделей»: this week so far and the whole of last week', async () => {
    const { text } = await ask('сколько лидов по сравнению с прошлой неделей');
    expect(text).toMatch(/^📥 Новые лиды \(вся компания\): с 23 по 25 ноября и с 16 по 22 ноября\n/u);
    const now = leadsCreated('2026-11-23', '2026-11-25');
    const before = leadsCreated('2026-11-16', '2026-11-22');
    expect(text).toContain(`• С 23 по 25 ноября: ${ruCount(now, 'лид', 'лида', 'лидов')}`);
    expect(text).toContain(`• С 16 по 22 ноября: ${ruCount(before, 'лид', 'лида', 'лидов')}`);
  });

  it('an employee named is whose money it is, in the header', async () => {
    const { text } = await ask('выручка Соколова по сравнению с прошлым месяцем');
    expect(text).toMatch(/^💰 Выручка Игоря Соколова: ноябрь и октябрь\n/u);
  });

  it('«сколько задач закрыли на этой неделе по сравнению с прошлой»: tasks done, company-wide, said so', async () => {
    const done = (from: string, to: string) =>
      h.portal.data.tasks.filter(
        (task) =>
          Number(task.status) === 5 &&
          moment(task.closedDate) >= day(from) &&
          moment(task.closedDate) < day(to).plus({ days: 1 }),
      ).length;
    const { text } = await ask('сколько задач закрыли на этой неделе по сравнению с прошлой');
    expect(text).toMatch(/^✅ Закрытые задачи \(вся компания\): с 23 по 25 ноября и с 16 по 22 ноября\n/u);
    expect(text).toContain(
      `• С 23 по 25 ноября: ${ruCount(done('2026-11-23', '2026-11-25'), 'задача', 'задачи', 'задач')}`,
    );
    expect(text).toContain(
      `• С 16 по 22 ноября: ${ruCount(done('2026-11-16', '2026-11-22'), 'задача', 'задачи', 'задач')}`,
    );
  });

  it('in English too', async () => {
    const { text } = await ask('how are we doing compared to October');
    expect(text).toMatch(/^💰 Revenue \(whole company\): November vs October\n/u);
  });

  it('a word it cannot place is never dropped: «сравни зачем октябрь» is not a comparison', async () => {
    const { text } = await ask('сравни зачем октябрь');
    expect(text).not.toMatch(/Выручка/u);
  });
});

describe('the comparison as a file', () => {
  it('comes with its picture and its spreadsheet, and «графиком» draws both periods', async () => {
    const [chat, assistant] = [h.newChat(), h.assistant()];
    const [view] = await assistant.handleText(chat, 'сравни ноябрь и октябрь');
    const buttons = view?.buttons?.flat() ?? [];
    const excel = buttons.find((button) => button.action.kind === 'answerFile' && button.action.file === 'excel');
    expect(buttons.map((button) => button.text)).toEqual(expect.arrayContaining(['📥 Excel']));
    const file = await assistant.handleButton(chat, encodeAction(excel!.action), 1);
    const sheet = file.replies.find((reply) => reply.attachment?.kind === 'document');
    expect(sheet?.attachment?.fileName).toMatch(/\.xlsx$/u);
    const [picture] = await assistant.handleText(chat, 'сравни ноябрь и октябрь графиком');
    expect(picture?.attachment?.kind).toBe('photo');
    expect(plain(plainReplies([picture!]))).toMatch(/^💰 Выручка \(вся компания\): ноябрь и октябрь/u);
  });
});

describe('the trend', () => {
  it('«динамика продаж» is earned month by month over the last six months', async () => {
    const { text } = await ask('динамика продаж');
    expect(text).toMatch(/^📊 Выигранные сделки с 1 июня по 25 ноября по месяцам: \d+\n/u);
    const october = earned('2026-10-01', '2026-10-31');
    expect(text).toMatch(new RegExp(`октябрь 2026 — ${money(october.rub)}`, 'u'));
  });
});

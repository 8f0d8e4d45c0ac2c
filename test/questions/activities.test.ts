// Calls and activities are a subject of their own («звонки», «звонки на этой неделе», «активности по
// Ромашке»), never today's schedule: end to end through the assistant on the demo portal, counted here from
// the demo data by the rule (a client's activities are its own and its deals').
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Row } from '../../src/demo-portal/filters.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { type Harness, startHarness, WEDNESDAY_MORNING } from '../assistant/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const zone = 'Europe/Moscow';
const today = DateTime.fromJSDate(WEDNESDAY_MORNING, { zone }).startOf('day');
let user = 7500;
const ask = async (text: string) => {
  user += 1;
  const replies = await h.assistant().handleText({ telegramUserId: user, chatId: user }, text);
  return replies.map((reply) => plainTextOf(reply.html)).join('\n');
};
const at = (iso: unknown) => DateTime.fromISO(String(iso), { setZone: true }).toMillis();
const calls = () => h.portal.data.activities.filter((activity) => String(activity.TYPE_ID) === '2');
const startsIn = (from: DateTime, to: DateTime) => (activity: Row) =>
  at(activity.START_TIME) >= from.toMillis() && at(activity.START_TIME) < to.toMillis();

describe('calls and activities', () => {
  it('«звонки» lists the calls, not the schedule', async () => {
    const text = await ask('звонки');
    expect(text).toMatch(new RegExp(`^📞 Звонки: ${calls().length}\\n`));
    expect(text).not.toMatch(/Расписание|Встреча на объекте/u);
  });

  it('«звонки на этой неделе» are the calls taking place this week', async () => {
    const monday = today.startOf('week');
    const week = calls().filter(startsIn(monday, monday.plus({ weeks: 1 })));
    const text = await ask('звонки на этой неделе');
    expect(text).toMatch(new RegExp(`^📞 Звонки с 23 по 29 ноября: ${week.length}\\n`));
  });

  it('«звонки Попова» are the calls Попов is responsible for', async () => {
    const popov = String(h.portal.data.users.find((one) => one.LAST_NAME === 'Попов')?.ID);
    const text = await ask('звонки Попова');
    const his = calls().filter((activity) => String(activity.RESPONSIBLE_ID) === popov);
    expect(his.length).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`^📞 Звонки Дмитрия Попова: ${his.length}\\n`));
  });

  it('«активности по Ромашке» are the client’s own activities and those of its deals', async () => {
    const company = h.portal.data.companies.find((one) => String(one.TITLE).includes('Ромашка'))!;
    const deals = new Set(
      h.portal.data.deals
        .filter((deal) => String(deal.COMPANY_ID) === String(company.ID))
        .map((deal) => String(deal.ID)),
    );
    const expected = h.portal.data.activities.filter(
      (activity) =>
        (String(activity.OWNER_TYPE_ID) === '4' && String(activity.OWNER_ID) === String(company.ID)) ||
        (String(activity.OWNER_TYPE_ID) === '2' && deals.has(String(activity.OWNER_ID))),
    );
    expect(expected.length).toBeGreaterThan(1);
    const text = await ask('активности по Ромашке');
    expect(text).toMatch(new RegExp(`^📌 Дела по клиенту ООО «Ромашка»: ${expected.length}\\n`));
  });

  it('«новые компании в этом году» are the companies created this year, not a company to create', async () => {
    const from = today.startOf('year');
    const created = h.portal.data.companies.filter(
      (company) =>
        at(company.DATE_CREATE) >= from.toMillis() && at(company.DATE_CREATE) < today.plus({ days: 1 }).toMillis(),
    );
    expect(created.length).toBeGreaterThan(0);
    const text = await ask('новые компании в этом году');
    expect(text).toMatch(new RegExp(`^🏢 Новые компании за 2026 год: ${created.length}\\n`));
  });
});

describe('calls that came in or went out', () => {
  const inbound = () => calls().filter((call) => String(call.DIRECTION) === '1');
  const outbound = () => calls().filter((call) => String(call.DIRECTION) === '2');

  it('«входящие звонки» are the incoming calls only, and the header says so', async () => {
    expect(inbound().length).toBeGreaterThan(0);
    const text = await ask('входящие звонки');
    expect(text).toMatch(new RegExp(`^📞 Входящие звонки: ${inbound().length}\\n`, 'u'));
    expect(text).not.toMatch(/Не понял/u);
  });

  it('«исходящие звонки» are the outgoing ones', async () => {
    expect(outbound().length).toBeGreaterThan(0);
    expect(await ask('Исходящие звонки')).toMatch(new RegExp(`^📞 Исходящие звонки: ${outbound().length}\\n`, 'u'));
  });

  it('«кто нам звонил вчера» counts the calls that came in yesterday', async () => {
    const yesterday = inbound().filter(startsIn(today.minus({ days: 1 }), today));
    const text = await ask('кто нам звонил вчера');
    expect(text).toMatch(new RegExp(`^📞 Входящие звонки за вчера: ${yesterday.length}`, 'u'));
  });

  it('«входящие лиды»: a direction leads do not have is said, not dropped', async () => {
    expect(await ask('входящие лиды')).toMatch(/^❔ Не понял «входящие»/u);
  });
});

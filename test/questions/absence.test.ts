// «кто в отпуске», «кто на больничном», «кто отсутствует на неделе», «кто сегодня не работает»: the absence chart as
// each employee's calendar holds it (entries marked absent), read in one request; and «у кого нет ни одной закрытой
// задачи»: the team members with none. Every name is checked against the demo portal's own records.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/demo-portal/filters.ts';
import { type Harness, harnessForFile, plainReplies } from '../assistant/harness.ts';
import { plain } from '../scenarios/demo.ts';

const h: Harness = await harnessForFile();
const TODAY = '2026-11-25';

const ask = async (text: string, chat = h.newChat(), assistant = h.assistant()) => {
  const before = h.portal.requestCount;
  const replies = await assistant.handleText(chat, text);
  return { text: plain(plainReplies(replies)), requests: h.portal.requestCount - before };
};

const dayOf = (text: unknown) => DateTime.fromFormat(String(text).slice(0, 10), 'dd.MM.yyyy').toISODate()!;
const nameOf = (id: unknown) => {
  const user = h.portal.data.users.find((one: Row) => String(one.ID) === String(id))!;
  return `${user.NAME} ${user.LAST_NAME}`;
};
/** Who the absence chart has away between two days, with the entry's name. */
const awayIn = (from: string, to: string, reason: RegExp = /./u) =>
  h.portal.data.events
    .filter((event: Row) => event.ACCESSIBILITY === 'absent' && reason.test(String(event.NAME)))
    .filter((event) => dayOf(event.DATE_FROM) <= to && dayOf(event.DATE_TO) >= from)
    .map((event) => ({ name: nameOf(event.OWNER_ID), entry: String(event.NAME), last: dayOf(event.DATE_TO) }));

describe('who is away', () => {
  it('«кто в отпуске»: today, the vacations only, with the last day, said to be the absence chart’s', async () => {
    const [chat, assistant] = [h.newChat(), h.assistant()];
    // The staff list is cached after the first question about people: then one request a question.
    await ask('статус команды', chat, assistant);
    const { text, requests } = await ask('кто в отпуске', chat, assistant);
    const away = awayIn(TODAY, TODAY, /отпуск/iu);
    expect(away.length).toBeGreaterThan(0);
    expect(text).toMatch(new RegExp(`^🌴 В отпуске сегодня \\(по графику отсутствий\\): ${away.length}\\n`, 'u'));
    for (const one of away)
      expect(text).toMatch(new RegExp(`• ${one.name}, [^\\n]+ — ${one.entry}, по \\d+ \\p{L}+`, 'u'));
    expect(text).not.toMatch(/Больничный|Командировка/u);
    expect(requests).toBe(1);
  });

  it('«кто на больничном» and «кто болеет» are the sick leaves', async () => {
    const sick = awayIn(TODAY, TODAY, /больнич/iu);
    expect(sick.length).toBeGreaterThan(0);
    for (const phrase of ['кто на больничном', 'кто болеет']) {
      const { text } = await ask(phrase);
      expect(text).toMatch(new RegExp(`^🤒 На больничном сегодня \\(по графику отсутствий\\): ${sick.length}\\n`, 'u'));
      for (const one of sick) expect(text).toContain(one.name);
    }
  });

  it('«кто отсутствует на неделе»: every entry from today to Sunday, one starting later said with its first day', async () => {
    const away = awayIn(TODAY, '2026-11-29');
    const { text } = await ask('кто отсутствует на неделе');
    expect(text).toMatch(
      new RegExp(`^🗓 Отсутствуют с 25 по 29 ноября \\(по графику отсутствий\\): ${away.length}\\n`, 'u'),
    );
    for (const one of away) expect(text).toContain(`${one.name}`);
    expect(text).toMatch(/Командировка[^\n]+, с 26 ноября по 28 ноября/u);
  });

  it('«кто сегодня не работает»: away today, and who has not opened the work day, each said apart', async () => {
    const away = awayIn(TODAY, TODAY).map((one) => one.name);
    const awayIds = new Set(
      h.portal.data.events.filter((event) => away.includes(nameOf(event.OWNER_ID))).map((e) => Number(e.OWNER_ID)),
    );
    const notStarted = [...h.portal.data.workdays.entries()]
      .filter(([id, day]) => id !== 1 && !awayIds.has(id) && day.STATUS === 'CLOSED')
      .filter(([, day]) => DateTime.fromISO(String(day.TIME_START), { setZone: true }).toISODate() !== TODAY)
      .filter(([id]) => h.portal.data.users.some((user) => Number(user.ID) === id && user.ACTIVE === true))
      .map(([id]) => nameOf(id));
    const { text } = await ask('кто сегодня не работает');
    expect(text).toMatch(
      new RegExp(
        `^🏠 Не работают сегодня \\(по графику отсутствий и рабочему дню\\): ${away.length + notStarted.length}\\n`,
        'u',
      ),
    );
    const [chart, day] = text.split('Не начали рабочий день');
    for (const name of away) expect(chart).toContain(name);
    for (const name of notStarted) expect(day).toContain(name);
  });

  it('in English, and never a client called «vacation»', async () => {
    const { text } = await ask('who is on vacation');
    expect(text).toMatch(/^🌴 On vacation today \(by the absence chart\): \d+/u);
  });
});

describe('who has none', () => {
  const team = () =>
    h.portal.data.users
      .filter((user: Row) => user.ACTIVE === true && Number(user.ID) !== 1)
      .map((user) => Number(user.ID));
  const closedBy = (from: string, to: string) =>
    new Set(
      h.portal.data.tasks
        .filter((task: Row) => Number(task.status) === 5)
        .filter((task) => {
          const day = DateTime.fromISO(String(task.closedDate), { setZone: true })
            .setZone('Europe/Moscow')
            .toISODate()!;
          return day >= from && day <= to;
        })
        .map((task) => Number(task.responsibleId)),
    );

  it('«у кого нет ни одной закрытой задачи»: this week so far, the team members with none closed, out of how many', async () => {
    const closed = closedBy('2026-11-23', TODAY);
    const none = team().filter((id) => !closed.has(id));
    const { text } = await ask('у кого нет ни одной закрытой задачи');
    expect(text).toMatch(
      new RegExp(
        `^🙅 Ни одной закрытой задачи с 23 по 25 ноября: ${none.length} из ${team().length} сотрудников команды\\n`,
        'u',
      ),
    );
    for (const id of none) expect(text).toContain(`• ${nameOf(id)}`);
    for (const id of closed) if (id !== 1) expect(text).not.toContain(`• ${nameOf(id)},`);
  });

  it('«кто не закрыл ни одной задачи на прошлой неделе» takes the period said', async () => {
    const closed = closedBy('2026-11-16', '2026-11-22');
    const none = team().filter((id) => !closed.has(id));
    const { text } = await ask('кто не закрыл ни одной задачи на прошлой неделе');
    expect(text).toMatch(new RegExp(`^🙅 Ни одной закрытой задачи с 16 по 22 ноября: ${none.length} из `, 'u'));
  });
});

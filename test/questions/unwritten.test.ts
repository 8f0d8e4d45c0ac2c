// Issue 25's "Why", from the director's side, without a model, on the demo portal: a word not understood is named
// and the nearest question offered as a button, never looked up as a name; a part of the question is never
// dropped; follow-ups refine the last question (after a restart too); Latin typing is read as Russian.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile, WEDNESDAY_MORNING } from '../assistant/harness.ts';

const h = await harnessForFile();

const zone = 'Europe/Moscow';
const today = DateTime.fromJSDate(WEDNESDAY_MORNING, { zone }).startOf('day');
const text = (replies: Reply[]) => replies.map((reply) => plainTextOf(reply.html)).join('\n');
const chat = () => h.newChat();
const ask = async (said: string, who = chat(), assistant = h.assistant()) =>
  text(await assistant.handleText(who, said));
const userId = (last: string) => String(h.portal.data.users.find((one) => one.LAST_NAME === last)?.ID);

describe('a word not understood', () => {
  it('is named, with the nearest question offered as a button that shows it on a tap', async () => {
    const who = chat();
    const assistant = h.assistant();
    const [reply] = await assistant.handleText(who, 'покажи выигранные сделки за неделю зачем');
    expect(plainTextOf(reply!.html)).toBe('❔ Не понял «зачем». Показать «выигранные сделки за неделю»?');
    const button = reply!.buttons!.flat()[0]!;
    expect(button.text).toBe('Показать');
    const outcome = await assistant.handleButton(who, encodeAction(button.action), 1);
    expect(text(outcome.replies)).toMatch(/^💼 Выигранные сделки за 7\sдней: \d+/u);
  });

  it('«конверсия по каждому менеджеру»: «каждому» is never a client to look up; it is conversion by manager', async () => {
    const said = await ask('конверсия по каждому менеджеру');
    expect(said).not.toMatch(/Не нашёл|Не понял/u);
    expect(said).toMatch(/^📈 Конверсия за ноябрь по менеджерам: \d+%/u);
  });

  it('«задачи Попова и почему» never looks «почему» up as a name', async () => {
    expect(await ask('задачи Попова и почему')).toMatch(/^❔ Не понял «почему»\. Показать «задачи Попова/u);
  });

  it('«какой у нас план» is not the day’s schedule', async () => {
    const said = await ask('какой у нас план');
    expect(said).not.toMatch(/Расписание|📅/u);
  });
});

describe('no part of the question dropped', () => {
  it('«сделки, которые стоят больше месяца» are the deals with no move for 30 days or more', async () => {
    const said = await ask('сделки, которые стоят больше месяца');
    expect(said).toMatch(/^💼 Зависшие сделки без движения от 30 дн\.: \d+/u);
    for (const days of said.matchAll(/(\d+) (?:день|дня|дней) без движения/gu))
      expect(Number(days[1])).toBeGreaterThanOrEqual(30);
  });

  it('«сколько задач сделали за вчера» counts the team’s tasks closed yesterday, and says whose', async () => {
    const yesterday = today.minus({ days: 1 });
    const closed = h.portal.data.tasks.filter((task) => {
      if (Number(task.status) !== 5 || !task.closedDate) return false;
      const at = DateTime.fromISO(String(task.closedDate), { zone });
      return at >= yesterday && at < today;
    });
    const said = await ask('сколько задач сделали за вчера');
    expect(said).toMatch(/^✅ Завершённые задачи команды за вчера: (\d+)/u);
    expect(Number(said.match(/: (\d+)/u)![1])).toBe(closed.length);
    expect(said).not.toMatch(/Ваши/u);
  });

  it('«сделки Морозовой» says they are the open ones', async () => {
    const open = h.portal.data.deals.filter(
      (deal) => String(deal.ASSIGNED_BY_ID) === userId('Морозова') && deal.STAGE_SEMANTIC_ID === 'P',
    );
    expect(await ask('сделки Морозовой')).toMatch(
      new RegExp(`^💼 Открытые сделки Анны Морозовой: ${open.length} на `, 'u'),
    );
  });

  it('«мои сделки» are the director’s own, not every open deal', async () => {
    expect(await ask('мои сделки')).toMatch(/^💼 Ваши открытые сделки: \d+/u);
  });
});

describe('follow-ups without a model', () => {
  it('«а у Кузнецовой?» after «задачи Попова» are her tasks, even after a restart', async () => {
    const who = chat();
    expect(await ask('задачи Попова', who)).toMatch(/^✅ Задачи Дмитрия Попова: \d+/u);
    expect(await ask('а у Кузнецовой?', who, h.assistant())).toMatch(/^✅ Задачи Ольги Кузнецовой: \d+/u);
  });

  it('«а по Кузнецовой?» after «сделки Попова» are her open deals, not a client «Кузнецова»', async () => {
    const who = chat();
    await ask('сделки Попова', who);
    expect(await ask('а по Кузнецовой?', who)).toMatch(/^💼 Открытые сделки Ольги Кузнецовой: \d+/u);
  });

  it('«только проигранные» after «сделки» are the lost deals', async () => {
    const who = chat();
    await ask('сделки', who);
    expect(await ask('только проигранные', who)).toMatch(/^💼 Проигранные сделки за всё время: \d+/u);
  });

  it('«а в прошлом квартале?» after «выигранные сделки за квартал» is the previous quarter', async () => {
    const who = chat();
    expect(await ask('выигранные сделки за квартал', who)).toMatch(/^💼 Выигранные сделки за IV квартал/u);
    expect(await ask('а в прошлом квартале?', who)).toMatch(/^💼 Выигранные сделки за III квартал/u);
  });

  it('«спасибо», «благодарю» get «Пожалуйста!», not the introduction', async () => {
    expect(await ask('благодарю')).toBe('Пожалуйста!');
    expect(await ask('спасибо большое!')).toBe('Пожалуйста!');
  });
});

describe('Russian typed on a Latin keyboard', () => {
  it('«pokazhi zadachi» is answered in Russian with the director’s tasks', async () => {
    expect(await ask('pokazhi zadachi')).toMatch(/^✅ Ваши задачи: \d+/u);
  });

  it('«sdelki morozovoy» are Анна Морозова’s open deals', async () => {
    expect(await ask('sdelki morozovoy')).toMatch(/^💼 Открытые сделки Анны Морозовой: \d+/u);
  });
});

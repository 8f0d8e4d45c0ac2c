// What the director reads after a follow-up, a filtered funnel, a department or a comparison with an empty year:
// the header says whose and which, and nothing claims a change against a period the portal has nothing for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, startHarness } from '../assistant/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let user = 9700;
/** The messages of one chat in turn; the replies to the last one, as the director reads them. */
const chat = async (...texts: string[]) => {
  const id = ++user;
  let text = '';
  for (const said of texts) {
    const replies = await h.assistant().handleText({ telegramUserId: id, chatId: id }, said);
    // Portal names are isolated by invisible direction marks: read without them.
    text = replies
      .map((reply: Reply) => plainTextOf(reply.html))
      .join('\n')
      .replace(/[\u2066-\u2069\u200e\u200f]/gu, '');
  }
  return text;
};

describe('follow-ups, as the director reads them', () => {
  it('«а на какую сумму» after a manager’s open deals adds up those deals, and the header says which', async () => {
    const text = await chat('сделки Соколова', 'а на какую сумму');
    expect(text).toMatch(/💰 Сумма открытых сделок Игоря Соколова: [\d\s]+\s₽\nСделок: \d+/u);
  });

  it('«а отдел проектов?» after the team status is that department only', async () => {
    const text = await chat('статус команды', 'а отдел проектов?');
    expect(text).toMatch(/👥 Отдел проектов: \d+\sсотрудник/u);
    expect(await chat('статус команды', 'а отдел снабжения?')).toMatch(/🔎 Не нашёл отдел «снабжения»/u);
  });

  it('«воронка Морозовой» and «воронка по тендерам» name the manager and the pipeline', async () => {
    expect(await chat('воронка Морозовой')).toMatch(/📊 Открытые сделки Анны Морозовой по стадиям: \d+/u);
    expect(await chat('воронка по тендерам')).toMatch(
      /📊 Открытые сделки в воронке «Тендеры и госзакупки» по стадиям/u,
    );
  });

  it('«а по менеджерам?» after a comparison is said plainly, with the nearest as a button', async () => {
    const text = await chat('сравни ноябрь и октябрь', 'а по менеджерам?');
    expect(text).toMatch(/❔ Так я не умею: «по менеджерам»\. Показать ближайшее, что могу\?/u);
  });
});

describe('periods in the header', () => {
  it('the last 7 days are not a month; a year still running counts its own days', async () => {
    expect(await chat('лиды за 7 дней')).toMatch(/🆕 Лиды за 7\sдней/u);
    const text = await chat('выручка в этом году против прошлого года');
    expect(text).not.toMatch(/прошло \d+ д\p{L}+ из (?:28|29|30|31)\./u);
  });

  it('tasks done in the last days are listed by when they were closed, not by their deadlines', async () => {
    const text = await chat('сколько закрыли задач за неделю');
    const lines = text.split('\n').filter((line) => line.startsWith('• '));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/ — (?:до|без срока)/u);
  });

  it('an average over no deal won says so in words', async () => {
    const text = await chat('средний чек за декабрь', 'а у Попова какой?');
    expect(text).not.toMatch(/: —/u);
    expect(text).toMatch(/Средний чек[^\n]*: (?:не из чего считать — выигранных сделок нет|\d)/u);
  });

  it('«а сколько мы с ними заработали?» after a dossier is that client’s money, of all time', async () => {
    const text = await chat('досье Ромашка', 'а сколько мы с ними заработали?');
    expect(text).toMatch(/💰 Выручка по клиенту ООО «Ромашка» за всё время: /u);
  });
});

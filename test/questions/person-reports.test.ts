// A report about one employee is that employee's, never the director's: «итоги недели Попова», «что сделал
// Попов за неделю», «Попов за неделю» are the tasks that employee closed in the period, and the header names
// both. The week's report without a name says whose numbers are whose: the director's tasks, the company's deals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-09T09:30:00Z'); // Wednesday
const intentOf = (text: string) => understand(text, { now, timeZone: 'Europe/Moscow' }).intent;

const NAMES = ['Попова', 'Попов', 'Дмитрия Попова', 'Морозовой', 'Кузнецовой'];
const REPORTS: ((name: string) => string)[] = [
  (name) => `итоги недели ${name}`,
  (name) => `отчет ${name} за неделю`,
  (name) => `что сделал ${name} за неделю`,
  (name) => `${name} за неделю`,
  (name) => `итоги ${name} за прошлую неделю`,
  (name) => `отчёт по ${name} за ноябрь`,
  (name) => `итоги дня ${name}`,
];

describe('the router reads a report about one employee as theirs', () => {
  const asked = NAMES.flatMap((name) => REPORTS.map((report) => report(name)));
  it.each(asked)('«%s» is the tasks that employee closed', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.request.scenario === 'query' && intent.request.query).toMatchObject({
      subject: 'tasks',
      status: 'done',
      period: expect.anything(),
    });
  });

  it('«итоги дня Морозовой» is today, «итоги недели Попова» the week so far', () => {
    expect(intentOf('итоги дня Морозовой')).toMatchObject({
      request: { query: { period: { from: '2026-12-09', to: '2026-12-09' } } },
    });
    expect(intentOf('Попов за неделю')).toMatchObject({ request: { query: { person: 'Попов' } } });
  });

  it.each([
    ['отчет по команде за месяц', 'team'],
    ['итоги дня по отделу продаж', 'sales'],
    ['итоги недели отдела маркетинга', 'отдел маркетинга'],
    ['отчёт по отделу проектов за ноябрь', 'отдел проектов'],
  ])('«%s» is the tasks closed by %s', (text, person) => {
    expect(intentOf(text)).toMatchObject({
      request: { scenario: 'query', query: { subject: 'tasks', person, status: 'done' } },
    });
  });

  it('«конверсия лидов в сделки» is how the leads ended, not the deals’ win rate', () => {
    expect(intentOf('конверсия лидов в сделки')).toMatchObject({
      request: { scenario: 'query', query: { subject: 'leads', groupBy: 'stage' } },
    });
  });

  it.each(['итоги недели', 'отчет за прошлую неделю', 'что я сделал за неделю', 'итоги дня', 'что у Попова завтра'])(
    '«%s» is no report about an employee',
    (text) => {
      const intent = intentOf(text);
      expect(intent.kind === 'view' && intent.request.scenario === 'query' && intent.request.query.status).not.toBe(
        'done',
      );
    },
  );
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9900;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };

  it('«итоги недели Попова» names him', async () => {
    expect(await ask('итоги недели Попова')).toMatch(/^✅ Завершённые задачи Дмитрия Попова /u);
  });

  it('the week’s report says the tasks are the director’s and the deals the company’s', async () => {
    const text = await ask('итоги недели');
    expect(text).toMatch(/Закрыто ваших задач|Ваших закрытых задач нет/u);
    expect(text).toMatch(/Движение сделок по компании|Сделки компании не двигались/u);
  });
});

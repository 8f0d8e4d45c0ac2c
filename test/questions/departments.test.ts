// A department is a part of the question, like a person: «задачи отдела проектов», «просрочка в маркетинге»,
// «как дела у логистов», «что у финансистов». It filters to the department's members, and the header names
// the department as the portal calls it; the team view of one department lists only its people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';
import { openTasksOf } from '../scenarios/demo.ts';

const now = new Date('2026-12-07T01:30:00Z');
const intentOf = (text: string) => understand(text, { now, timeZone: 'Europe/Moscow' }).intent;

// The ways a department is said, with the portal's name it stands for.
const SAID: [string, string][] = [
  ['отдела проектов', 'Отдел проектов'],
  ['в отделе проектов', 'Отдел проектов'],
  ['у отдела проектов', 'Отдел проектов'],
  ['отдела маркетинга', 'Отдел маркетинга'],
  ['в маркетинге', 'Отдел маркетинга'],
  ['маркетологов', 'Отдел маркетинга'],
  ['финансового отдела', 'Финансовый отдел'],
  ['в финансовом отделе', 'Финансовый отдел'],
  ['финансистов', 'Финансовый отдел'],
  ['логистики', 'Отдел логистики'],
  ['у логистов', 'Отдел логистики'],
  ['в отделе логистики', 'Отдел логистики'],
];
const SUBJECTS = ['задачи', 'просроченные задачи', 'сколько задач', 'сделки', 'лиды'];

describe('the router keeps the department as a part of the question', () => {
  const asked = SAID.flatMap(([said]) => SUBJECTS.flatMap((subject) => [`${subject} ${said}`, `${said} ${subject}`]));
  it.each(asked)('«%s» is about a department', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.request.scenario === 'query' && intent.request.query.person).toMatch(
      /^отдел /u,
    );
  });

  it.each(
    SAID.flatMap(([said]) => [
      `как дела ${said.startsWith('у ') || said.startsWith('в ') ? said : `у ${said}`}`,
      `статус ${said}`,
    ]),
  )('«%s» is the team view of that department', (text) => {
    const intent = intentOf(text);
    expect(intent.kind === 'view' && intent.request.scenario === 'teamStatus' && intent.request.department).toMatch(
      /^отдел /u,
    );
  });

  it.each(['задачи нашего отдела', 'сделки отдела продаж', 'задачи отдела', 'статус команды'])(
    '«%s» keeps its own scope',
    (text) => {
      const intent = intentOf(text);
      expect(JSON.stringify(intent)).not.toMatch(/"отдел /u);
    },
  );
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9800;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };
  const membersOf = (name: string) => {
    const department = h.portal.data.departments.find((one) => one.NAME === name)!;
    return h.portal.data.users.filter(
      (one) => one.ACTIVE !== false && (one.UF_DEPARTMENT as unknown[]).map(String).includes(String(department.ID)),
    );
  };

  it.each(SAID)('«задачи %s» are the open tasks of «%s»’s people', async (said, name) => {
    const members = membersOf(name);
    expect(members.length).toBeGreaterThan(0);
    const open = members.flatMap((member) => openTasksOf(h.portal, Number(member.ID)));
    expect(await ask(`задачи ${said}`)).toMatch(
      new RegExp(`^✅ Задачи подразделения «${name}»: ${open.length}\\n`, 'u'),
    );
  });

  it('«как дела у логистов» lists only the logistics people', async () => {
    const members = membersOf('Отдел логистики');
    const text = await ask('как дела у логистов');
    expect(text).toMatch(/^👥 Отдел логистики: /u);
    expect(text.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(members.length);
  });

  it('a department the portal does not have is said, not replaced by the whole company', async () => {
    expect(await ask('задачи отдела кадров')).toMatch(/^🔎 Не нашёл такого отдела: «отдел кадров»/u);
  });
});

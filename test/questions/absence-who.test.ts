// Absence of one employee or one department, from the director's side: «где Егоров?», «когда Васильева выходит
// из отпуска», «Семёнова болеет?», «кого нет в отделе продаж», in generated wordings, each checked against the
// demo portal's absence chart; «кто опоздал» is said plainly to be something the portal cannot tell.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/demo-portal/filters.ts';
import { type Harness, harnessForFile, plainReplies } from '../assistant/harness.ts';
import { plain } from '../scenarios/demo.ts';

const h: Harness = await harnessForFile();
const ask = async (text: string) => plain(plainReplies(await h.assistant().handleText(h.newChat(), text)));

const dayOf = (text: unknown) => DateTime.fromFormat(String(text).slice(0, 10), 'dd.MM.yyyy').toISODate()!;
const userOf = (id: unknown) => h.portal.data.users.find((one: Row) => String(one.ID) === String(id))!;
/** Every absence chart entry from today on, with its employee. */
const entries = () =>
  h.portal.data.events
    .filter((event: Row) => event.ACCESSIBILITY === 'absent' && dayOf(event.DATE_TO) >= '2026-11-25')
    .map((event) => ({ user: userOf(event.OWNER_ID), entry: String(event.NAME) }));

// Surname forms as a director writes them: nominative, lower case.
const WHERE = [(s: string) => `где ${s}?`, (s: string) => `а где ${s}`, (s: string) => `${s} где?`];
const BACK = [
  (s: string) => `когда ${s} выходит?`,
  (s: string) => `${s} когда вернётся?`,
  (s: string) => `когда вернется ${s}`,
];

describe('the absence of one employee', () => {
  it('«где Егоров?» and its wordings: the employee’s own entry, even one starting later', async () => {
    const found = entries();
    expect(found.length).toBeGreaterThan(2);
    for (const { user, entry } of found) {
      const surname = String(user.LAST_NAME);
      for (const [at, wording] of [...WHERE, ...BACK].entries()) {
        const said = wording(at % 2 ? surname.toLocaleLowerCase('ru') : surname);
        const text = await ask(said);
        expect(text, said).toContain(`${user.NAME} ${surname}`);
        expect(text, said).toContain(entry);
      }
    }
  });

  it('«X в отпуске?», «X болеет?», «X в командировке?» ask about that one reason', async () => {
    const vacation = entries().find(({ entry }) => /отпуск/iu.test(entry))!;
    const surname = String(vacation.user.LAST_NAME);
    expect(await ask(`${surname} в отпуске?`)).toMatch(/^🌴 В отпуске .*: 1\n/u);
    expect(await ask(`${surname} на больничном?`)).toMatch(/^🤒 На больничном .*: 0\n/u);
  });

  it('an employee who is nowhere in the chart is said to be so; a name nobody has is said plainly', async () => {
    expect(await ask('где Соколов?')).toMatch(/Игорь Соколов.*: 0\nВ графике отсутствий никого/u);
    expect(await ask('где Пупкин?')).toMatch(/^🔎 Не нашёл сотрудника «Пупкин»/u);
  });
});

describe('the absence in one department', () => {
  it('«кого нет в отделе продаж» and its wordings list only that department’s people', async () => {
    const sales = h.portal.data.departments.find((one: Row) => one.NAME === 'Отдел продаж')!;
    for (const said of [
      'кого нет в отделе продаж',
      'кто отсутствует в отделе продаж',
      'кто в отпуске в отделе продаж',
    ]) {
      const text = await ask(said);
      expect(text, said).toMatch(/ · Отдел продаж \(по графику отсутствий\)/u);
      const away = entries().filter(({ user }) => (user.UF_DEPARTMENT as number[]).includes(Number(sales.ID)));
      const others = entries().filter(({ user }) => !(user.UF_DEPARTMENT as number[]).includes(Number(sales.ID)));
      for (const { user } of others) expect(text, said).not.toContain(String(user.LAST_NAME));
      expect(away.length).toBeGreaterThan(0);
    }
  });
});

describe('what the portal cannot tell', () => {
  it.each(['кто опоздал сегодня', 'кто сегодня опоздал?', 'кто опаздывает', 'who was late today'])(
    '«%s» is said plainly, with what can be shown instead',
    async (said) => {
      expect(await ask(said)).toMatch(/^(?:Кто опоздал, по Битрикс24 не сказать|Bitrix24 cannot tell who was late)/u);
    },
  );
});

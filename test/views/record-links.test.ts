// Every item of the ready-made views opens in Bitrix24 with a tap: a link to the record's own page on the
// portal's address (task, deal, lead, contact, company, meeting, employee), never a REST path or another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../assistant/harness.ts';

let h: Harness;
let origin: string;
beforeAll(async () => {
  h = await startHarness();
  origin = new URL(h.portal.webhookUrl).origin;
});
afterAll(() => h.close());

const PAGES = [
  /^company\/personal\/user\/\d+\/tasks\/task\/view\/\d+\/$/u,
  /^crm\/(?:deal|lead|contact|company)\/details\/\d+\/$/u,
  /^company\/personal\/user\/\d+\/calendar\/\?EVENT_ID=\d+$/u,
  /^company\/personal\/user\/\d+\/$/u,
];

async function bullets(text: string): Promise<string[]> {
  const replies = await h.assistant().handleText(h.newChat(), text);
  return replies.flatMap((reply) => reply.html.split('\n')).filter((line) => line.startsWith('• '));
}

const hrefOf = (line: string) => line.match(/<a href="([^"]+)">↗<\/a>$/u)?.[1]?.replace(/&amp;/g, '&');

describe('links to the records', () => {
  for (const [text, kind] of [
    ['мои задачи', 'tasks/task/view'],
    ['сделки', 'crm/deal/details'],
    ['воронка', 'crm/deal/details'],
    ['лиды', 'crm/lead/details'],
    ['команда', 'company/personal/user'],
    ['расписание на сегодня', 'calendar/?EVENT_ID'],
    ['контакты Ромашки', 'crm/contact/details'],
    ['задачи Орловой', 'tasks/task/view'],
    ['компании', 'crm/company/details'],
  ] as const) {
    it(`«${text}»: every item opens its own page on the portal`, async () => {
      // The pipeline's stage lines are totals, not records: its stuck deals are.
      const lines = (await bullets(text)).filter((line) => text !== 'воронка' || line.startsWith('• 💤'));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const href = hrefOf(line);
        expect(href, line).toBeDefined();
        expect(href!.startsWith(`${origin}/`), href).toBe(true);
        const path = href!.slice(origin.length + 1);
        expect(
          PAGES.some((page) => page.test(path)),
          path,
        ).toBe(true);
        expect(path).not.toMatch(/rest\//u);
      }
      expect(lines.some((line) => hrefOf(line)?.includes(kind))).toBe(true);
    });
  }

  it('a task opens in its responsible’s task list, a meeting in the director’s calendar', async () => {
    const [first] = await bullets('задачи Орловой');
    const orlova = h.portal.data.users.find((one) => one.LAST_NAME === 'Орлова')!;
    expect(hrefOf(first!)).toMatch(new RegExp(`/company/personal/user/${orlova.ID}/tasks/task/view/\\d+/$`, 'u'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentView } from '../../src/scenarios/registry.ts';
import type { ViewModel } from '../../src/vocabulary/view-models.ts';
import { ms, NOW, openTasksOf, plain, type Stand, startStand } from './demo.ts';

let stand: Stand;
beforeAll(async () => {
  stand = await startStand();
});
afterAll(() => stand.close());

async function run(request: Parameters<Stand['scenarios']['run']>[1], portalUserId = 1) {
  const view = (await stand.scenarios.run({ ...stand.director(), portalUserId }, request)) as ViewModel;
  return {
    view,
    text: plain(
      presentView(view, 'ru')
        .map((reply) => reply.html)
        .join('\n'),
    ),
  };
}

const activeUsers = () => stand.demo.data.users.filter((user) => user.ACTIVE !== false);

describe('team status', () => {
  it('shows the whole company to the director who heads it, with task counts per person', async () => {
    const { view, text } = await run({ scenario: 'teamStatus' });
    if (view.view !== 'teamStatus') throw new Error(view.view);
    const others = activeUsers().filter((user) => user.ID !== '1');
    expect(view.members.map((member) => member.person.id).sort((a, b) => a - b)).toEqual(
      others.map((user) => Number(user.ID)).sort((a, b) => a - b),
    );
    for (const member of view.members) {
      const open = openTasksOf(stand.demo, member.person.id);
      expect(member.activeTasks).toBe(open.length);
      expect(member.overdueTasks).toBe(
        open.filter((task) => task.deadline && ms(task.deadline) < NOW.getTime()).length,
      );
      expect(text).toContain(member.person.name);
    }
    const working = [...stand.demo.data.workdays.entries()].filter(
      ([id, day]) => id !== 1 && day.STATUS === 'OPENED' && others.some((user) => user.ID === String(id)),
    );
    expect(view.members.filter((member) => member.workDay === 'working').length).toBe(working.length);
  });

  it('shows a department head their own department', async () => {
    const { view, text } = await run({ scenario: 'teamStatus' }, 2);
    if (view.view !== 'teamStatus') throw new Error(view.view);
    const department = stand.demo.data.departments.find((one) => one.UF_HEAD === '2');
    const members = activeUsers().filter(
      (user) => user.ID !== '2' && (user.UF_DEPARTMENT as number[]).includes(Number(department?.ID)),
    );
    expect(view.members.map((member) => member.person.id).sort((a, b) => a - b)).toEqual(
      members.map((user) => Number(user.ID)).sort((a, b) => a - b),
    );
    expect(text.startsWith(`👥 ${department?.NAME}`)).toBe(true);
  });
});

describe('client dossier and search', () => {
  it('opens the one company a name finds, with its open deals', async () => {
    const { view, text } = await run({ scenario: 'dossier', query: 'ромашку' });
    if (view.view !== 'dossier' || view.card.kind !== 'company') throw new Error(view.view);
    const company = stand.demo.data.companies.find((one) => String(one.TITLE).includes('Ромашка'));
    expect(view.card.id).toBe(Number(company?.ID));
    const deals = stand.demo.data.deals.filter(
      (deal) => deal.COMPANY_ID === company?.ID && deal.STAGE_SEMANTIC_ID === 'P',
    );
    expect(view.deals.items.map((deal) => deal.id).sort((a, b) => a - b)).toEqual(
      deals.map((deal) => Number(deal.ID)).sort((a, b) => a - b),
    );
    expect(text).toContain('🏢 <b>ООО «Ромашка»</b>');
  });

  it('lists several people to pick from, each button carrying an id', async () => {
    const { view } = await run({ scenario: 'dossier', query: 'Иванов' });
    if (view.view !== 'choice') throw new Error(view.view);
    const expected = stand.demo.data.contacts.filter((contact) => String(contact.LAST_NAME).startsWith('Иванов'));
    expect(view.choices.total).toBe(expected.length);
    const buttons = presentView(view, 'ru').at(-1)?.buttons?.flat() ?? [];
    expect(buttons.map((button) => button.action)).toEqual(
      view.choices.items.map((choice) => ({ kind: 'show', request: { scenario: 'dossier', contactId: choice.id } })),
    );
  });

  it('finds a person by first and last name together', async () => {
    const contact = stand.demo.data.contacts.find((one) => one.NAME === 'Пётр' && one.LAST_NAME === 'Иванов');
    const { view } = await run({ scenario: 'dossier', query: 'Пётр Иванов' });
    if (view.view !== 'dossier' || view.card.kind !== 'contact') throw new Error(view.view);
    expect(view.card.id).toBe(Number(contact?.ID));
  });

  it('opens the one deal a search finds, in the search’s own request', async () => {
    const deal = stand.demo.data.deals.find(
      (one) => stand.demo.data.deals.filter((other) => other.TITLE === one.TITLE).length === 1,
    );
    if (!deal) throw new Error('the demo company has a deal with a title of its own');
    deal.TITLE = `${String(deal.TITLE)} Квазар`;
    await stand.scenarios.names.warm();
    const before = stand.demo.requestCount;
    const { view, text } = await run({ scenario: 'search', query: 'квазар' });
    if (view.view !== 'dealCard') throw new Error(view.view);
    expect(view.deal.id).toBe(Number(deal.ID));
    expect(text).toContain(`💼 <b>${String(deal.TITLE)}</b>`);
    expect(stand.demo.requestCount - before).toBe(1);
  });

  it('says plainly when nothing matches', async () => {
    const { view, text } = await run({ scenario: 'search', query: 'Несуществующая контора' });
    expect(view.view).toBe('notFound');
    expect(text).toContain('ничего не нашлось');
  });
});

describe('meeting prep', () => {
  it('finds the meeting by its time, names the attendees with positions and the client’s deals', async () => {
    const event = stand.demo.data.events.find((one) => String(one.NAME).includes('Ромашка'));
    if (!event) throw new Error('the demo company meets «Ромашка» today');
    const from = new Date(Number(event.DATE_FROM_TS_UTC) * 1000);
    const time = from.toLocaleTimeString('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit' });
    const { view, text } = await run({ scenario: 'meetingPrep', time, date: '2026-11-25' });
    if (view.view !== 'meetingPrep') throw new Error(view.view);
    expect(view.event.id).toBe(Number(event.ID));
    const attendees = (event.ATTENDEE_LIST as { id: number; status: string }[]).filter(
      (one) => one.id !== 1 && one.status !== 'N',
    );
    expect(view.attendees.map((person) => person.id).sort((a, b) => a - b)).toEqual(
      attendees.map((one) => one.id).sort((a, b) => a - b),
    );
    for (const person of view.attendees) expect(text).toContain(`${person.name} — ${person.position}`);
    const company = stand.demo.data.companies.find((one) => String(one.TITLE).includes('Ромашка'));
    const clientDeals = stand.demo.data.deals.filter(
      (deal) => deal.COMPANY_ID === company?.ID && deal.STAGE_SEMANTIC_ID === 'P',
    );
    for (const deal of clientDeals) expect(view.deals.map((one) => one.id)).toContain(Number(deal.ID));
  });
});

describe('the director’s profile', () => {
  it('takes the name and zone from the portal, the webhook’s own user by default', async () => {
    expect(await stand.scenarios.profile()).toEqual({
      portalUserId: 1,
      name: 'Алексей Смирнов',
      timeZone: 'Europe/Moscow',
    });
    const far = stand.demo.data.users.find((user) => user.TIME_ZONE === 'Asia/Vladivostok');
    expect((await stand.scenarios.profile(Number(far?.ID))).timeZone).toBe('Asia/Vladivostok');
  });

  it('falls back to the portal’s own offset when the profile has no zone', async () => {
    const user = stand.demo.data.users.find((one) => one.ID === '3');
    if (!user) throw new Error('the demo company has a user 3');
    user.TIME_ZONE = '';
    expect((await stand.scenarios.profile(3)).timeZone).toBe('UTC+3');
  });
});

describe('a client found by first and last name', () => {
  it('opens the right card when the card read ahead belongs to someone else', async () => {
    const [wanted, other] = stand.demo.data.contacts;
    if (!wanted || !other) throw new Error('the demo company has contacts');
    wanted.NAME = 'Аристарх';
    wanted.LAST_NAME = 'Петровский';
    // The first contact found by the longest word (the surname) is another person: the card read ahead is theirs.
    other.LAST_NAME = 'Петровский';
    await stand.scenarios.names.warm();
    const before = stand.demo.requestCount;
    const { view } = await run({ scenario: 'dossier', query: 'Аристарх Петровский' });
    if (view.view !== 'dossier' || view.card.kind !== 'contact') throw new Error(view.view);
    expect(view.card.id).toBe(Number(wanted.ID));
    expect(view.card.name).toBe('Аристарх Петровский');
    expect(stand.demo.requestCount - before).toBe(2);
  });
});

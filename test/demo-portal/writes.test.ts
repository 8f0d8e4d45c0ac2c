// Writes really change the portal: what was created, moved or deleted is what the next read shows.
import { describe, expect, it } from 'vitest';
import { demoPortalForFile } from './portal-call.ts';

const call = demoPortalForFile();

type Task = Record<string, unknown>;

describe('tasks', () => {
  it('a created task is in the next list; update, complete and delete show up too', async () => {
    const created = await call('tasks.task.add', {
      fields: {
        TITLE: 'Позвонить в ООО «Ромашка»',
        DEADLINE: '2026-11-26T15:00:00+03:00',
        RESPONSIBLE_ID: 1,
        UF_CRM_TASK: ['D_1'],
      },
    });
    const task = (created.body.result as { task: Task }).task;
    expect(task).toMatchObject({
      title: 'Позвонить в ООО «Ромашка»',
      deadline: '2026-11-26T15:00:00+03:00',
      status: '2',
      responsibleId: '1',
      ufCrmTask: ['D_1'],
    });
    const tomorrow = {
      RESPONSIBLE_ID: 1,
      '>=DEADLINE': '2026-11-26T00:00:00+03:00',
      '<DEADLINE': '2026-11-27T00:00:00+03:00',
    };
    const listed = await call('tasks.task.list', { filter: tomorrow, select: ['ID', 'TITLE'] });
    expect((listed.body.result as { tasks: Task[] }).tasks).toContainEqual({
      id: task.id,
      title: 'Позвонить в ООО «Ромашка»',
    });

    await call('tasks.task.update', { taskId: task.id, fields: { DEADLINE: '2026-11-27 10:00:00' } });
    const moved = await call('tasks.task.get', { taskId: task.id });
    expect((moved.body.result as { task: Task }).task.deadline).toBe('2026-11-27T10:00:00+03:00');

    await call('tasks.task.complete', { taskId: task.id });
    const done = await call('tasks.task.list', { filter: { ID: task.id }, select: ['ID', 'STATUS', 'CLOSED_DATE'] });
    expect((done.body.result as { tasks: Task[] }).tasks).toEqual([
      { id: task.id, status: '5', closedDate: '2026-11-25T12:00:00+03:00' },
    ]);

    expect((await call('tasks.task.delete', { taskId: task.id })).body.result).toEqual({ task: true });
    expect(await call('tasks.task.get', { taskId: task.id })).toMatchObject({ status: 200, body: { result: [] } });
    expect((await call('tasks.task.complete', { taskId: task.id })).status).toBe(400);
  });

  it('a task bound to a company is listed by that binding, among several', async () => {
    const created = await call('tasks.task.add', {
      fields: { TITLE: 'Сверить акты', RESPONSIBLE_ID: 1, UF_CRM_TASK: ['CO_3', 'D_7'] },
    });
    const id = (created.body.result as { task: Task }).task.id;
    const listed = await call('tasks.task.list', { filter: { UF_CRM_TASK: 'CO_3' }, select: ['ID', 'UF_CRM_TASK'] });
    expect((listed.body.result as { tasks: Task[] }).tasks).toContainEqual({ id, ufCrmTask: ['CO_3', 'D_7'] });
  });

  it('refuses a task without a title', async () => {
    const answer = await call('tasks.task.add', { fields: { DEADLINE: '2026-11-26' } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('ERROR_CORE');
  });
});

describe('deals', () => {
  it('a new deal starts at the first stage; moves are written to the stage history', async () => {
    const created = await call('crm.deal.add', { fields: { TITLE: 'Поставка', OPPORTUNITY: 500000, COMPANY_ID: 1 } });
    const id = created.body.result as number;
    expect(typeof id).toBe('number');
    const deal = (await call('crm.deal.get', { id })).body.result as Record<string, string>;
    expect(deal).toMatchObject({
      TITLE: 'Поставка',
      OPPORTUNITY: '500000.00',
      STAGE_ID: 'NEW',
      CATEGORY_ID: '0',
      STAGE_SEMANTIC_ID: 'P',
      CLOSED: 'N',
      ASSIGNED_BY_ID: '1',
      COMPANY_ID: '1',
    });

    expect((await call('crm.deal.update', { id, fields: { STAGE_ID: 'EXECUTING' } })).body.result).toBe(true);
    expect((await call('crm.deal.update', { id, fields: { STAGE_ID: 'WON' } })).body.result).toBe(true);
    const history = await call('crm.stagehistory.list', {
      entityTypeId: 2,
      filter: { OWNER_ID: id },
      order: { ID: 'ASC' },
    });
    const items = (history.body.result as { items: Record<string, unknown>[] }).items;
    expect(items.map((item) => [item.TYPE_ID, item.STAGE_ID, item.STAGE_SEMANTIC_ID])).toEqual([
      [1, 'NEW', 'P'],
      [2, 'EXECUTING', 'P'],
      [3, 'WON', 'S'],
    ]);
    expect(items.every((item) => item.CREATED_TIME === '2026-11-25T12:00:00+03:00')).toBe(true);
    const won = (await call('crm.deal.get', { id })).body.result as Record<string, string>;
    expect(won).toMatchObject({ CLOSED: 'Y', STAGE_SEMANTIC_ID: 'S', MOVED_TIME: '2026-11-25T12:00:00+03:00' });

    expect((await call('crm.deal.delete', { id })).body.result).toBe(true);
    expect((await call('crm.deal.get', { id })).status).toBe(400);
  });

  it('a deal made with its contact list shows that contact, and the contact’s deals list it', async () => {
    const id = (await call('crm.deal.add', { fields: { TITLE: 'Поставка', CONTACT_IDS: [2] } })).body.result as number;
    const deal = (await call('crm.deal.get', { id })).body.result as Record<string, unknown>;
    expect(deal.CONTACT_ID).toBe('2');
    const listed = await call('crm.deal.list', { filter: { CONTACT_ID: 2 }, select: ['ID'] });
    expect(listed.body.result).toContainEqual({ ID: String(id) });
  });

  it('refuses a stage of another pipeline', async () => {
    const answer = await call('crm.deal.update', { id: 1, fields: { STAGE_ID: 'C1:WON' } });
    expect(answer.status).toBe(400);
  });

  it('contacts, companies and timeline comments', async () => {
    const contact = await call('crm.contact.add', {
      fields: { NAME: 'Олег', LAST_NAME: 'Тарасов', PHONE: [{ VALUE: '+7 900 000-00-01', VALUE_TYPE: 'WORK' }] },
    });
    const read = (await call('crm.contact.get', { id: contact.body.result })).body.result as Record<string, unknown>;
    expect(read).toMatchObject({ NAME: 'Олег', LAST_NAME: 'Тарасов', HAS_PHONE: 'Y' });
    expect(read.PHONE).toEqual([
      { ID: expect.any(String), VALUE_TYPE: 'WORK', VALUE: '+7 900 000-00-01', TYPE_ID: 'PHONE' },
    ]);
    const company = await call('crm.company.add', { fields: { TITLE: 'ООО «Новый Клиент»' } });
    const found = await call('crm.company.list', { filter: { '%TITLE': 'новый клиент' } });
    expect(found.body.result).toEqual([
      expect.objectContaining({ ID: String(company.body.result), TITLE: 'ООО «Новый Клиент»' }),
    ]);

    const comment = await call('crm.timeline.comment.add', {
      fields: { ENTITY_ID: 1, ENTITY_TYPE: 'deal', COMMENT: 'Клиент просит скидку' },
    });
    expect(typeof comment.body.result).toBe('number');
    const comments = await call('crm.timeline.comment.list', { filter: { ENTITY_ID: 1, ENTITY_TYPE: 'deal' } });
    expect(comments.body.result).toEqual([
      expect.objectContaining({ COMMENT: 'Клиент просит скидку', AUTHOR_ID: '1' }),
    ]);
    expect(
      (await call('crm.timeline.comment.add', { fields: { ENTITY_ID: 99999, ENTITY_TYPE: 'deal', COMMENT: 'x' } }))
        .status,
    ).toBe(400);
  });
});

describe('calendar', () => {
  it('a created meeting is in that day; it can be moved and deleted', async () => {
    const created = await call('calendar.event.add', {
      type: 'user',
      ownerId: 1,
      name: 'Встреча с «Гранитом»',
      from: '2026-11-27 15:00:00',
      to: '2026-11-27 16:00:00',
      is_meeting: 'Y',
      attendees: [1, 3],
      location: 'Переговорная 2',
    });
    const id = created.body.result as number;
    expect(typeof id).toBe('number');
    const day = async (date: string) =>
      (
        (await call('calendar.event.get', { type: 'user', ownerId: 1, from: date, to: date })).body.result as Record<
          string,
          unknown
        >[]
      ).find((event) => event.ID === String(id));
    expect(await day('2026-11-27')).toMatchObject({
      DATE_FROM: '27.11.2026 15:00:00',
      DATE_TO: '27.11.2026 16:00:00',
      TZ_FROM: 'Europe/Moscow',
      IS_MEETING: true,
    });

    await call('calendar.event.update', {
      type: 'user',
      ownerId: 1,
      id,
      from: '2026-11-28T10:00:00+03:00',
      to: '2026-11-28T11:00:00+03:00',
    });
    expect(await day('2026-11-27')).toBeUndefined();
    expect(await day('2026-11-28')).toMatchObject({ DATE_FROM: '28.11.2026 10:00:00', NAME: 'Встреча с «Гранитом»' });

    expect((await call('calendar.event.delete', { type: 'user', ownerId: 1, id })).body.result).toBe(true);
    expect(await day('2026-11-28')).toBeUndefined();
  });

  it('refuses an event without a name', async () => {
    const answer = await call('calendar.event.add', {
      type: 'user',
      ownerId: 1,
      from: '2026-11-27 15:00:00',
      to: '2026-11-27 16:00:00',
    });
    expect(answer).toEqual({
      status: 400,
      body: {
        error: '',
        error_description: 'The required parameter "name" for the method "calendar.event.add" is not set',
      },
    });
  });
});

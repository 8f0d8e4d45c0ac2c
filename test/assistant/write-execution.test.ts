import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { PortalClient } from '../../src/portal/port.ts';
import { createNameDirectory } from '../../src/scenarios/names.ts';
import { executeWrite } from '../../src/scenarios/writes/write-execution.ts';
import { createWriteLookup, type WriteLookupService } from '../../src/scenarios/writes/write-lookup.ts';
import type { Director } from '../../src/vocabulary/director.ts';

const now = () => new Date('2026-11-25T07:00:00Z');
const director: Director = { portalUserId: 1, timeZone: 'Europe/Moscow', language: 'ru' };
let portal: DemoPortal;
let client: PortalClient;
let lookup: WriteLookupService;

beforeAll(async () => {
  portal = await startDemoPortal({ now, rateLimit: false });
  client = createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0 });
  lookup = createWriteLookup({ portal: client, names: createNameDirectory(client, { now }), now });
});
afterAll(() => portal.close());

const ready = async (draft: Parameters<WriteLookupService['resolve']>[1]) => {
  const found = await lookup.resolve(director, draft);
  if (found.kind !== 'ready') throw new Error(`expected one match, got ${JSON.stringify(found)}`);
  return found.write;
};

describe('a confirmed write is one change in the portal', () => {
  it('creates a deal with its sum, assigned to the director', async () => {
    const { createdId } = await executeWrite(client, director, {
      type: 'createDeal',
      title: 'Поставка',
      amount: 500000,
      currency: 'RUB',
    });
    const deal = portal.data.deals.find((one) => Number(one.ID) === createdId)!;
    expect([deal.TITLE, Number(deal.OPPORTUNITY), Number(deal.ASSIGNED_BY_ID)]).toEqual(['Поставка', 500000, 1]);
  });

  it('moves a deal found by name to a stage found by name', async () => {
    const deal = portal.data.deals.find(
      (one) =>
        one.STAGE_SEMANTIC_ID === 'P' &&
        Number(one.CATEGORY_ID) === 0 &&
        portal.data.deals.filter((other) => other.TITLE === one.TITLE).length === 1,
    )!;
    const names = createNameDirectory(client, { now });
    const target = (await names.stages(0)).find(
      (stage) => stage.id !== deal.STAGE_ID && stage.semantics === 'process',
    )!;
    const write = await ready({
      type: 'moveDeal',
      dealQuery: String(deal.TITLE),
      stageQuery: target.name.toLowerCase(),
    });
    expect(write).toMatchObject({ type: 'moveDeal', stageId: target.id, stageName: target.name });
    await executeWrite(client, director, write!);
    expect(portal.data.deals.find((one) => one.ID === (write as { dealId: number }).dealId.toString())?.STAGE_ID).toBe(
      target.id,
    );
  });

  it('comments on a company found by part of its name', async () => {
    const company = portal.data.companies[0]!;
    const word = String(company.TITLE)
      .replace(/^(ООО|АО|ПАО|ИП)\s+/, '')
      .replace(/[«»"]/g, '');
    const write = await ready({
      type: 'addComment',
      entity: 'company',
      entityQuery: word,
      text: 'Перезвонить в понедельник',
    });
    await executeWrite(client, director, write);
    expect(portal.data.comments.at(-1)).toMatchObject({ COMMENT: 'Перезвонить в понедельник' });
  });

  it('comments on a deal found by its title, on that deal', async () => {
    const deal = portal.data.deals.find(
      (one) => portal.data.deals.filter((other) => other.TITLE === one.TITLE).length === 1,
    )!;
    const write = await ready({
      type: 'addComment',
      entity: 'deal',
      entityQuery: String(deal.TITLE),
      text: 'Клиент просит скидку',
    });
    expect(write).toMatchObject({ entity: 'deal', entityId: Number(deal.ID) });
    await executeWrite(client, director, write);
    expect(portal.data.comments.at(-1)).toMatchObject({
      ENTITY_TYPE: 'deal',
      ENTITY_ID: String(deal.ID),
      COMMENT: 'Клиент просит скидку',
    });
  });

  it('comments on a contact found by first and last name in any order', async () => {
    const contact = portal.data.contacts.find(
      (one) => portal.data.contacts.filter((other) => other.LAST_NAME === one.LAST_NAME).length === 1,
    )!;
    const write = await ready({
      type: 'addComment',
      entity: 'contact',
      entityQuery: `${contact.LAST_NAME} ${contact.NAME}`,
      text: 'Отправить договор',
    });
    expect(write).toMatchObject({ entityId: Number(contact.ID), entityTitle: `${contact.NAME} ${contact.LAST_NAME}` });
    await executeWrite(client, director, write);
    expect(portal.data.comments.at(-1)).toMatchObject({ COMMENT: 'Отправить договор' });
  });

  it('creates, moves and deletes a meeting in the director’s calendar', async () => {
    const before = portal.data.events.length;
    const { createdId } = await executeWrite(client, director, {
      type: 'createMeeting',
      title: 'Созвон с подрядчиком',
      from: '2026-11-26T07:15:00+03:00',
      to: '2026-11-26T08:00:00+03:00',
    });
    expect(portal.data.events.length).toBe(before + 1);
    const move = await ready({
      type: 'moveMeeting',
      meetingQuery: '7:15',
      date: '2026-11-26',
      from: '2026-11-26T16:00:00+03:00',
    });
    expect(move).toMatchObject({ eventId: createdId, title: 'Созвон с подрядчиком', to: '2026-11-26T16:45:00+03:00' });
    await executeWrite(client, director, move);
    const moved = portal.data.events.find((event) => Number(event.ID) === createdId)!;
    expect(moved.DATE_FROM).toBe('26.11.2026 16:00:00');
    const remove = await ready({ type: 'deleteMeeting', meetingQuery: 'созвон с подрядчиком', date: '2026-11-26' });
    await executeWrite(client, director, remove);
    expect(portal.data.events.some((event) => Number(event.ID) === createdId && event.DELETED !== 'Y')).toBe(false);
  });

  it('creates a contact with a phone and a company', async () => {
    const contact = await executeWrite(client, director, {
      type: 'createContact',
      name: 'Иван',
      lastName: 'Петров',
      phone: '+79991234567',
    });
    const company = await executeWrite(client, director, { type: 'createCompany', title: 'Ромашка Плюс' });
    expect(portal.data.contacts.find((one) => Number(one.ID) === contact.createdId)).toMatchObject({
      NAME: 'Иван',
      LAST_NAME: 'Петров',
    });
    expect(portal.data.companies.find((one) => Number(one.ID) === company.createdId)).toMatchObject({
      TITLE: 'Ромашка Плюс',
    });
  });

  it('completes a task, and creates one for a colleague named in the dative', async () => {
    const task = portal.data.tasks.find((one) => Number(one.responsibleId) === 1 && Number(one.status) < 5)!;
    await executeWrite(client, director, { type: 'completeTask', taskId: Number(task.id), title: String(task.title) });
    expect(Number(task.status)).toBe(5);
    const write = await ready({
      type: 'createTask',
      title: 'Позвонить клиенту',
      responsibleName: 'Соколову',
      deadline: '2026-11-27T18:00:00+03:00',
    });
    expect(write).toMatchObject({ responsibleId: 5 });
    const { createdId } = await executeWrite(client, director, write);
    expect(Number(portal.data.tasks.find((one) => Number(one.id) === createdId)?.responsibleId)).toBe(5);
  });

  it('says "not found" instead of guessing', async () => {
    expect(await lookup.resolve(director, { type: 'deleteDeal', dealQuery: 'Несуществующая сделка Зюзя' })).toEqual({
      kind: 'notFound',
      subject: 'deal',
      query: 'Несуществующая сделка Зюзя',
    });
  });
});

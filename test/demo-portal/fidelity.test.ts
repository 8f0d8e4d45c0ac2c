// The gaps the official SDK found between the demo portal and the documented portal (issue 18), one test each.
import { describe, expect, it } from 'vitest';
import { demoPortalForFile } from './portal-call.ts';

const call = demoPortalForFile();
const resultOf = (body: Record<string, unknown>) => body.result as Record<string, unknown>;

describe('batch references', () => {
  it('resolves $result written literally and URL-encoded, the way the SDK and PHP send it', async () => {
    const encoded = encodeURIComponent('$result[me][ID]');
    const { body } = await call('batch', {
      halt: 1,
      cmd: {
        me: 'user.current',
        literal: 'user.get?ID=$result[me][ID]',
        encoded: `user.get?ID=${encoded}`,
        nested: `crm.deal.list?filter%5BASSIGNED_BY_ID%5D=${encoded}&select%5B%5D=ID&start=-1`,
      },
    });
    const results = resultOf(body).result as Record<string, { ID: string }[]>;
    expect(results.literal!.map((user) => user.ID)).toEqual(['1']);
    expect(results.encoded!.map((user) => user.ID)).toEqual(['1']);
    expect(results.nested!.length).toBeGreaterThan(0);
  });

  it('chains a write on an encoded reference: the comment lands on the deal found first', async () => {
    const reference = encodeURIComponent('$result[deal][0][ID]');
    const { body } = await call('batch', {
      halt: 1,
      cmd: {
        deal: 'crm.deal.list?order%5BID%5D=ASC&select%5B%5D=ID&start=-1',
        comment: `crm.timeline.comment.add?fields%5BENTITY_TYPE%5D=deal&fields%5BENTITY_ID%5D=${reference}&fields%5BCOMMENT%5D=${encodeURIComponent('Созвонились')}`,
        check: 'crm.timeline.comment.list?filter%5BENTITY_ID%5D=%24result%5Bdeal%5D%5B0%5D%5BID%5D',
      },
    });
    const results = resultOf(body).result as Record<string, unknown>;
    expect(resultOf(body).result_error).toEqual([]);
    expect(results.comment).toEqual(expect.any(Number));
    expect(results.check).toEqual([expect.objectContaining({ ENTITY_ID: '1', COMMENT: 'Созвонились' })]);
  });
});

describe('user.get and department.get', () => {
  it('do not read sort, order, select, IMAGE_RESIZE or a client’s bx24_* markers as filters', async () => {
    const everyone = (await call('user.get')).body;
    const total = everyone.total as number;
    expect(total).toBeGreaterThan(20);
    for (const extra of [
      { sort: 'LAST_NAME' },
      { order: 'DESC' },
      { sort: 'ID', order: 'DESC' },
      { IMAGE_RESIZE: 'small' },
      { bx24_request_id: 'abc', bx24_label: 'x' },
      { select: ['ID', 'NAME'] },
    ]) {
      expect((await call('user.get', extra)).body.total, JSON.stringify(extra)).toBe(total);
    }
    const departments = (await call('department.get')).body.total as number;
    for (const extra of [{ sort: 'ID', order: 'DESC' }, { order: 'DESC' }, { bx24_request_id: 'abc' }]) {
      expect((await call('department.get', extra)).body.total, JSON.stringify(extra)).toBe(departments);
    }
  });

  it('sort and order as the documentation writes them; select keeps only the asked fields', async () => {
    const byId = (await call('user.get', { sort: 'ID', order: 'DESC' })).body.result as { ID: string }[];
    expect(byId[0]!.ID).toBe(String(byId.length));
    const chosen = (await call('user.get', { select: ['ID', 'LAST_NAME', 'NO_SUCH_FIELD'] })).body.result as object[];
    expect(Object.keys(chosen[0]!)).toEqual(['ID', 'LAST_NAME']);
    // `SORT` upper-case is a department filter (its sort index), `sort` lower-case the order.
    const heads = (await call('department.get', { sort: 'ID', order: 'DESC', PARENT: 1 })).body.result as {
      ID: string;
    }[];
    expect(heads.map((department) => department.ID)).toEqual(['6', '5', '4', '3', '2']);
  });
});

describe('tasks', () => {
  it('lists newest first by default and refuses an unknown sort key', async () => {
    const tasks = ((await call('tasks.task.list', { select: ['ID'] })).body.result as { tasks: { id: string }[] })
      .tasks;
    const ids = tasks.map((task) => Number(task.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(await call('tasks.task.list', { order: { NO_SUCH_KEY: 'ASC' } })).toEqual({
      status: 400,
      body: { error: '0', error_description: 'Invalid sorting key (internal error)' },
    });
    expect((await call('tasks.task.list', { order: { DEADLINE: 'ASC' } })).status).toBe(200);
  });

  it('refuses a task without a responsible person, and a call without fields with 100', async () => {
    const noOne = await call('tasks.task.add', { fields: { TITLE: 'Подготовить отчёт' } });
    expect(noOne).toMatchObject({ status: 400, body: { error: 'ERROR_CORE' } });
    expect(await call('tasks.task.add', {})).toEqual({
      status: 400,
      body: { error: '100', error_description: 'Could not find value for parameter {fields} (internal error)' },
    });
    const made = await call('tasks.task.add', { fields: { TITLE: 'Подготовить отчёт', RESPONSIBLE_ID: 3 } });
    expect((resultOf(made.body).task as { responsibleId: string }).responsibleId).toBe('3');
  });

  it('answers a missing task in each method’s own documented words', async () => {
    expect(await call('tasks.task.complete', { taskId: 999_999 })).toEqual({
      status: 400,
      body: { error: '0', error_description: 'Action on the task is not allowed' },
    });
    expect((await call('tasks.task.update', { taskId: 999_999, fields: { TITLE: 'x' } })).body).toMatchObject({
      error: '0',
    });
    expect((await call('tasks.task.delete', { taskId: 999_999 })).body).toMatchObject({ error: '1048582' });
  });
});

describe('crm.deal.list and crm.deal.update', () => {
  it('does no LIKE on a stage: a part of a stage code finds nothing, the whole code finds its deals', async () => {
    const part = await call('crm.deal.list', { filter: { '%STAGE_ID': 'PREPAR' } });
    expect(part.body).toMatchObject({ result: [], total: 0 });
    const whole = await call('crm.deal.list', { filter: { '%STAGE_ID': 'PREPARATION' } });
    const exact = await call('crm.deal.list', { filter: { STAGE_ID: 'PREPARATION' } });
    expect(whole.body.total).toBe(exact.body.total);
    expect(exact.body.total).toBeGreaterThan(0);
    // LIKE still works on text fields.
    expect((await call('crm.deal.list', { filter: { '%TITLE': 'поставк' } })).body.total).toBeGreaterThan(0);
  });

  it('refuses a filter or an order that is not an object', async () => {
    expect(await call('crm.deal.list', { filter: 'STAGE_ID=NEW' })).toEqual({
      status: 400,
      body: { error: '', error_description: "Parameter 'filter' must be array." },
    });
    expect(await call('crm.deal.list', { order: 'ID' }, 'get')).toEqual({
      status: 400,
      body: { error: '', error_description: "Parameter 'order' must be array." },
    });
  });

  it('skips unknown fields on update instead of storing them', async () => {
    const update = await call('crm.deal.update', { id: 2, fields: { COMMENTS: 'Ждём оплату', NO_SUCH_FIELD: 'x' } });
    expect(update.body.result).toBe(true);
    const deal = resultOf((await call('crm.deal.get', { id: 2 })).body);
    expect(deal.COMMENTS).toBe('Ждём оплату');
    expect(deal).not.toHaveProperty('NO_SUCH_FIELD');
  });
});

describe('stage history, pipelines, stages and comments', () => {
  it('gives stage history ids as numbers and refuses what it does not support', async () => {
    const history = await call('crm.stagehistory.list', { entityTypeId: 2, order: { ID: 'ASC' } });
    const [first] = (resultOf(history.body).items as Record<string, unknown>[]) ?? [];
    expect(first).toMatchObject({
      ID: expect.any(Number),
      TYPE_ID: expect.any(Number),
      OWNER_ID: expect.any(Number),
      CATEGORY_ID: expect.any(Number),
    });
    expect(await call('crm.stagehistory.list', { entityTypeId: 7 })).toEqual({
      status: 400,
      body: { error: 'ENTITY_TYPE_NOT_SUPPORTED', error_description: 'Entity type QUOTE is not supported' },
    });
    expect(await call('crm.stagehistory.list', { entityTypeId: 2, filter: { NO_SUCH_FIELD: 1 } })).toEqual({
      status: 400,
      body: {
        error: 'INVALID_ARG_VALUE',
        error_description: "Invalid filter: field 'NO_SUCH_FIELD' is not allowed in filter",
      },
    });
  });

  it('answers NOT_FOUND for the pipelines of an unknown entity type', async () => {
    expect(await call('crm.category.list', { entityTypeId: 999 })).toEqual({
      status: 400,
      body: { error: 'NOT_FOUND', error_description: 'Smart process not found' },
    });
  });

  it('gives the default pipeline’s stages a null pipeline id', async () => {
    const stages = (await call('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE' } })).body.result as {
      CATEGORY_ID: unknown;
    }[];
    expect(stages.length).toBeGreaterThan(0);
    expect(stages.every((stage) => stage.CATEGORY_ID === null)).toBe(true);
    const tenders = (await call('crm.status.list', { filter: { ENTITY_ID: 'DEAL_STAGE_1' } })).body.result as {
      CATEGORY_ID: unknown;
    }[];
    expect(tenders.every((stage) => stage.CATEGORY_ID === '1')).toBe(true);
  });

  it('answers OWNER_NOT_FOUND for a comment on a deal that does not exist', async () => {
    expect(
      await call('crm.timeline.comment.add', { fields: { ENTITY_TYPE: 'deal', ENTITY_ID: 999_999, COMMENT: 'x' } }),
    ).toEqual({ status: 400, body: { error: 'OWNER_NOT_FOUND', error_description: 'Owner of the item not found' } });
  });
});

describe('calendar events', () => {
  it('carry the documented fields', async () => {
    const events = (await call('calendar.event.get', { type: 'user', ownerId: 1 })).body.result as Record<
      string,
      unknown
    >[];
    expect(events.length).toBeGreaterThan(0);
    for (const field of [
      'ATTENDEES_CODES',
      'DATE_FROM_FORMATTED',
      'DATE_TO_FORMATTED',
      'DAV_XML_ID',
      'VERSION',
      'SECT_ID',
      'RECURRENCE_ID',
      'RELATIONS',
      'UF_CRM_CAL_EVENT',
      'attendeesEntityList',
    ]) {
      expect(events[0], field).toHaveProperty(field);
    }
    expect(events[0]!.DATE_FROM_FORMATTED).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{4} \d{2}:\d{2}:\d{2}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { commandQuery } from '../../src/portal/batch.ts';
import { isReadMethod, safetyOf } from '../../src/portal/safety.ts';

describe('safety classes', () => {
  it('reads only what the allowlist names', () => {
    for (const method of [
      'crm.deal.list',
      'tasks.task.list',
      'user.current',
      'calendar.event.get.nearest',
      'calendar.event.getbyid',
      'timeman.status',
      'im.department.employees.get',
      'scope',
      'server.time',
      'CRM.DEAL.LIST.json',
    ]) {
      expect([method, safetyOf(method)]).toEqual([method, 'read']);
    }
    expect(isReadMethod('crm.deal.fields')).toBe(true);
  });

  it('treats every other method as a write, and deletions and removals as destructive', () => {
    const cases: [string, string][] = [
      ['crm.deal.add', 'write'],
      ['crm.deal.update', 'write'],
      ['tasks.task.complete', 'write'],
      ['timeman.open', 'write'],
      ['im.message.add', 'write'],
      ['crm.timeline.comment.add', 'write'],
      ['crm.deal.productrows.set', 'write'],
      ['something.unheard.of', 'write'],
      // A read-looking ending is not enough: this one marks notifications read.
      ['im.notify.read.list', 'write'],
      ['crm.widget.list', 'write'],
      ['crm.deal.update#.list', 'write'],
      ['crm.deal.list/../crm.deal.update', 'write'],
      ['crm.deal.list ', 'read'],
      [' Crm.Deal.List', 'read'],
      ['crm.deal.delete', 'destroy'],
      ['calendar.event.delete', 'destroy'],
      ['crm.deal.contact.items.delete', 'destroy'],
      ['event.unbind', 'destroy'],
      ['im.chat.user.remove', 'destroy'],
      ['placement.unbind', 'destroy'],
    ];
    for (const [method, safety] of cases) expect([method, safetyOf(method)]).toEqual([method, safety]);
  });

  it('judges a batch by its worst command', () => {
    const cmd = (...commands: [string, Record<string, unknown>?][]) =>
      Object.fromEntries(commands.map(([method, params], index) => [`c${index}`, commandQuery({ method, params })]));
    expect(safetyOf('batch', { cmd: cmd(['crm.deal.list', { filter: { '>ID': 5 } }], ['user.current']) })).toBe('read');
    expect(
      safetyOf('batch', { cmd: cmd(['crm.deal.list'], ['crm.deal.update', { id: 1, fields: { TITLE: 'x' } }]) }),
    ).toBe('write');
    expect(safetyOf('batch', { cmd: cmd(['crm.deal.add'], ['crm.deal.delete', { id: 1 }], ['crm.deal.list']) })).toBe(
      'destroy',
    );
    expect(safetyOf('batch', { cmd: ['crm.deal.list', 'tasks.task.delete?taskId=3'] })).toBe('destroy');
    expect(safetyOf('batch', { cmd: { a: 'batch?cmd[x]=crm.deal.delete%3Fid%3D1' } })).toBe('destroy');
    expect(safetyOf('batch', {})).toBe('write');
    // The portal takes the method up to `#` or `?`: this one runs crm.deal.update.
    expect(safetyOf('batch', { cmd: { a: 'crm.deal.update#.list?id=1&fields[TITLE]=x' } })).toBe('write');
    expect(safetyOf('batch', { cmd: { a: 'im.notify.read.list' } })).toBe('write');
    expect(safetyOf('batch', { cmd: { a: ' CRM.DEAL.LIST ?select[]=ID' } })).toBe('read');
  });
});

import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, fitsButton } from '../../src/telegram/callback-data.ts';
import { taggedData, untaggedData, workspaceTagOf } from '../../src/telegram/workspace-tag.ts';
import type { Action } from '../../src/vocabulary/actions.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

// Every kind of action, written the way a view or the assistant writes it. Titles of existing records are
// not carried by a button (they are read again from the portal), so those round-trip as ''.
const roundTrips: Action[] = [
  { kind: 'confirm', proposalId: 'aB3_x-9QwErT' },
  { kind: 'pick', listId: 'Zx8_k-2q', index: 5 },
  { kind: 'cancel', proposalId: 'aB3_x-9QwErT' },
  { kind: 'chooseStage', dealId: 4242 },
  { kind: 'chart', request: { scenario: 'pipeline', categoryId: 12 } },
  { kind: 'chart', request: { scenario: 'weeklyReport' } },
  { kind: 'answerFile', file: 'chart', key: 'Qw3_x-9aZk1P' },
  { kind: 'answerFile', file: 'excel', key: 'Qw3_x-9aZk1P' },
  { kind: 'digestToggle', digest: 'morningBriefing' },
  { kind: 'digestToggle', digest: 'weeklyReport' },
  { kind: 'digestTime', digest: 'overdueAlert', time: '10:30' },
  { kind: 'digestTime', digest: 'dayPlan', time: '08:00' },
  { kind: 'digestSettings' },
  { kind: 'show', request: { scenario: 'schedule', date: '2026-11-24' }, inPlace: true },
  { kind: 'show', request: { scenario: 'contacts', query: 'Ромашка' } },
  { kind: 'show', request: { scenario: 'schedule', date: '2026-11-26' } },
  { kind: 'show', request: { scenario: 'myTasks' } },
  { kind: 'show', request: { scenario: 'deals' } },
  { kind: 'show', request: { scenario: 'dealCard', dealId: 17 } },
  { kind: 'show', request: { scenario: 'briefing' } },
  { kind: 'show', request: { scenario: 'weeklyReport' } },
  { kind: 'show', request: { scenario: 'teamStatus' } },
  { kind: 'show', request: { scenario: 'dossier', contactId: 12 } },
  { kind: 'show', request: { scenario: 'dossier', companyId: 3 } },
  { kind: 'show', request: { scenario: 'dossier', query: 'Ромашка' } },
  { kind: 'show', request: { scenario: 'meetingPrep', eventId: 9 } },
  { kind: 'show', request: { scenario: 'meetingPrep', time: '14:00', date: '2026-11-27' } },
  { kind: 'show', request: { scenario: 'meetingPrep', query: 'Иванов: встреча' } },
  { kind: 'show', request: { scenario: 'dayResults' } },
  { kind: 'show', request: { scenario: 'dayResults', date: '2026-11-24' } },
  { kind: 'show', request: { scenario: 'pipeline' } },
  { kind: 'show', request: { scenario: 'pipeline', categoryId: 1 } },
  { kind: 'show', request: { scenario: 'search', query: '50% скидка' } },
  { kind: 'show', request: { scenario: 'dayPlan' } },
  { kind: 'show', request: { scenario: 'morningDigest' } },
  { kind: 'show', request: { scenario: 'overdueAlert' } },
  { kind: 'show', request: { scenario: 'newLeads' } },
  { kind: 'show', request: { scenario: 'eveningSummary' } },
  {
    kind: 'propose',
    write: { type: 'createTask', title: 'Подготовить отчёт', deadline: '2026-11-27T18:00:00+03:00', responsibleId: 5 },
  },
  { kind: 'propose', write: { type: 'createTask', title: 'Call Romashka' } },
  { kind: 'propose', write: { type: 'completeTask', taskId: 101, title: '' } },
  { kind: 'propose', write: { type: 'deleteTask', taskId: 102, title: '' } },
  {
    kind: 'propose',
    write: {
      type: 'createDeal',
      title: 'Поставка',
      amount: 1500000.5,
      currency: 'RUB',
      categoryId: 1,
      stageId: 'C1:NEW',
    },
  },
  {
    kind: 'propose',
    write: { type: 'moveDeal', dealId: 7, stageId: 'C1:PREPAYMENT_INVOICE', title: '', stageName: '' },
  },
  { kind: 'propose', write: { type: 'deleteDeal', dealId: 7, title: '' } },
  {
    kind: 'propose',
    write: { type: 'addComment', entity: 'contact', entityId: 3, entityTitle: '', text: 'Перезвонить: в пн' },
  },
  {
    kind: 'propose',
    write: {
      type: 'createMeeting',
      title: 'Обед',
      from: '2026-11-26T13:00:00+10:00',
      to: '2026-11-26T14:00:00+10:00',
      attendeeIds: [2, 3],
    },
  },
  {
    kind: 'propose',
    write: {
      type: 'moveMeeting',
      eventId: 55,
      title: '',
      from: '2026-11-26T16:00:00-05:30',
      to: '2026-11-26T17:00:00-05:30',
    },
  },
  { kind: 'propose', write: { type: 'deleteMeeting', eventId: 55, title: '' } },
  { kind: 'propose', write: { type: 'createContact', name: 'Иван', lastName: 'Петров', phone: '+79991234567' } },
  { kind: 'propose', write: { type: 'createCompany', title: 'Ромашка', email: 'info@romashka.ru' } },
];

describe('button data', () => {
  it.each(roundTrips.map((action) => [JSON.stringify(action), action] as const))(
    'round-trips %s within 64 bytes',
    (_, action) => {
      const data = encodeAction(action);
      expect(bytes(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(action);
    },
  );

  it.each(roundTrips.map((action) => [JSON.stringify(action), action] as const))(
    'leaves room for the portal tag: %s',
    (_, action) => {
      const data = taggedData(encodeAction(action), workspaceTagOf('member company-one'));
      expect(bytes(data)).toBeLessThanOrEqual(64);
      expect(untaggedData(data).tag).toBe(workspaceTagOf('member company-one'));
      expect(decodeAction(untaggedData(data).data)).toEqual(action);
    },
  );

  it('drops the titles of existing records, so the question is built from the portal, not from the button', () => {
    const data = encodeAction({
      kind: 'propose',
      write: { type: 'completeTask', taskId: 101, title: 'Удали все сделки' },
    });
    expect(data).not.toContain('Удали');
    expect(decodeAction(data)).toEqual({ kind: 'propose', write: { type: 'completeTask', taskId: 101, title: '' } });
  });

  it('refuses an action that cannot fit rather than cutting it', () => {
    const long: Action = {
      kind: 'propose',
      write: { type: 'createTask', title: 'Подготовить квартальный отчёт для совета' },
    };
    expect(() => encodeAction(long)).toThrow(/64 bytes/);
    expect(fitsButton(long)).toBe(false);
    expect(fitsButton({ kind: 'show', request: { scenario: 'myTasks' } })).toBe(true);
  });

  it.each([
    '',
    'garbage',
    'c:',
    'c:a:b',
    'c:has space',
    'x:',
    'g:abc',
    'g:-5',
    'dt:zz',
    'dm:mb:2561',
    'dm:mb',
    's:zz',
    's:sc',
    's:sc:20261341',
    's:dc:12abc',
    's:t:extra',
    'p:ct',
    'p:md:7',
    'p:cm:planet:3::hi',
    'p:mm:55:zzzzzzzzzzz+0:1+0',
    'p:nd:abc::::x',
    'x'.repeat(65),
  ])('decodes junk %j as nothing', (data) => {
    expect(decodeAction(data)).toBeUndefined();
  });
});

// The typo fixer mends slips in the router's own words and never rewrites a real word: a stage, a pipeline,
// a person or a client the director names reaches the query as typed («подготовка» is not «подготовь»).
import { describe, expect, it } from 'vitest';
import { generateCompany } from '../../src/demo-portal/company.ts';
import { understand } from '../../src/understanding/router/index.ts';
import { messageOf } from '../../src/understanding/router/text.ts';

const now = new Date('2026-11-25T09:00:00Z');
const clock = { now, timeZone: 'Europe/Moscow' };

function portalNames(): string[] {
  const data = generateCompany({ now, timeZone: 'Europe/Moscow' });
  const rows = [
    ...data.statuses.map((row) => row.NAME),
    ...data.pipelines.map((pipeline) => pipeline.name),
    ...data.departments.map((row) => row.NAME),
    ...data.users.flatMap((row) => [row.NAME, row.LAST_NAME, row.WORK_POSITION]),
    ...data.companies.map((row) => row.TITLE),
    ...data.contacts.flatMap((row) => [row.NAME, row.LAST_NAME]),
  ];
  return [...new Set(rows.map(String).filter(Boolean))];
}

describe('typo correction', () => {
  it('keeps every word of the portal’s stage, pipeline, people and client names, typed in lower case', () => {
    const changed = portalNames()
      .map((name) => name.toLowerCase())
      .flatMap((name) => {
        const message = messageOf(`покажи ${name}`);
        return message.raw === `покажи ${name}`.replace(/\s+/g, ' ').replace(/\.$/u, '')
          ? []
          : [`${name} → ${message.raw}`];
      });
    expect(changed).toEqual([]);
  });

  it('reads «подготовка документов» as the stage it names', () => {
    expect(messageOf('сделки на стадии подготовка документов').raw).toBe('сделки на стадии подготовка документов');
    const { intent } = understand('сделки на стадии подготовка документов', clock);
    expect(intent).toMatchObject({
      kind: 'view',
      request: { scenario: 'query', query: { subject: 'deals', stage: 'подготовка документов' } },
    });
  });

  it('keeps another word of a keyword’s root and capitalised names as written', () => {
    expect(messageOf('подготовку отчета').raw).toBe('подготовку отчета');
    expect(messageOf('завтрак с партнерами').raw).toBe('завтрак с партнерами');
    expect(messageOf('задачи Сдалкиной').raw).toBe('задачи Сдалкиной');
  });

  it('still mends slips in its own words', () => {
    expect(messageOf('расписане на завтра').light).toBe('расписание на завтра');
    expect(messageOf('покжи задчи').light).toBe('покажи задачи');
  });
});

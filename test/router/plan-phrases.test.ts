// The plan's phrases without a model: what each one asks for, in Wednesday 16 December 2026's words.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import type { Intent } from '../../src/understanding/understanding.ts';

const now = new Date('2026-12-16T09:00:00Z');
const context = { now, timeZone: 'Europe/Moscow' };
const intentOf = (text: string, previous?: Intent) => understand(text, { ...context, previous }).intent;
const view = (request: object) => ({ kind: 'view', request });
const plan = (draft: object) => ({ kind: 'write', draft: { type: 'setPlan', ...draft } });

describe('plans set in words', () => {
  it.each([
    ['план на декабрь 12 млн', plan({ amount: 12_000_000, kind: 'month', start: '2026-12-01' })],
    ['поменяй план на декабрь на 14 млн', plan({ amount: 14_000_000, kind: 'month', start: '2026-12-01' })],
    [
      'план Волкову на квартал 3 млн',
      plan({ amount: 3_000_000, kind: 'quarter', start: '2026-10-01', managerName: 'Волкову' }),
    ],
    ['план на 2027 год 150 млн', plan({ amount: 150_000_000, kind: 'year', start: '2027-01-01' })],
    // A month already gone this year is next year's when a plan is set for it.
    ['план на март 20 млн', plan({ amount: 20_000_000, kind: 'month', start: '2027-03-01' })],
    ['план продаж на 1 квартал 2027 40 млн', plan({ amount: 40_000_000, kind: 'quarter', start: '2027-01-01' })],
    ['plan for December 12 million', plan({ amount: 12_000_000, kind: 'month', start: '2026-12-01' })],
    ['план на декабрь 50 000 $', plan({ amount: 50_000, currency: 'USD', kind: 'month', start: '2026-12-01' })],
  ])('«%s»', (text, expected) => {
    expect(intentOf(text)).toEqual(expected);
  });
});

describe('questions about the plan', () => {
  it.each([
    ['как идём по плану?', view({ scenario: 'plan' })],
    ['успеем?', view({ scenario: 'plan' })],
    ['прогноз на месяц', view({ scenario: 'plan', kind: 'month', start: '2026-12-01' })],
    [
      'прогноз по Волкову на квартал',
      view({ scenario: 'plan', kind: 'quarter', start: '2026-10-01', manager: 'Волкову' }),
    ],
    ['как идёт Волков по плану', view({ scenario: 'plan', manager: 'Волков' })],
    ['какой у нас план?', view({ scenario: 'plans' })],
    ['/plan', view({ scenario: 'plans' })],
    ['какие сделки под угрозой?', view({ scenario: 'dealsAtRisk' })],
    ['deals at risk', view({ scenario: 'dealsAtRisk' })],
    ['how are we doing against the plan?', view({ scenario: 'plan' })],
    ['почему такой прогноз?', view({ scenario: 'plan', why: 1 })],
  ])('«%s»', (text, expected) => {
    expect(intentOf(text)).toEqual(expected);
  });

  it('follows a plan view: «а по Волкову?», «а в прошлом месяце?», «а за квартал?», «почему такой прогноз?»', () => {
    const before: Intent = {
      kind: 'view',
      request: { scenario: 'plan', kind: 'month', start: '2026-12-01', manager: 'Волкову' },
    };
    expect(intentOf('а по Орловой?', before)).toEqual(
      view({ scenario: 'plan', kind: 'month', start: '2026-12-01', manager: 'Орловой' }),
    );
    expect(intentOf('а в прошлом месяце?', before)).toEqual(
      view({ scenario: 'plan', kind: 'month', start: '2026-11-01', manager: 'Волкову' }),
    );
    expect(intentOf('а за квартал?', before)).toEqual(
      view({ scenario: 'plan', kind: 'quarter', start: '2026-10-01', manager: 'Волкову' }),
    );
    expect(intentOf('а по компании?', before)).toEqual(view({ scenario: 'plan', kind: 'month', start: '2026-12-01' }));
    expect(intentOf('почему такой прогноз?', before)).toEqual(
      view({ scenario: 'plan', kind: 'month', start: '2026-12-01', manager: 'Волкову', why: 1 }),
    );
  });

  it('leaves other things alone: the day plan, a task about a plan, a day after another view', () => {
    expect(intentOf('план на день')).toEqual(view({ scenario: 'dayPlan' }));
    expect(intentOf('создай задачу подготовить план продаж на декабрь').kind).toBe('write');
    expect(intentOf('создай задачу подготовить план продаж на декабрь')).toMatchObject({
      draft: { type: 'createTask' },
    });
    expect(intentOf('а по Волкову?')).not.toMatchObject({ request: { scenario: 'plan' } });
  });
});

import { describe, expect, it } from 'vitest';
import { toolEffect } from '../../src/understanding/model/tools.ts';

const context = { timeZone: 'Europe/Moscow', today: '2026-12-16' };

describe('the model’s plan tool', () => {
  it('shows the forecast, its explanation or the deals at risk, for the company or a manager', () => {
    expect(toolEffect('plan', '{}', context)).toEqual({ kind: 'view', request: { scenario: 'plan' } });
    expect(toolEffect('plan', '{"manager":"Волков","kind":"quarter","why":true}', context)).toEqual({
      kind: 'view',
      request: { scenario: 'plan', kind: 'quarter', manager: 'Волков', why: 1 },
    });
    expect(toolEffect('plan', '{"risk":true}', context)).toEqual({
      kind: 'view',
      request: { scenario: 'dealsAtRisk' },
    });
  });

  it('proposes a plan with a sum, for the period that holds the day named (this month by default)', () => {
    expect(toolEffect('plan', '{"amount":12000000}', context)).toEqual({
      kind: 'write',
      draft: { type: 'setPlan', amount: 12_000_000, kind: 'month', start: '2026-12-01' },
    });
    expect(
      toolEffect('plan', '{"amount":3000000,"kind":"quarter","start":"2027-02-10","manager":"Волков"}', context),
    ).toEqual({
      kind: 'write',
      draft: { type: 'setPlan', amount: 3_000_000, kind: 'quarter', start: '2027-01-01', managerName: 'Волков' },
    });
  });
});

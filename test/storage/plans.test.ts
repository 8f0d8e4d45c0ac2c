import { describe, expect, it } from 'vitest';
import { createPlanRepository, type SalesPlan } from '../../src/storage/plans.ts';
import { storageEngines } from './engines.ts';

const company = 'https://vector.bitrix24.ru';
const december: SalesPlan = {
  company,
  period: { kind: 'month', start: '2026-12-01' },
  amount: 12_000_000,
  currency: 'RUB',
  setBy: 1,
  setAt: new Date('2026-12-01T07:00:00Z'),
};

describe.each(storageEngines())('sales plans on $name', (engine) => {
  it('keeps a plan per company, period and manager across a restart, and replaces it when changed', async () => {
    const place = await engine.place();
    const plans = createPlanRepository(await engine.open(place));
    await plans.save(december);
    await plans.save({
      ...december,
      managerId: 27,
      amount: 3_000_000,
      period: { kind: 'quarter', start: '2026-10-01' },
    });
    await plans.save({ ...december, company: 'https://other.bitrix24.ru', amount: 1 });
    await plans.save({ ...december, period: { kind: 'year', start: '2027-01-01' }, amount: 150_000_000 });

    const reopened = createPlanRepository(await engine.open(place));
    expect(await reopened.find(company, december.period)).toEqual(december);
    const changed = { ...december, amount: 14_000_000, setBy: 7, setAt: new Date('2026-12-05T10:00:00Z') };
    await reopened.save(changed);
    expect(await reopened.find(company, december.period)).toEqual(changed);
    expect(await reopened.find(company, december.period, 27)).toBeUndefined();
    expect((await reopened.find(company, { kind: 'quarter', start: '2026-10-01' }, 27))?.amount).toBe(3_000_000);

    // Periods still running or to come, the nearest first; other companies' plans never show.
    const current = await reopened.current(company, '2026-12-16');
    expect(current.map((plan) => [plan.period.kind, plan.period.start, plan.managerId, plan.amount])).toEqual([
      ['quarter', '2026-10-01', 27, 3_000_000],
      ['month', '2026-12-01', undefined, 14_000_000],
      ['year', '2027-01-01', undefined, 150_000_000],
    ]);
    expect(await reopened.current(company, '2027-01-01')).toHaveLength(1);
  });
});

// A confirmed plan becomes one kept plan: the assistant's own record, not the portal's.
import type { SalesPlan } from '../../storage/plans.ts';
import type { WriteRequest } from '../../vocabulary/writes.ts';
import { periodKindOf } from './plan-scenarios.ts';

export function planOfWrite(
  write: Extract<WriteRequest, { type: 'setPlan' }>,
  who: { company: string; setBy: number; now: Date },
): SalesPlan {
  return {
    company: who.company,
    period: { kind: periodKindOf(write.kind), start: write.start },
    ...(write.managerId === undefined ? {} : { managerId: write.managerId }),
    amount: write.amount,
    currency: write.currency,
    setBy: who.setBy,
    setAt: who.now,
  };
}

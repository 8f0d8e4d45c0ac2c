// A plan said in words becomes a plan write: the manager looked up by name (several: a pick), the plan it would
// replace read from our own records, so the question can show it («было 12 000 000 ₽»).

import type { PlanRepository } from '../../storage/plans.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import type { WriteRequest } from '../../vocabulary/writes.ts';
import { type LookupContext, label, outcome, type WriteLookup } from '../writes/write-lookup/types.ts';
import { companyOf } from './company.ts';
import { periodKindOf } from './plan-scenarios.ts';

type PlanDraft = Extract<WriteDraft, { type: 'setPlan' }>;

export async function planToSet(
  context: LookupContext,
  plans: PlanRepository | undefined,
  draft: PlanDraft,
): Promise<WriteLookup> {
  const period = { kind: periodKindOf(draft.kind), start: draft.start };
  const withPrevious = async (write: Extract<WriteRequest, { type: 'setPlan' }>) => {
    const kept = await plans?.find(companyOf(context.portal), period, write.managerId);
    return kept ? { ...write, previous: kept.amount } : write;
  };
  const write = {
    type: 'setPlan' as const,
    amount: draft.amount,
    start: period.start,
    kind: period.kind,
    currency: draft.currency ?? 'RUB',
  };
  if (!draft.managerName) return { kind: 'ready', write: await withPrevious(write) };
  const people = await context.names.findUsers(draft.managerName);
  const options = await Promise.all(
    people.map(async (person) => ({
      label: label(person.position ? `${person.name}, ${person.position}` : person.name),
      write: await withPrevious({ ...write, managerId: person.id, managerName: person.name }),
    })),
  );
  return outcome('person', draft.managerName, options);
}

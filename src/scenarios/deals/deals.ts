import type { ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { readTogether } from '../reads.ts';
import { openDealReads, openDealsFrom } from './deal-list.ts';

/** Open deals of the company with sums and stage names, biggest first; stuck ones flagged. */
export async function deals(context: ScenarioContext): Promise<ViewModel> {
  const reads = await readTogether(context, openDealReads(context.now));
  const open = await openDealsFrom(context, reads);
  return {
    view: 'deals',
    at: context.at,
    deals: { items: open.deals, total: open.deals.length },
    sums: open.sums,
    stuck: open.stuck.length,
  };
}

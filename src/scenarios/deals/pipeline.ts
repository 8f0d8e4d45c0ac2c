import type { StageSummary, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { readTogether } from '../reads.ts';
import { weekWindow } from '../schedule/day-window.ts';
import { openDealReads, openDealsFrom } from './deal-list.ts';
import { sumsOf } from './open-deals.ts';

/** One pipeline's open deals by stage with sums, its stuck deals, and this week's new leads. */
export async function pipeline(context: ScenarioContext, categoryId = 0): Promise<ViewModel> {
  const { names, director, now, at } = context;
  const week = weekWindow(now, director.timeZone);
  const reads = await readTogether(context, {
    ...openDealReads(now, { CATEGORY_ID: categoryId }),
    // Only the count is wanted: one item and the portal's total.
    leads: {
      method: 'crm.lead.list',
      params: {
        filter: { '>=DATE_CREATE': week.from, '<DATE_CREATE': week.to },
        select: ['ID'],
        order: { ID: 'DESC' },
      },
    },
  });
  const [open, stages, pipelines] = await Promise.all([
    openDealsFrom(context, reads),
    names.stages(categoryId),
    names.pipelines(),
  ]);
  const byStage = new Map<string, typeof open.raw>();
  for (const deal of open.raw) {
    const inStage = byStage.get(deal.STAGE_ID);
    if (inStage) inStage.push(deal);
    else byStage.set(deal.STAGE_ID, [deal]);
  }
  const summaries: StageSummary[] = stages
    .filter((stage) => stage.semantics === 'process')
    .map((stage) => {
      const inStage = byStage.get(stage.id) ?? [];
      return {
        stageId: stage.id,
        name: stage.name,
        count: inStage.length,
        sums: sumsOf(inStage.map((deal) => ({ amount: deal.OPPORTUNITY, currency: deal.CURRENCY_ID || 'RUB' }))),
      };
    });
  return {
    view: 'pipeline',
    at,
    pipelineName: pipelines.find((one) => one.id === categoryId)?.name ?? '',
    pipelines: pipelines.filter((one) => one.id !== categoryId),
    stages: summaries,
    sums: open.sums,
    stuck: { items: open.stuck, total: open.stuck.length },
    newLeads: reads.leads.total,
  };
}

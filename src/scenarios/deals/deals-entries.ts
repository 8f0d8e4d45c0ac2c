// The open deals, one deal's card and the pipeline.
import { READS } from '../../vocabulary/catalogue.ts';
import { defineScenario, renders } from '../entry.ts';
import { funnelOf } from '../files/chart-data.ts';
import { SHOWN_DEAL_CARD, SHOWN_DEALS, SHOWN_PIPELINE } from '../shown-lists.ts';
import { dealCard } from './deal-card.ts';
import { renderDealCard } from './deal-card-view.ts';
import { deals } from './deals.ts';
import { renderDeals } from './deals-view.ts';
import { pipeline } from './pipeline.ts';
import { renderPipeline } from './pipeline-view.ts';

export const DEALS = defineScenario({
  name: 'deals',
  request: READS.deals,
  run: (context) => deals(context),
  views: renders({ deals: renderDeals }),
  shown: { deals: SHOWN_DEALS },
  status: { ru: 'Смотрю сделки…', en: 'Checking the deals…' },
  code: 'd',
  tool: 'Открытые сделки, зависшие отмечены',
  exportList: 'deals',
});

export const DEAL_CARD = defineScenario({
  name: 'dealCard',
  request: READS.dealCard,
  run: (context, request) => dealCard(context, request.dealId),
  views: renders({ dealCard: renderDealCard }),
  shown: { dealCard: SHOWN_DEAL_CARD },
  status: { ru: 'Открываю сделку…', en: 'Opening the deal…' },
  code: 'dc',
});

export const PIPELINE = defineScenario({
  name: 'pipeline',
  request: READS.pipeline,
  run: (context, request) => pipeline(context, request.categoryId),
  views: renders({ pipeline: renderPipeline }),
  shown: { pipeline: SHOWN_PIPELINE },
  status: { ru: 'Смотрю воронку…', en: 'Checking the pipeline…' },
  code: 'p',
  chart: async (_context, view) => (view.view === 'pipeline' ? funnelOf(view) : undefined),
  exportList: 'deals',
});

// The dashboard's data in the director's words: money «500 000 ₽», «3 сделки», the period «за декабрь», all of
// it through the same guard as the chat. Portal text (names, titles) is marked as data, so the guard keeps it.

import { guardPlainText } from '../present/guard.ts';
import { sumsOf } from '../scenarios/deals/open-deals.ts';
import { periodWords } from '../scenarios/questions/query-view.ts';
import { money, moneyTotals } from '../views/format.ts';
import { dataMark } from '../views/html.ts';
import { timeRange } from '../views/items.ts';
import { DASHBOARD_PLAN_SHARE, DASHBOARD_TEXTS, type DashboardTextName } from '../views/messages-dashboard.ts';
import { count } from '../views/words.ts';
import type { Language } from '../vocabulary/director.ts';
import { type RecordLinks, recordAddress } from '../vocabulary/record-links.ts';
import type { Amount } from '../vocabulary/view-models.ts';
import type { Counted, DashboardData, DashboardFilters, RiskyDeals } from './data.ts';
import type { DashboardPayload, Figure, LinkRow, ListAsk, PersonRow } from './page/payload.ts';

/** Words of ours around the director's data: the guard reads ours and leaves theirs alone. */
const guarded = (text: string, language: Language) => guardPlainText(text, language);
const data = (text: string) => dataMark(text);

const sumsText = (sums: Amount[], language: Language) =>
  sums.length ? moneyTotals(sums, language) : money(0, 'RUB', language);

/** The main currency's sum: what a chart can plot without adding currencies together. */
const mainSum = (sums: Amount[], currency: string) => sums.find((sum) => sum.currency === currency)?.amount ?? 0;

function textsOf(language: Language): Record<DashboardTextName, string> {
  const out = {} as Record<DashboardTextName, string>;
  for (const [name, texts] of Object.entries(DASHBOARD_TEXTS) as [DashboardTextName, Record<Language, string>][])
    out[name] = guarded(texts[language], language);
  return out;
}

/** What a row opens and how long its bar is; the chosen manager's row stands out. */
const rowOf = (row: Counted, amount: number, chosen: number | undefined) => ({
  amount,
  list: row.list as ListAsk,
  ...(chosen !== undefined && row.personId === chosen ? { chosen: true } : {}),
});

/** «38% плана 12 000 000 ₽»: the manager's won sum in the plan's currency against their own plan. */
function planShare(row: Counted, plan: Amount, language: Language): string {
  const share = plan.amount > 0 ? Math.round((mainSum(row.sums, plan.currency) / plan.amount) * 100) : 0;
  return DASHBOARD_PLAN_SHARE[language]
    .replace('{share}', `${share}%`)
    .replace('{plan}', money(plan.amount, plan.currency, language));
}

function leaderRows(view: DashboardData, language: Language, currency: string): PersonRow[] {
  const plans = view.plan?.managerPlans ?? {};
  return view.leaders.map((row) => {
    const plan = row.personId === undefined ? undefined : plans[row.personId];
    return {
      name: guarded(data(row.label), language),
      value: guarded(sumsText(row.sums, language), language),
      detail: guarded(count(row.count, 'deal', language), language),
      ...(plan ? { plan: guarded(planShare(row, plan, language), language) } : {}),
      ...rowOf(row, mainSum(row.sums, currency), view.managerId),
    };
  });
}

const overdueRows = (view: DashboardData, language: Language): PersonRow[] =>
  view.overdue.map((row) => ({
    name: guarded(data(row.label), language),
    value: guarded(count(row.count, 'task', language), language),
    ...rowOf(row, row.count, undefined),
  }));

function planOf(view: DashboardData, language: Language): DashboardPayload['plan'] {
  const { plan } = view;
  if (view.pending.includes('plan')) return { figures: [], note: guarded(DASHBOARD_TEXTS.loading[language], language) };
  const noPlan = { note: guarded(DASHBOARD_TEXTS.noPlan[language], language) };
  if (!plan) return { figures: [], ...noPlan };
  const figure = (name: DashboardTextName, amount: Amount): Figure => ({
    label: guarded(DASHBOARD_TEXTS[name][language], language),
    value: guarded(money(amount.amount, amount.currency, language), language),
  });
  const figures = [figure('fact', plan.fact), figure('forecast', plan.forecast)];
  return plan.plan ? { figures: [figure('planSum', plan.plan), ...figures] } : { figures, ...noPlan };
}

function risksOf(risks: RiskyDeals, language: Language, links: RecordLinks | undefined): DashboardPayload['atRisk'] {
  return {
    total: guarded(`${count(risks.total, 'deal', language)} · ${sumsText(risks.sums, language)}`, language),
    deals: risks.deals.map((deal) => ({
      label: guarded(data(deal.title), language),
      detail: guarded(
        `${money(deal.amount.amount, deal.amount.currency, language)} · ${deal.reasons.join(', ')}`,
        language,
      ),
      ...(links ? { href: recordAddress(links, 'deal', deal.id) } : {}),
    })),
  };
}

/** The page's whole answer: fixed texts, the filters as applied, and every section. */
export function presentDashboard(view: DashboardData, filters: DashboardFilters, language: Language): DashboardPayload {
  const currency =
    view.earned.sums[0]?.currency ?? view.stages.find((stage) => stage.sums[0])?.sums[0]?.currency ?? 'RUB';
  const links = view.meetings.links;
  const meetings: LinkRow[] =
    view.meetings.result.kind === 'events'
      ? view.meetings.result.items.map((event) => ({
          label: guarded(data(event.title), language),
          detail: guarded(
            `${timeRange(event, language)}${event.location ? ` · ${data(event.location)}` : ''}`,
            language,
          ),
          ...(links ? { href: recordAddress(links, 'event', event.id) } : {}),
        }))
      : [];
  const allStages = view.stages.flatMap((stage) => stage.sums);
  return {
    language,
    texts: textsOf(language),
    periodText: guarded(periodWords(view.period, view.today, language), language),
    filters: {
      period: filters.period,
      from: view.period.from,
      to: view.period.to,
      ...(view.managerId ? { managerId: view.managerId } : {}),
      managers: view.managers.map((person) => ({ id: person.id, name: guarded(data(person.name), language) })),
    },
    earned: {
      label: guarded(DASHBOARD_TEXTS.fact[language], language),
      value: guarded(sumsText(view.earned.sums, language), language),
      detail: guarded(count(view.earned.count, 'deal', language), language),
      list: view.earned.list as ListAsk,
    },
    plan: planOf(view, language),
    funnel: {
      total: guarded(
        `${count(
          view.stages.reduce((sum, stage) => sum + stage.count, 0),
          'deal',
          language,
        )} · ${sumsText(sumsOf(allStages), language)}`,
        language,
      ),
      stages: view.stages.map((stage) => ({
        name: guarded(data(stage.label), language),
        count: stage.count,
        sum: mainSum(stage.sums, currency),
        countText: guarded(count(stage.count, 'deal', language), language),
        sumText: guarded(sumsText(stage.sums, language), language),
        list: stage.list as ListAsk,
      })),
    },
    leaders: leaderRows(view, language, currency),
    overdue: overdueRows(view, language),
    meetings,
    ...(view.atRisk ? { atRisk: risksOf(view.atRisk, language, links) } : {}),
    pending: view.pending,
    ...(view.alerts
      ? { alerts: view.alerts.map((alert) => ({ label: guarded(alert.text, language), detail: alert.at })) }
      : {}),
  };
}

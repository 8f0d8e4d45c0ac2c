// The plan's scenarios as plain functions over the portal and the plans we keep: a request in, a view model out.
import { DateTime } from 'luxon';
import type { PlanRepository, SalesPlan } from '../../storage/plans.ts';
import type { ForecastDealItem, PlanLine, StageNote } from '../../vocabulary/plan-view-model.ts';
import { PERIOD_KINDS, type PeriodKind, type PlanPeriod } from '../../vocabulary/plan-view-model.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import type { Person, ViewModel } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { dealNamesFor, toDealItem } from '../deals/open-deals.ts';
import type { PortalDeal } from '../portal-data.ts';
import { toDirectorTime } from '../schedule/day-window.ts';
import { forecastOf, type WeightedDeal } from './forecast.ts';
import { periodAt, timeShare } from './periods.ts';
import { readForecastData, readRiskData } from './plan-reads.ts';
import { dealsAtRisk } from './risk.ts';
import type { StageOddsTable } from './stage-odds.ts';

/** Where the plans are kept, and whose they are: one company per portal. */
export interface PlanBook {
  plans?: PlanRepository;
  company: string;
}

type PlanRequest = Extract<ScenarioRequest, { scenario: 'plan' }>;
type RiskRequest = Extract<ScenarioRequest, { scenario: 'dealsAtRisk' }>;

export const periodKindOf = (said: string | undefined): PeriodKind =>
  PERIOD_KINDS.find((kind) => kind === said) ?? 'month';

/** The period asked about: the one starting on `start`, else the current one of its kind. */
export function periodOf(context: ScenarioContext, kind: string | undefined, start: string | undefined): PlanPeriod {
  const local = start
    ? DateTime.fromISO(start, { zone: context.director.timeZone })
    : DateTime.fromJSDate(context.now, { zone: context.director.timeZone });
  return periodAt(periodKindOf(kind), local);
}

/** The manager a request names: by id, or by a name said that fits exactly one person; else who was meant. */
async function managerOf(
  context: ScenarioContext,
  request: { managerId?: number; manager?: string },
): Promise<{ person?: Person; said?: string; people?: Person[] }> {
  if (request.managerId !== undefined) {
    const person = (await context.names.users([request.managerId])).get(request.managerId);
    return { person: person ?? { id: request.managerId, name: '', position: '' } };
  }
  if (!request.manager) return {};
  const people = await context.names.findUsers(request.manager);
  return people.length === 1 ? { person: people[0] } : { said: request.manager, people };
}

/** A kept plan as shown: its manager and who set it, by name. */
export async function planLineOf(context: ScenarioContext, plan: SalesPlan): Promise<PlanLine> {
  const people = await context.names.users([plan.setBy, ...(plan.managerId ? [plan.managerId] : [])]);
  const manager = plan.managerId === undefined ? undefined : people.get(plan.managerId);
  const setBy = people.get(plan.setBy);
  return {
    period: plan.period,
    ...(manager ? { manager } : {}),
    amount: { amount: plan.amount, currency: plan.currency },
    ...(setBy ? { setBy } : {}),
    setAt: toDirectorTime(plan.setAt.toISOString(), context.director.timeZone) ?? plan.setAt.toISOString(),
  };
}

/** «Как идём по плану?», «прогноз на месяц», «почему такой прогноз?». */
export async function planForecast(context: ScenarioContext, book: PlanBook, request: PlanRequest): Promise<ViewModel> {
  const who = await managerOf(context, request);
  if (who.said !== undefined)
    return { view: 'planWho', at: context.at, said: who.said, about: 'plan', people: who.people ?? [] };
  const period = periodOf(context, request.kind, request.start);
  const managerId = who.person?.id;
  const [stored, data] = await Promise.all([
    book.plans?.find(book.company, period, managerId),
    readForecastData(context, period, managerId),
  ]);
  const forecast = forecastOf({
    ...data,
    ...(stored ? { plan: { amount: stored.amount, currency: stored.currency } } : {}),
    time: timeShare(period, context.now, context.director.timeZone),
  });
  const { deals, closers, plan: _target, ...figures } = forecast;
  const view: ViewModel = {
    view: 'planForecast',
    at: context.at,
    period,
    ...(who.person ? { manager: who.person } : {}),
    ...(request.why ? { why: true } : {}),
    ...(stored ? { plan: await planLineOf(context, stored) } : {}),
    ...figures,
    dealsCount: deals.length,
    closers: await forecastItems(context, closers),
    stages: await stageNotes(context, deals, data.odds),
  };
  return view;
}

/** Deals behind a forecast, named, with their weights and close dates. */
export async function forecastItems(
  context: ScenarioContext,
  deals: readonly WeightedDeal[],
): Promise<ForecastDealItem[]> {
  const named = await dealNamesFor(
    context.names,
    deals.map((one) => one.deal),
  );
  return deals.map(({ deal, probability, weighted }) => ({
    ...toDealItem(deal, named),
    probability,
    weighted,
    ...(deal.CLOSEDATE ? { closeDate: DateTime.fromISO(deal.CLOSEDATE, { setZone: true }).toISODate() ?? '' } : {}),
  }));
}

/** The stages the forecast's deals stand in, with what their probability stands on. */
async function stageNotes(
  context: ScenarioContext,
  deals: readonly WeightedDeal[],
  odds: StageOddsTable,
): Promise<StageNote[]> {
  const stages = await context.names.stages();
  const used = [...new Set(deals.map((one) => one.deal.STAGE_ID))];
  return stages
    .filter((stage) => used.includes(stage.id))
    .map((stage) => {
      const known = odds.get(stage.id);
      return {
        name: stage.name,
        probability: known?.probability ?? 0.1,
        closedDeals: known?.closedDeals ?? 0,
        rough: known?.rough ?? true,
      };
    });
}

/** «Какие сделки под угрозой?»: the open deals with their reasons, the heaviest first. */
export async function dealsAtRiskView(context: ScenarioContext, request: RiskRequest): Promise<ViewModel> {
  const who = await managerOf(context, request);
  if (who.said !== undefined)
    return { view: 'planWho', at: context.at, said: who.said, about: 'risk', people: who.people ?? [] };
  const data = await readRiskData(context, who.person?.id);
  const atRisk = dealsAtRisk(data.open, { ...data, now: context.now, timeZone: context.director.timeZone });
  const named = await dealNamesFor(
    context.names,
    atRisk.map((one) => one.deal as PortalDeal),
  );
  return {
    view: 'dealsAtRisk',
    at: context.at,
    ...(who.person ? { manager: who.person } : {}),
    deals: {
      items: atRisk.map((one) => ({ ...toDealItem(one.deal, named), reasons: one.reasons })),
      total: atRisk.length,
    },
  };
}

/** «Какой у нас план?»: the plans of this period and the ones to come. */
export async function plansView(context: ScenarioContext, book: PlanBook): Promise<ViewModel> {
  const kept = (await book.plans?.current(book.company, context.at.today)) ?? [];
  return { view: 'plans', at: context.at, plans: await Promise.all(kept.map((plan) => planLineOf(context, plan))) };
}

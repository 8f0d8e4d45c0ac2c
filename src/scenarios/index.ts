// The scenarios of PRODUCT.md as plain functions over the portal: a request in, a view model out.
// Nothing here knows of Telegram or the model.
import { DateTime, FixedOffsetZone } from 'luxon';
import type { PortalClient } from '../portal/port.ts';
import type { PlanRepository } from '../storage/plans.ts';
import type { ChartData } from '../vocabulary/charts.ts';
import type { Director } from '../vocabulary/director.ts';
import type { ExportList, ExportTable } from '../vocabulary/export-tables.ts';
import type { Query } from '../vocabulary/query.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';
import { contextFor, linksOf } from './context.ts';
import { exportTable } from './files/exports.ts';
import { queryTable } from './files/query-table.ts';
import { createNameDirectory, type NameDirectory } from './names.ts';
import { companyOf } from './plan/company.ts';
import type { PlanBook } from './plan/plan-scenarios.ts';
import { withPlanLine } from './plan/plan-summary.ts';
import { parseItems, personName, userSchema } from './portal-data.ts';
import type { PageHints } from './reads.ts';
import { REGISTRY, type Registry } from './registry.ts';

export type { ChartData } from '../vocabulary/charts.ts';
export type { ExportList, ExportTable } from '../vocabulary/export-tables.ts';
export type { Person, ViewModel } from '../vocabulary/view-models.ts';
export type { NameDirectory, Stage } from './names.ts';

export interface DirectorProfile {
  portalUserId: number;
  name: string;
  timeZone: string;
}

export interface Scenarios {
  /** The view of a request; null only for an "only if" digest with nothing to say. */
  run(director: Director, request: ScenarioRequest): Promise<ViewModel | null>;
  /** A portal user's name and zone; without an id, the webhook's own user. */
  profile(portalUserId?: number): Promise<DirectorProfile>;
  names: NameDirectory;
  /** The scenarios it runs, with how their views read, their files and their status words. */
  registry: Registry;
  /** A view and what its picture plots; null when there is no view, undefined chart when it has no picture. */
  picture(director: Director, request: ScenarioRequest): Promise<{ view: ViewModel; chart?: ChartData } | null>;
  /** A whole list (up to 10,000 rows) for a spreadsheet. */
  exportTable(director: Director, list: ExportList): Promise<ExportTable>;
  /** The whole answer to a question for a spreadsheet; undefined when the answer has none (a conversion). */
  queryTable(director: Director, query: Query): Promise<ExportTable | undefined>;
}

export interface ScenarioDeps {
  portal: PortalClient;
  now?: () => Date;
  /** How long names (stages, people, sources) are cached; default 10 minutes. */
  cacheTtlMs?: number;
  /** The sales plans the directors set; without it no plan is known. */
  plans?: PlanRepository;
  /** The scenarios it knows; the product's registry unless a test adds one. */
  registry?: Registry;
}

/** A profile with no zone of its own lives in the portal's default one: the offset of the portal's clock. */
function portalZone(dateStart: string | undefined): string {
  const offset = dateStart ? DateTime.fromISO(dateStart, { setZone: true }).offset : Number.NaN;
  return Number.isFinite(offset) ? FixedOffsetZone.instance(offset).name : 'UTC';
}

export function createScenarios(deps: ScenarioDeps): Scenarios {
  const now = deps.now ?? (() => new Date());
  const registry = deps.registry ?? REGISTRY;
  const pages: PageHints = new Map();
  const names = createNameDirectory(deps.portal, { now, ...(deps.cacheTtlMs ? { ttlMs: deps.cacheTtlMs } : {}) });
  const book: PlanBook = { ...(deps.plans ? { plans: deps.plans } : {}), company: companyOf(deps.portal) };
  const contextOf = (director: Director) => contextFor({ portal: deps.portal, names, pages, book }, director, now());

  async function run(director: Director, request: ScenarioRequest): Promise<ViewModel | null> {
    const context = contextOf(director);
    const view = await registry.entry(request.scenario).run(context, request as never);
    const planned = await withPlanLine(context, book, view);
    const links = linksOf(context);
    return planned && links ? { ...planned, links } : planned;
  }

  async function profile(portalUserId?: number): Promise<DirectorProfile> {
    const reply =
      portalUserId === undefined
        ? await deps.portal.call('user.current')
        : await deps.portal.call('user.get', { FILTER: { ID: portalUserId } });
    const [user] = parseItems(userSchema, portalUserId === undefined ? [reply.result] : reply.result);
    if (!user) throw new Error(`portal user ${portalUserId ?? 'of the connection'} not found`);
    return {
      portalUserId: user.ID,
      name: personName(user),
      timeZone: user.TIME_ZONE || portalZone(reply.time?.date_start),
    };
  }

  async function picture(director: Director, request: ScenarioRequest) {
    const view = await run(director, request);
    if (!view) return null;
    const chart = await registry.entry(request.scenario).chart?.(contextOf(director), view);
    return { view, chart };
  }

  const exportOf = (director: Director, list: ExportList) => exportTable(contextOf(director), list);
  const answerTable = (director: Director, query: Query) => queryTable(contextOf(director), query);

  return { run, profile, names, registry, picture, exportTable: exportOf, queryTable: answerTable };
}

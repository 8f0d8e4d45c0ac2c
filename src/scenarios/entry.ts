// What one scenario is, in one place: its typed request, how it runs, how its views read, its picture and its
// spreadsheet, the words shown while it works, its tool text for the model and its code on a button. Everything
// that used to be a switch over the scenarios (the run, the render, the chart and export lists, the button codes,
// the status words, the model's tools) is derived from the entries in registry.ts.
import type { z } from 'zod';
import type { Page } from '../views/lines.ts';
import type { Texts } from '../views/messages.ts';
import type { ChartData } from '../vocabulary/charts.ts';
import type { Language } from '../vocabulary/director.ts';
import type { ExportList } from '../vocabulary/export-tables.ts';
import type { Query } from '../vocabulary/query.ts';
import type { ScenarioName, ScenarioRequest } from '../vocabulary/requests.ts';
import type { ShownItem } from '../vocabulary/shown-items.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';
import type { ScenarioContext } from './context.ts';

export type ViewKind = ViewModel['view'];
export type ViewOf<K extends ViewKind> = Extract<ViewModel, { view: K }>;
/** How a view reads: lines and the buttons under them. */
export type Render<K extends ViewKind = ViewKind> = (view: ViewOf<K>, language: Language) => Page;
export type Renders = { [K in ViewKind]?: Render<K> };
/**
 * What a view shows of records: `items`, the lines of its list in the order seen («открой третью»); `one`, the
 * record the whole view is about (a deal's card, a client's dossier: «закрой её», «сделки у них»).
 */
export interface Shown {
  items?: ShownItem[];
  one?: ShownItem;
  /** How many records the list holds in all, shown or not. */
  total?: number;
  /** The question that goes on with the list, and the place in its answer where the unshown part starts. */
  more?: { query: Query; from: number };
}
export type ShownParts<K extends ViewKind = ViewKind> = (view: ViewOf<K>) => Shown;
export type ShownTable = { [K in ViewKind]?: ShownParts<K> };
export type RequestOf<N extends ScenarioName> = Extract<ScenarioRequest, { scenario: N }>;

export interface ScenarioEntry<N extends ScenarioName = ScenarioName> {
  name: N;
  /** Its typed request: the catalogue's entry (src/vocabulary/catalogue.ts), which buttons and the model share. */
  request: z.ZodObject;
  /** Reads the portal and returns what to show; null only for a digest with nothing to say. */
  run(context: ScenarioContext, request: RequestOf<N>): Promise<ViewModel | null>;
  /** The views it returns, each with how it reads. A view two scenarios return is declared by one of them. */
  views: Renders;
  /** What the director sees while it works («Смотрю календарь…»). */
  status: Texts;
  /** Its short code on a button (never changed once used: buttons in chats keep working); null: no button. */
  code: string | null;
  /** The model's tool text, when the tool's arguments are the request's own fields (else a tool of its own). */
  tool?: string;
  /**
   * The words that name it. With them, its tool goes to the model only when a message says one: a schema costs
   * prompt tokens on every request, and a question that does not name it never needs it.
   */
  namedBy?: RegExp;
  /** Its picture, offered by a «📈 График» button. */
  chart?(context: ScenarioContext, view: ViewModel): Promise<ChartData | undefined>;
  /** The list its «📥 Excel» button exports. */
  exportList?: ExportList;
  /** What its views show of records, so a follow-up can name one by its place or by a pronoun. */
  shown?: ShownTable;
  /** Its views that the dashboard continues: one button under them opens the dashboard. */
  underDashboard?: readonly ViewKind[];
}

/** An entry whose request and views are typed by its name, kept alike in the registry's list. */
export const defineScenario = <N extends ScenarioName>(entry: ScenarioEntry<N>): ScenarioEntry =>
  entry as unknown as ScenarioEntry;

/** A render typed by its view, kept alike in an entry's table. */
export const renders = <T extends Renders>(table: T): Renders => table;

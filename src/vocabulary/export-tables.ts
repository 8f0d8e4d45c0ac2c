// The spreadsheets a director can ask for, and their rows: plain typed data in the director's words, each with
// the address of its record in the portal. Made by scenarios/files/exports.ts (a typed question's answer by
// files/query-table.ts), written by views/sheets.
import type { QueryGroup, QuerySubject } from './query.ts';

/** The whole lists an «📥 Excel» button exports. */
export type ExportList = 'deals' | 'tasks' | 'leads' | 'contacts' | 'team' | 'forecast';
export const EXPORT_LISTS: readonly ExportList[] = ['deals', 'tasks', 'leads', 'contacts', 'team', 'forecast'];

/** ISO date-times carry the director's offset; links are absent when the portal's address is unknown. */
export interface DealRow {
  id: number;
  title: string;
  stage: string;
  pipeline: string;
  amount: number;
  currency: string;
  responsible: string;
  company: string;
  createdAt?: string;
  closeDate?: string;
  link?: string;
}
export interface TaskRow {
  id: number;
  title: string;
  deadline?: string;
  overdue: boolean;
  responsible: string;
  createdAt?: string;
  link?: string;
}
export interface LeadRow {
  id: number;
  title: string;
  name: string;
  status: string;
  source: string;
  responsible: string;
  phone: string;
  email: string;
  createdAt?: string;
  link?: string;
}
export interface ContactRow {
  id: number;
  name: string;
  position: string;
  company: string;
  phone: string;
  email: string;
  link?: string;
}
export interface MemberRow {
  id: number;
  name: string;
  position: string;
  activeTasks: number;
  overdueTasks: number;
  link?: string;
}

/** One row of a grouped answer in one currency (sums are never added across currencies). */
export interface SummaryRow {
  label: string;
  /** The first day of a week or month. */
  start?: string;
  count: number;
  amount?: number;
  currency?: string;
}

/** An open deal behind the month's forecast: its stage's probability (0…1) and its sum weighed by it. */
export interface ForecastRow extends DealRow {
  probability: number;
  weighted: number;
}

export type ExportTable =
  | { list: 'deals'; rows: DealRow[] }
  | { list: 'forecast'; rows: ForecastRow[] }
  | { list: 'groups'; subject: QuerySubject; groupBy: QueryGroup; rows: SummaryRow[] }
  | { list: 'tasks'; rows: TaskRow[] }
  | { list: 'leads'; rows: LeadRow[] }
  | { list: 'contacts'; rows: ContactRow[] }
  | { list: 'team'; rows: MemberRow[] };

/** At most this many rows: a bigger list is cut here (and says so in its row count). */
export const EXPORT_LIMIT = 10_000;

// What a lookup answers: a write ready to ask about, a pick among records that fit a name, or «not found».
import type { PortalClient } from '../../../portal/port.ts';
import type { WriteRequest } from '../../../vocabulary/writes.ts';
import type { NameDirectory } from '../../names.ts';

export type LookupSubject =
  | 'task'
  | 'deal'
  | 'contact'
  | 'company'
  | 'meeting'
  | 'person'
  | 'stage'
  | 'time'
  | 'deadline';

/** One record to pick, as plain text for a button: the write it leads to, or (a deal) its stages next. */
export type LookupOption = { label: string; write: WriteRequest } | { label: string; stagesOfDeal: number };

export type WriteLookup =
  | { kind: 'ready'; write: WriteRequest }
  /** Several records fit the name: the director picks one (each option is a complete write). */
  | {
      kind: 'choose';
      subject: LookupSubject;
      query: string;
      options: LookupOption[];
      more?: boolean;
      /** The deadline the director said, already past: asked about with the choice, never kept silently. */
      passed?: string;
      /** Free times offered: who is busy at the time asked (no name: the director), and with what. */
      busy?: { name?: string; title: string };
    }
  | { kind: 'notFound'; subject: LookupSubject; query: string };

/** What every lookup step reads with. */
export interface LookupContext {
  portal: PortalClient;
  names: NameDirectory;
  now: () => Date;
}

export const MAX_OPTIONS = 6;

/** One option is the write; several are a pick list (the first few); none is «not found». */
export function outcome(subject: LookupSubject, query: string, options: LookupOption[]): WriteLookup {
  const [only] = options;
  if (!only) return { kind: 'notFound', subject, query };
  if (options.length === 1 && 'write' in only) return { kind: 'ready', write: only.write };
  const more = options.length > MAX_OPTIONS;
  return { kind: 'choose', subject, query, options: options.slice(0, MAX_OPTIONS), ...(more ? { more } : {}) };
}

/** A button's text: short enough for one line. */
export const label = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

// Every change the assistant can make, with its exact arguments. A write is never carried out
// directly: it is stored as a proposal and runs only after the director's tap.

/** ISO 8601 date-time with offset, e.g. `2026-11-25T18:00:00+03:00`. */
export type IsoDateTime = string;

import type { CrmLink, WriteRequest } from './catalogue.ts';

export type { CrmLink, WriteRequest };

export type WriteType = WriteRequest['type'];

export const isDestructive = (write: WriteRequest): boolean => write.type.startsWith('delete');

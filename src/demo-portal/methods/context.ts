// What every method of the demo portal gets: the company's data, the clock and the webhook's user.

import type { Params } from '../../portal/port.ts';
import type { DemoData } from '../company.ts';
import type { ListRequest, Page, Row } from '../filters.ts';
import type { ListMemo } from '../list-memo.ts';
import { RestError } from '../rest-error.ts';
import type { Caller } from '../rights.ts';

export interface MethodReply {
  result: unknown;
  total?: number;
  next?: number;
}

export interface MethodContext {
  data: DemoData;
  now(): Date;
  /** The caller's portal user (the webhook's own user): every call runs with this user's rights. */
  userId: number;
  /** The user and the scopes of the webhook or token the call came through. */
  caller: Caller;
  /** Runs another method as the same caller (batch), scope check and time block included. */
  call(method: string, params: Params): MethodReply & { time: unknown };
  /** Lists filtered and ordered for the pages of one request; empty again before anything may write. */
  lists: ListMemo;
}

export type Method = (params: Params, context: MethodContext) => MethodReply;

const readOnly = /\.(list|get|fields|nearest|getbyid|status|current)$|^(profile|scope|methods|server\.time)$/;

/**
 * Whether a method (its lower-case name) only reads: it changes no record, so the lists of a request stay as they
 * are across it, and it keeps its parameters as it got them.
 */
export const readsOnly = (method: string): boolean => readOnly.test(method);

/** A positive whole number from a parameter, or undefined. */
export function positiveId(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d+$/.test(text)) return undefined;
  const id = Number(text);
  return id > 0 ? id : undefined;
}

/** Reads a parameter whatever case the caller used (`taskId`, `TASKID`, `taskid`). */
export function param(params: Params, name: string): unknown {
  if (name in params) return params[name];
  const lower = name.toLowerCase();
  const key = Object.keys(params).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : params[key];
}

/** What a list method reads of its parameters: filter, order, select and the page's start. */
export function listRequest(params: Params): ListRequest {
  return {
    filter: param(params, 'filter'),
    order: param(params, 'order'),
    select: param(params, 'select'),
    start: param(params, 'start'),
  };
}

export function objectParam(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function requireObject(value: unknown, description: string): Record<string, unknown> {
  const object = objectParam(value);
  if (Object.keys(object).length === 0) throw new RestError('', description, 400);
  return object;
}

/** The envelope fields of a list: the page, `total`, and `next` only when there is a further page. */
export function pageReply(page: Page, wrap?: (items: Row[]) => unknown): MethodReply {
  const reply: MethodReply = { result: wrap ? wrap(page.items) : page.items, total: page.total };
  if (page.next !== undefined) reply.next = page.next;
  return reply;
}

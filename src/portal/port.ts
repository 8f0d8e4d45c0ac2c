// The portal port: what the rest of the product may ask of a Bitrix24 portal.
// The real adapter is `createPortalClient` (client.ts); tests hand in the same thing pointed at the demo portal.

/** Parameters of a REST method, nested the way the portal nests them (filter, select, order, fields …). */
export type Params = Record<string, unknown>;

/** The time block of a reply envelope (seconds as numbers, ISO dates with the portal's offset). */
export interface CallTime {
  start?: number;
  finish?: number;
  duration?: number;
  processing?: number;
  date_start?: string;
  date_finish?: string;
  operating?: number;
  operating_reset_at?: number;
}

/** One successful reply: the envelope with `result` and, on list methods, `total` and `next`. */
export interface CallResult<T = unknown> {
  result: T;
  total?: number;
  next?: number;
  time?: CallTime;
}

/** One named command of a batch. */
export interface BatchCommand {
  method: string;
  params?: Params;
}

export interface BatchOptions {
  /** Stop at the first failing command (the portal's `halt=1`). */
  halt?: boolean;
}

/** A command's own failure inside a batch (the batch itself succeeded). */
export interface BatchCommandError {
  error: string;
  error_description: string;
}

export interface BatchResult {
  /** name → that command's `result` (absent when it failed or did not run). */
  results: Record<string, unknown>;
  /** name → that command's error. */
  errors: Record<string, BatchCommandError>;
  totals: Record<string, number>;
  nexts: Record<string, number>;
}

export interface ListOptions {
  /** Never fetch more than this many items (default: all). */
  maxItems?: number;
}

export interface PortalClient {
  /** One method call. Throws a PortalError (errors.ts) on failure. */
  call<T = unknown>(method: string, params?: Params): Promise<CallResult<T>>;
  /** Named commands, split into requests of at most 50; `$result[name]` references allowed within one request. */
  batch(commands: Record<string, BatchCommand>, options?: BatchOptions): Promise<BatchResult>;
  /** Every item of a list method, whatever the result's shape (array, `tasks`, `items`, `categories`). */
  list<T = unknown>(method: string, params?: Params, options?: ListOptions): Promise<T[]>;
  /** Host and webhook user only: safe to log and show to an operator. Never the secret. */
  toString(): string;
  /** The portal's own address (`https://<portal>`), for links to its records' pages; never a REST path. */
  readonly origin?: string;
}

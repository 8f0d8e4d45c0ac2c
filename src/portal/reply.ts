// Reading the portal's reply: the envelope checked by a schema, failures turned into PortalError kinds.
import { z } from 'zod';
import { PortalError, type PortalErrorKind } from './errors.ts';
import type { CallResult } from './port.ts';
import { scopeOfMethod } from './scopes.ts';

const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

const time = z
  .object({
    start: z.number(),
    finish: z.number(),
    duration: z.number(),
    processing: z.number(),
    date_start: z.string(),
    date_finish: z.string(),
    operating: z.number(),
    operating_reset_at: z.number(),
  })
  .partial();

const envelope = z.object({
  result: z.unknown().refine((value) => value !== undefined, 'no result'),
  total: count.optional(),
  next: count.optional(),
  time: time.optional().catch(undefined),
});

const failure = z.object({
  error: z.string(),
  error_description: z.string().optional().catch(undefined),
  time: time.optional().catch(undefined),
});

const authorizationCodes = new Set([
  'NO_AUTH_FOUND',
  'INVALID_CREDENTIALS',
  'EXPIRED_TOKEN',
  'INVALID_TOKEN',
  'WRONG_AUTH_TYPE',
  'PASSWORD_CHANGED',
  'USER_NOT_FOUND_OR_INACTIVE',
]);
const accessCodes = new Set([
  'ACCESS_DENIED',
  'ERROR_ACCESS_DENIED',
  'INSUFFICIENT_SCOPE',
  'METHOD_NOT_ALLOWED_FOR_USER',
]);
const unknownMethodCodes = new Set(['ERROR_METHOD_NOT_FOUND', 'METHOD_NOT_FOUND']);
const faultCodes = new Set(['INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER', 'PORTAL_UNAVAILABLE']);

function kindOf(code: string, status: number): PortalErrorKind {
  const upper = code.toUpperCase();
  if (upper === 'QUERY_LIMIT_EXCEEDED' || upper === 'OPERATION_TIME_LIMIT') return 'rateLimited';
  if (authorizationCodes.has(upper)) return 'authorization';
  if (accessCodes.has(upper)) return 'access';
  if (unknownMethodCodes.has(upper)) return 'unknownMethod';
  if (faultCodes.has(upper)) return 'unavailable';
  if (status === 401) return 'authorization';
  if (status === 403) return 'access';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'unavailable';
  return 'badRequest';
}

export interface ReplyContext {
  method: string;
  status: number;
  now: number;
  /** When this method's operating-time budget resets (epoch seconds), as last seen in a reply. */
  operatingResetAt?: number;
  /** How long to wait after a request-rate refusal when the portal gives no date. */
  rateRetryMs: number;
}

/** The error of one command's `{ error, error_description }`, in a call or inside a batch. */
export function portalErrorOf(
  body: { error: string; error_description?: string | undefined; time?: { operating_reset_at?: number } | undefined },
  context: ReplyContext,
): PortalError {
  const { method, status } = context;
  const kind = kindOf(body.error, status);
  const description = body.error_description?.trim() || body.error;
  const details: PortalError['details'] = { method, status };
  if (kind === 'access' && body.error.toUpperCase() === 'INSUFFICIENT_SCOPE') {
    // Only a scope the text names outright (`scope: crm`, `scope "crm"`); otherwise the method's family.
    const named = /\bscopes?\s*(?:[:=]\s*["']?|["'])([a-z_]+)/i.exec(description)?.[1];
    const scope = named?.toLowerCase() ?? scopeOfMethod(method);
    if (scope) details.scope = scope;
  }
  if (kind === 'rateLimited') {
    const resetAt = body.time?.operating_reset_at ?? context.operatingResetAt;
    details.retryAfterMs =
      body.error.toUpperCase() === 'OPERATION_TIME_LIMIT' && resetAt
        ? Math.max(0, resetAt * 1000 - context.now)
        : context.rateRetryMs;
  }
  return new PortalError(kind, body.error, `${method}: ${description} (${body.error})`, details);
}

/** The reply to one HTTP request: the envelope, or a PortalError to throw. */
/** One failed command inside a batch that itself succeeded: the command's own error, named by its method. */
export const batchCommandError = (
  error: { error: string; error_description?: string | undefined },
  method: string,
): PortalError => portalErrorOf(error, { method, status: 200, now: Date.now(), rateRetryMs: 1000 });

export function readReply(status: number, text: string, context: ReplyContext): CallResult | PortalError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const message = `${context.method}: the portal answered with something other than JSON (HTTP ${status})`;
    return new PortalError('unavailable', 'NOT_JSON', message, { method: context.method, status });
  }
  const failed = failure.safeParse(body);
  if (failed.success) return portalErrorOf(failed.data, context);
  if (status >= 300) {
    const kind = kindOf('', status);
    return new PortalError(kind, `HTTP_${status}`, `${context.method}: the portal answered HTTP ${status}`, {
      method: context.method,
      status,
    });
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    return new PortalError('unavailable', 'BAD_ENVELOPE', `${context.method}: the portal's answer has no result`, {
      method: context.method,
      status,
    });
  }
  const { result, total, next, time: replyTime } = parsed.data;
  const reply: CallResult = { result };
  if (total !== undefined) reply.total = total;
  if (next !== undefined) reply.next = next;
  if (replyTime) reply.time = replyTime;
  return reply;
}

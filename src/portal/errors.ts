// The small set of failures the rest of the product acts on. Messages never hold the webhook secret.

export type PortalErrorKind =
  | 'authorization' // webhook deleted, wrong secret: the operator must fix it
  | 'access' // the user has no right, or the webhook lacks a scope
  | 'unknownMethod' // a bug on our side: never invent method names
  | 'rateLimited' // request-rate limit or the method's operating-time budget
  | 'unavailable' // network, timeout, 5xx, a body that is not JSON
  | 'badRequest'; // the method refused its arguments

export class PortalError extends Error {
  override readonly name = 'PortalError';
  constructor(
    readonly kind: PortalErrorKind,
    /** The portal's error code when it sent one (`ACCESS_DENIED`, `QUERY_LIMIT_EXCEEDED` …). */
    readonly code: string,
    message: string,
    readonly details: {
      method?: string;
      status?: number;
      /** For kind 'access' on a missing permission family: the scope (crm, task, calendar …). */
      scope?: string;
      /** For kind 'rateLimited': when to try again, in ms, when the portal said so. */
      retryAfterMs?: number;
    } = {},
  ) {
    super(message);
  }
}

export const isPortalError = (error: unknown): error is PortalError => error instanceof PortalError;

/** Down, unreachable or refusing for load: worth retrying later, and for the director promise 4's one sentence. */
export const isPortalUnreachable = (error: unknown): boolean =>
  isPortalError(error) && (error.kind === 'unavailable' || error.kind === 'rateLimited');

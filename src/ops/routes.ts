// The operator's own routes on the listener: /healthz and /metrics (behind a bearer token when METRICS_TOKEN is set).
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Logger, silentLogger } from '../log.ts';
import { type HealthChecks, healthRoute } from './health.ts';
import type { Listener, RouteHandler } from './listener.ts';
import { metricsRoute } from './metrics.ts';

export interface OperatorOptions {
  /** METRICS_TOKEN: /metrics answers only `Authorization: Bearer <token>`. */
  metricsToken?: string;
  logger?: Logger;
}

// Compared as digests of equal length, in constant time: the answer's timing says nothing about the token.
const digestOf = (text: string) => createHash('sha256').update(text).digest();
const bearerIs = (header: string | undefined, token: string) => {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digestOf(given), digestOf(token)) && given.length > 0;
};

const withToken =
  (token: string, route: RouteHandler): RouteHandler =>
  (request, response) => {
    if (!bearerIs(request.headers.authorization, token)) {
      response.writeHead(401, { 'www-authenticate': 'Bearer', 'content-type': 'text/plain' }).end('unauthorized\n');
      return;
    }
    return route(request, response);
  };

export function mountOperatorRoutes(listener: Listener, checks: HealthChecks, options: OperatorOptions = {}): void {
  listener.route('/healthz', healthRoute(checks, options.logger ?? silentLogger));
  listener.route('/metrics', options.metricsToken ? withToken(options.metricsToken, metricsRoute) : metricsRoute);
}

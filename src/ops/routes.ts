// The operator's own routes on the listener: /healthz and /metrics.
import { type HealthChecks, healthRoute } from './health.ts';
import type { Listener } from './listener.ts';
import { metricsRoute } from './metrics.ts';

export function mountOperatorRoutes(listener: Listener, checks: HealthChecks): void {
  listener.route('/healthz', healthRoute(checks));
  listener.route('/metrics', metricsRoute);
}

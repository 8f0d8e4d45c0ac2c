// The operator's HTTP listener: a few GET routes (health, metrics, and whatever other parts mount, such as an
// OAuth redirect) on METRICS_PORT, or on the webhook's own port in webhook mode. Other parts add routes with
// `route()`; the webhook server hands every request it does not own to `handle()`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.ts';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface Listener {
  /** Serves `path` (exact, query string ignored) with `handler`; a later route for the same path replaces it. */
  route(path: string, handler: RouteHandler): void;
  /** Serves the request when a route matches it and says so; false leaves the request untouched. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /**
   * Starts a server of its own on `port` (0: any free port) and resolves with the port it got. It binds `host`
   * (METRICS_HOST), this machine only unless told: the routes are the operator's, not the world's.
   */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const pathOf = (request: IncomingMessage) => (request.url ?? '/').split('?')[0] ?? '/';

export function createListener(logger: Logger): Listener {
  const routes = new Map<string, RouteHandler>();
  let server: Server | undefined;

  const handle = (request: IncomingMessage, response: ServerResponse): boolean => {
    const handler = routes.get(pathOf(request));
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(request, response))
      .catch((error: unknown) => {
        logger.error('operator route failed', { path: pathOf(request), error });
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end();
      });
    return true;
  };

  return {
    route(path, handler) {
      routes.set(path, handler);
    },
    handle,
    async listen(port, host = '127.0.0.1') {
      const own = createServer((request, response) => {
        if (!handle(request, response)) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      });
      await new Promise<void>((resolve, reject) => {
        own.once('error', reject);
        own.listen(port, host, () => resolve());
      });
      server = own;
      const bound = (own.address() as AddressInfo).port;
      logger.info('operator listener started', { host, port: bound });
      return bound;
    },
    async close() {
      const own = server;
      server = undefined;
      if (!own) return;
      own.closeAllConnections();
      await new Promise<void>((resolve) => own.close(() => resolve()));
    },
  };
}

// A portal (or whatever answers at its address) that sends a reply without end: the client refuses it once it
// passes the ceiling, reads no further and does not ask again; a reply that declares its huge size is refused
// before its body is read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createPortalClient } from '../../src/portal/client.ts';
import { PortalError } from '../../src/portal/errors.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A portal address whose every reply is `answer`; counts the requests and the bytes it managed to send. */
async function floodingPortal(answer: (write: (chunk: string) => boolean, end: () => void) => void, headers = {}) {
  const seen = { requests: 0, bytes: 0 };
  const server = createServer((request, response) => {
    seen.requests += 1;
    request.resume();
    response.writeHead(200, { 'content-type': 'application/json', ...headers });
    answer(
      (chunk) => {
        seen.bytes += chunk.length;
        return response.write(chunk);
      },
      () => response.end(),
    );
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { seen, webhookUrl: `http://127.0.0.1:${port}/rest/1/k3y5ecr3tvalue42/` };
}

const MAX = 1024 * 1024;

it('refuses an endless reply past the ceiling, without reading on or asking again', async () => {
  const page = `{"ID":"1","TITLE":"${'Поставка '.repeat(100)}"},`;
  const portal = await floodingPortal((write) => {
    write('{"result":[');
    // Writes as fast as the reader takes it, for ever.
    const more = () => {
      while (write(page)) {}
    };
    more();
    const timer = setInterval(more, 5);
    servers.at(-1)?.once('close', () => clearInterval(timer));
    setTimeout(() => clearInterval(timer), 10_000).unref();
  });
  const client = createPortalClient({
    webhookUrl: portal.webhookUrl,
    retries: 3,
    retryDelayMs: 10,
    maxReplyBytes: MAX,
  });
  const error = await client.call('crm.deal.list').catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PortalError);
  expect(error).toMatchObject({ kind: 'unavailable', code: 'REPLY_TOO_LONG' });
  expect(portal.seen.requests).toBe(1);
  // What the socket's buffers hold on top of the ceiling, not the flood.
  expect(portal.seen.bytes).toBeLessThan(MAX * 8);
});

it('refuses a reply that declares itself too long before reading it', async () => {
  const portal = await floodingPortal(
    (write, end) => {
      write('{"result":[]}');
      end();
    },
    { 'content-length': String(64 * 1024 * 1024) },
  );
  const client = createPortalClient({ webhookUrl: portal.webhookUrl, retries: 0, maxReplyBytes: MAX });
  await expect(client.call('crm.deal.list')).rejects.toMatchObject({ code: 'REPLY_TOO_LONG' });
});

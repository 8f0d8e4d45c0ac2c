// A small TLS terminator in front of the demo portal: the official SDK speaks https only. The certificate is a
// throwaway self-signed one made for this test alone (127.0.0.1 and localhost), trusted by the SDK's process
// through NODE_EXTRA_CA_CERTS; it opens nothing but this local stand-in.
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const TEST_CA_PATH = join(import.meta.dirname, 'tls-cert.pem');

export interface TlsTerminator {
  port: number;
  close(): Promise<void>;
}

/** Forwards every https request to the plain-http portal on `targetPort`, as a reverse proxy would. */
export async function startTlsTerminator(targetPort: number): Promise<TlsTerminator> {
  const server = createServer(
    { key: readFileSync(join(import.meta.dirname, 'tls-key.pem')), cert: readFileSync(TEST_CA_PATH) },
    (incoming, outgoing) => {
      const forward = httpRequest(
        { host: '127.0.0.1', port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on('error', () => outgoing.destroy());
      incoming.pipe(forward);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// An operator's first minutes: `npm run portal` prints an address, and `b24 check` passes against it.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repository = join(import.meta.dirname, '..', '..');
const env = { PATH: process.env.PATH, HOME: process.env.HOME };

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('npm run portal and b24 check', () => {
  const portal = { stop: () => {} };
  afterAll(() => portal.stop());

  it('prints a webhook address that the operator check calls ready', async () => {
    const port = await freePort();
    const child = spawn('npm', ['run', 'portal', '--silent'], {
      cwd: repository,
      detached: true,
      env: { ...env, PORTAL_PORT: String(port) },
    });
    portal.stop = () => child.pid && process.kill(-child.pid, 'SIGTERM');
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const found = /http:\/\/127\.0\.0\.1:\d+\/rest\/\d+\/[^/\s]+\//.exec(out);
        if (found) resolve(found[0]);
      });
      child.once('exit', () => reject(new Error(`the portal stopped: ${out}`)));
    });
    expect(address).toContain(`:${port}/`);

    const check = spawnSync('npm', ['run', 'b24', '--silent', '--', 'check'], {
      cwd: repository,
      env: { ...env, BITRIX24_WEBHOOK_URL: address },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/Verdict: ready/);

    // Stopping npm alone (as a process manager or a closed terminal does) takes the portal with it.
    process.kill(child.pid!, 'SIGTERM');
    const stillAnswers = async () =>
      fetch(`${address}user.current`).then(
        () => true,
        () => false,
      );
    const deadline = Date.now() + 10_000;
    while ((await stillAnswers()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(await stillAnswers()).toBe(false);
  }, 60_000);
});

// `b24 check` against the demo portal: a webhook without some scopes, and a webhook made by someone with no CRM
// role, each named in plain words with what to ask for.
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';

const portals: DemoPortal[] = [];
afterAll(() => Promise.all(portals.map((portal) => portal.close())));

async function check(options: { userId?: number; scopes?: string[] }) {
  const portal = await startDemoPortal({ rateLimit: false, ...options });
  portals.push(portal);
  const lines: string[] = [];
  const code = await runCheck(portal.webhookUrl, { out: (text) => lines.push(text) });
  return { code, out: lines.join('\n') };
}

describe('b24 check names missing rights in plain words', () => {
  it('passes a webhook with every scope, made by the director', async () => {
    const { code, out } = await check({});
    expect(out).toMatch(/ok\s+rights\s+the webhook's user may read everything the assistant shows/);
    expect(out).toContain('Verdict: ready');
    expect(code).toBe(0);
  });

  it('names the scopes a webhook lacks by what they open', async () => {
    const { code, out } = await check({ scopes: ['task', 'calendar', 'user', 'department', 'im'] });
    expect(out).toMatch(/FAIL\s+scopes\s+missing: crm \(deals, clients and leads\), timeman \(work time\)/);
    expect(out).toContain('Verdict: not ready. In the portal, give the webhook these permissions: crm, timeman.');
    expect(code).toBe(1);
  });

  it('names what the webhook’s user may not read, and who can allow it', async () => {
    const { code, out } = await check({ userId: 20 });
    expect(out).toMatch(/ok\s+scopes/);
    expect(out).toMatch(/FAIL\s+rights\s+the webhook's user may not read: deals, clients and leads/);
    expect(out).toContain("Verdict: not ready. Ask the portal administrator to let the webhook's user read deals");
    expect(code).toBe(1);
  });
});

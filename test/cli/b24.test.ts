import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/commands.ts';
import { fail, ok, page, type StubPortal, startStubPortal } from '../portal/stub-portal.ts';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const folder = mkdtempSync(join(tmpdir(), 'b24-cli-'));

let stub: StubPortal;
beforeAll(async () => {
  const deals = Array.from({ length: 120 }, (_, index) => ({ ID: String(index + 1), TITLE: `Сделка ${index + 1}` }));
  stub = await startStubPortal({
    handle: (method, params) => {
      if (method === 'user.current') {
        return { body: { result: { ID: '1', NAME: 'Алексей', LAST_NAME: 'Смирнов', TIME_ZONE: 'Europe/Moscow' } } };
      }
      if (method === 'scope') return ok(['crm', 'task', 'calendar', 'user_brief', 'department', 'im']);
      if (method === 'server.time') return ok(new Date().toISOString());
      if (method === 'crm.deal.list') return page(deals, params);
      if (method === 'crm.deal.add') return ok(121);
      return fail(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
    },
  });
});
afterAll(() => stub.close());

/** The CLI as the operator runs it: a child process, in a folder of its own. */
async function b24(args: string[], env: Record<string, string> = { BITRIX24_WEBHOOK_URL: stub.webhookUrl }) {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [join(root, 'src/cli/b24.ts'), ...args], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The same CLI in this process, for the cases that need no process of their own. */
async function inProcess(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env: { BITRIX24_WEBHOOK_URL: stub.webhookUrl },
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    readStdin: async () => stdin,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('the b24 bin', () => {
  it('runs the TypeScript CLI with no build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin/b24.js'), '--help'], {
      cwd: folder,
    });
    expect(stdout).toContain('b24 call <method>');
  });
});

describe('b24 check', () => {
  it('goes step by step, names the missing scope, and never shows the secret', async () => {
    const { code, stdout, stderr } = await b24(['check']);
    expect(stdout).toContain('ok    address');
    expect(stdout).toContain('/rest/1/***/');
    expect(stdout).toContain('Алексей Смирнов (#1), time zone Europe/Moscow');
    expect(stdout).toMatch(/FAIL\s+scopes\s+missing: timeman/);
    expect(stdout).toMatch(/ok\s+clock/);
    expect(stdout).toContain('Verdict: not ready. In the portal, give the webhook these permissions: timeman.');
    expect(code).toBe(1);
    expect(stdout + stderr).not.toContain(stub.secret);
  });

  it('says plainly when the webhook is refused', async () => {
    const { code, stdout } = await b24(['check'], {
      BITRIX24_WEBHOOK_URL: stub.webhookUrl.replace(stub.secret, 'revoked1234'),
    });
    expect(stdout).toMatch(/FAIL\s+authorization/);
    expect(stdout).toContain('Verdict: not ready');
    expect(stdout).not.toContain('revoked1234');
    expect(code).toBe(1);
  });
});

describe('b24 call', () => {
  it('refuses a write without confirmation, sending nothing and showing no secret', async () => {
    const before = stub.requests.length;
    const { code, stdout, stderr } = await b24(['call', 'crm.deal.add', 'fields[TITLE]=Поставка & монтаж']);
    expect(code).toBe(2);
    expect(stderr).toContain('crm.deal.add changes data on the portal; nothing was sent');
    expect(stderr).toContain('--confirm-write');
    expect(stderr).toContain('Поставка & монтаж');
    expect(stdout + stderr).not.toContain(stub.secret);
    expect(stub.requests.length).toBe(before);
  });

  it('prints a dry run with the secret masked and sends nothing', async () => {
    const before = stub.requests.length;
    const { code, stdout } = await b24(['call', 'crm.deal.delete', '{"id": 5}', '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toContain('"safety": "destroy"');
    expect(stdout).toContain(`POST http://127.0.0.1:${stub.port}/rest/1/***/crm.deal.delete`);
    expect(stdout).not.toContain(stub.secret);
    expect(stub.requests.length).toBe(before);
  });

  it('sends a confirmed write with nested key=value parameters', async () => {
    const { code, stdout } = await inProcess([
      'call',
      'crm.deal.add',
      'fields[TITLE]=100% + НДС',
      'fields[OPPORTUNITY]=5000',
      '--yes',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('121');
    expect(stub.requests.at(-1)?.params).toEqual({ fields: { TITLE: '100% + НДС', OPPORTUNITY: '5000' } });
  });

  it('a deletion needs more than --confirm-write', async () => {
    const { code, stderr } = await inProcess(['call', 'crm.deal.delete', 'id=5', '--confirm-write']);
    expect(code).toBe(2);
    expect(stderr).toContain('--confirm-destructive');
  });

  it('pages through a whole list with --iterate, and stops at --max-items', async () => {
    const all = await inProcess(['call', 'crm.deal.list', 'select[]=ID', 'select[]=TITLE', '--iterate', '--json']);
    expect(JSON.parse(all.stdout)).toHaveLength(120);
    expect(stub.requests.at(-2)?.params).toMatchObject({ select: ['ID', 'TITLE'] });
    const some = await inProcess(['call', 'crm.deal.list', '--iterate', '--max-items', '7', '--json']);
    expect(JSON.parse(some.stdout)).toHaveLength(7);
  });

  it('asks for --confirm-write before a method that only looks like a read', async () => {
    const sent = stub.requests.length;
    const refused = await inProcess(['call', 'im.notify.read.list']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--confirm-write');
    expect(stub.requests.length).toBe(sent);
  });

  it('reports a portal error in one line, and bad usage with exit code 2', async () => {
    // Not on the list of reads, so it needs the operator's --confirm-write before it is sent.
    const unknown = await inProcess(['call', 'crm.widget.list', '--confirm-write']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('no such method');
    expect((await inProcess(['call'])).code).toBe(2);
    expect((await inProcess(['fly'])).code).toBe(2);
    expect((await inProcess(['call', 'user.current', '--frobnicate'])).code).toBe(2);
  });
});

describe('b24 batch', () => {
  it('runs a batch from a file and from --cmd, refusing it when one command writes', async () => {
    const file = join(folder, 'batch.json');
    writeFileSync(
      file,
      JSON.stringify({ me: 'user.current', first: { method: 'crm.deal.list', params: { start: 0 } } }),
    );
    const read = await inProcess(['batch', file]);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).results.me.NAME).toBe('Алексей');
    const mixed = await inProcess([
      'batch',
      '--cmd',
      'list=crm.deal.list',
      '--cmd',
      'add=crm.deal.add?fields[TITLE]=x',
    ]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('this batch changes data on the portal');
    const piped = await inProcess(['batch', '-', '--json'], '{"cmd": {"me": "user.current"}, "halt": true}');
    expect(JSON.parse(piped.stdout).results.me.ID).toBe('1');
  });
});

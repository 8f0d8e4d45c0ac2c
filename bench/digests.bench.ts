// The 09:00 rush: 1000 directors on 100 portals all get their morning briefing in the same minute. The floor is
// Telegram's own limit (1000 messages / 30 a second ≈ 34 s); the portals keep their real limit of 2 requests a
// second with a burst of 50, and the messages go over HTTP to a Bot API stand-in. The portals run in a child
// process, as remote portals would, and the assistant runs compiled (dist/, bench/digest-round.js) in another:
// the time and memory measured are the assistant's own.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { TickReport } from '../src/digests/dispatcher.ts';
import { openDatabase } from '../src/storage/db.ts';
import { createDigestRepository } from '../src/storage/digest-repository.ts';
import { createDirectorRepository } from '../src/storage/directors.ts';
import { startFakeTelegram } from '../test/fakes/telegram-api.ts';
import { buildOnce, productionNodeFlags, repository } from './built.ts';

export const PORTALS = 100;
export const DIRECTORS_PER_PORTAL = 10;
// Wednesday 25 November 2026: 08:00 in Moscow when the briefings are switched on, 09:00 when they are due.
export const SWITCHED_ON = new Date('2026-11-25T05:00:00Z');
export const SLOT = new Date('2026-11-25T06:00:00Z');

const PORTALS_PROCESS = `
  const { startDemoPortal } = await import(${JSON.stringify(new URL('../src/demo-portal/server.ts', import.meta.url).href)});
  const now = () => new Date(${JSON.stringify(SWITCHED_ON.toISOString())});
  for (let seed = 1; seed <= ${PORTALS}; seed++) console.log((await startDemoPortal({ now, seed })).webhookUrl);
`;

/** Starts the demo portals in a child process; resolves with their webhook addresses once all listen. */
export async function startPortals(): Promise<{ child: ChildProcess; webhookUrls: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', PORTALS_PROCESS], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const webhookUrls: string[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    webhookUrls.push(line);
    if (webhookUrls.length === PORTALS) break;
  }
  if (webhookUrls.length !== PORTALS) throw new Error('The demo portals did not start.');
  return { child, webhookUrls };
}

/** Runs the round in the compiled assistant; resolves with what it printed. */
function runRound(input: object): Promise<{ seconds: number; peakMb: number; beforeMb: number; report: TickReport }> {
  const child = spawn(process.execPath, [...productionNodeFlags(), 'bench/digest-round.js', JSON.stringify(input)], {
    cwd: repository,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
      else reject(new Error(`The digest round stopped with code ${code}.`));
    });
  });
}

export default async () => {
  buildOnce();
  const folder = mkdtempSync(join(tmpdir(), 'b24-digests-bench-'));
  const databasePath = join(folder, 'assistant.sqlite');
  const telegram = await startFakeTelegram();
  const { child, webhookUrls } = await startPortals();
  try {
    const { seconds, peakMb, beforeMb, report } = await runRound({
      webhookUrls,
      directorsPerPortal: DIRECTORS_PER_PORTAL,
      switchedOn: SWITCHED_ON.toISOString(),
      slot: SLOT.toISOString(),
      apiRoot: telegram.apiRoot,
      token: telegram.token,
      databasePath,
    });
    const chats = new Set(telegram.sent().map((message) => message.chatId));
    if (report.sent !== PORTALS * DIRECTORS_PER_PORTAL || chats.size !== report.sent) {
      const db = await openDatabase(databasePath);
      const log = createDigestRepository(db);
      const failures = [];
      for (const director of await createDirectorRepository(db).all()) {
        failures.push(...(await log.slots(director.telegramUserId)).filter((slot) => slot.status !== 'sent'));
      }
      await db.close();
      throw new Error(`Not every director got the briefing: ${JSON.stringify({ report, failures })}`);
    }
    return {
      'seconds to deliver the 09:00 briefing to 1000 directors on 100 portals': Number(seconds.toFixed(1)),
      'peak memory during that run': Math.round(peakMb),
      'memory of the digest bench before the round (MB)': Math.round(beforeMb),
    };
  } finally {
    child.kill();
    await telegram.close();
    rmSync(folder, { recursive: true, force: true });
  }
};

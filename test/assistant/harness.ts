// The assistant as the bot runs it: the demo portal over real HTTP, a real SQLite file, the router, the real
// scenarios and views. The clock is injected; every reply and edit is collected for the technical-words check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAssistant } from '../../src/assistant/assistant.ts';
import type { ModelLoop } from '../../src/assistant/model/index.ts';
import { understand } from '../../src/assistant/router/index.ts';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { createDigestSettings } from '../../src/digests/settings.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import type { PortalClient } from '../../src/portal/port.ts';
import { createScenarios } from '../../src/scenarios/index.ts';
import { openDatabase } from '../../src/storage/db.ts';
import { createDirectorRepository } from '../../src/storage/directors.ts';
import { createMemoryRepository } from '../../src/storage/memory.ts';
import { createProposalRepository } from '../../src/storage/proposals.ts';
import type { AssistantPort, ButtonOutcome } from '../../src/telegram/ports.ts';
import type { Reply } from '../../src/views/reply.ts';

export interface Harness {
  portal: DemoPortal;
  client: PortalClient;
  clock: { now: Date };
  databasePath: string;
  /** A fresh assistant on its own database connection (a second device, or the bot after a restart). */
  assistant(options?: { identity?: Map<number, number>; model?: ModelLoop; client?: PortalClient }): AssistantPort;
  /** Every text the director was shown in this run. */
  shown: string[];
  record(replies: Reply[]): Reply[];
  recordOutcome(outcome: ButtonOutcome): ButtonOutcome;
  close(): Promise<void>;
}

// Wednesday 25 November 2026, 10:00 in Moscow.
export const WEDNESDAY_MORNING = new Date('2026-11-25T07:00:00Z');

export async function startHarness(): Promise<Harness> {
  const clock = { now: new Date(WEDNESDAY_MORNING) };
  const now = () => new Date(clock.now);
  const portal = await startDemoPortal({ now, rateLimit: false });
  const client = createPortalClient({ webhookUrl: portal.webhookUrl, retries: 1, retryDelayMs: 5, timeoutMs: 2_000 });
  const folder = mkdtempSync(join(tmpdir(), 'assistant-'));
  const databasePath = join(folder, 'assistant.sqlite');
  const databases: ReturnType<typeof openDatabase>[] = [];
  const shown: string[] = [];
  const record = (replies: Reply[]) => {
    for (const reply of replies) shown.push(reply.html, ...(reply.buttons ?? []).flat().map((button) => button.text));
    return replies;
  };

  return {
    portal,
    client,
    clock,
    databasePath,
    shown,
    record,
    recordOutcome(outcome) {
      record([...(outcome.edit ? [outcome.edit] : []), ...outcome.replies]);
      if (outcome.notice) shown.push(outcome.notice);
      return outcome;
    },
    assistant(options = {}) {
      const db = openDatabase(databasePath);
      databases.push(db);
      const portalClient = options.client ?? client;
      return createAssistant({
        scenarios: createScenarios({ portal: portalClient, now }),
        understand,
        model: options.model,
        portal: portalClient,
        proposals: createProposalRepository(db),
        directors: createDirectorRepository(db),
        memory: createMemoryRepository(db),
        digests: createDigestSettings({ db, now }),
        identity: (telegramUserId) => options.identity?.get(telegramUserId),
        now,
        logger: silentLogger,
      });
    },
    async close() {
      for (const db of databases) db.close();
      await portal.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

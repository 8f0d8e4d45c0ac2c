// Wires the product's parts around one portal and one database. `main.ts` (Telegram), the demo and the
// end-to-end tests all build the assistant here, so what the tests run is what the operator runs.
import { createAssistant } from './assistant/assistant.ts';
import type { ModelLoop, ModelLoopDeps } from './assistant/model/index.ts';
import { understand } from './assistant/router/index.ts';
import { DIGEST_CONTENT } from './digests/content.ts';
import { createDigestDispatcher, type RunningDigests } from './digests/dispatcher.ts';
import { createDigestSettings } from './digests/settings.ts';
import type { Logger } from './log.ts';
import type { PortalClient } from './portal/port.ts';
import { createScenarios } from './scenarios/index.ts';
import { type Database, openDatabase, ping } from './storage/db.ts';
import { createDirectorRepository } from './storage/directors.ts';
import { createMemoryRepository } from './storage/memory.ts';
import { createProposalRepository } from './storage/proposals.ts';
import type { AccessList, AssistantPort } from './telegram/ports.ts';
import { renderView } from './views/render.ts';
import type { Reply } from './views/reply.ts';

export interface AppOptions {
  portal: PortalClient;
  databasePath: string;
  /** A PostgreSQL database shared with other instances; when set, `databasePath` is not used. */
  databaseUrl?: string;
  /** ALLOWED_TELEGRAM_IDS: each Telegram user, and the portal user it stands for when given. */
  allowed: readonly { telegramUserId: number; portalUserId?: number }[];
  model?: { apiKey: string; baseURL?: string; model: string };
  logger: Logger;
  now?: () => Date;
  proposalTtlMs?: number;
}

export interface App {
  assistant: AssistantPort;
  access: AccessList;
  db: Database;
  /** Starts the digest schedule; `send` delivers one director's digest to their chat. */
  startDigests(send: (chatId: number, replies: Reply[]) => Promise<void>): RunningDigests;
  /** Health check: resolves when the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The model's client (openai) and tokenizer are big: loaded on the first free-form question, and never when no
 * model is configured.
 */
function lazyModelLoop(deps: ModelLoopDeps): ModelLoop {
  let loop: Promise<ModelLoop> | undefined;
  return {
    async answer(input) {
      loop ??= import('./assistant/model/index.ts').then(({ createModelLoop }) => createModelLoop(deps));
      return (await loop).answer(input);
    },
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const now = options.now ?? (() => new Date());
  const db = await openDatabase(options.databaseUrl ?? options.databasePath);
  const scenarios = createScenarios({ portal: options.portal, now });
  const directors = createDirectorRepository(db);
  const portalUserOf = new Map(options.allowed.map((entry) => [entry.telegramUserId, entry.portalUserId]));
  const digestSettings = createDigestSettings({ db, now });
  const model = options.model
    ? lazyModelLoop({ ...options.model, portal: options.portal, names: scenarios.names, now, logger: options.logger })
    : undefined;

  const assistant = createAssistant({
    scenarios,
    understand,
    model,
    portal: options.portal,
    proposals: createProposalRepository(db),
    directors,
    memory: createMemoryRepository(db),
    digests: digestSettings,
    identity: (telegramUserId) => portalUserOf.get(telegramUserId),
    now,
    logger: options.logger,
    proposalTtlMs: options.proposalTtlMs,
  });

  // The zone is the portal user's own and can change there: read it again before each slot. The portal user is
  // the one ALLOWED_TELEGRAM_IDS names now: a changed mapping shows the new person's data, never the old one's.
  const refreshDirector = async (telegramUserId: number) => {
    const record = await directors.get(telegramUserId);
    if (!record) return undefined;
    const mapped = portalUserOf.get(telegramUserId);
    const current =
      mapped === undefined || mapped === record.portalUserId ? record : { ...record, portalUserId: mapped };
    if (current !== record) await directors.save(current);
    const profile = await scenarios.profile(mapped);
    if (profile.portalUserId === current.portalUserId && profile.timeZone === current.timeZone) return current;
    const updated = { ...current, portalUserId: profile.portalUserId, timeZone: profile.timeZone };
    await directors.save(updated);
    return updated;
  };

  return {
    assistant,
    access: { isAllowed: (telegramUserId) => portalUserOf.has(telegramUserId) },
    db,
    startDigests(send) {
      const dispatcher = createDigestDispatcher({
        db,
        now,
        logger: options.logger,
        send,
        allowed: [...portalUserOf.keys()],
        refreshDirector,
        content: async (record, digest) => {
          const view = await scenarios.run(record, DIGEST_CONTENT[digest]);
          return view ? renderView(view, record.language) : null;
        },
      });
      return dispatcher.start();
    },
    ping: async () => ping(db),
    close: () => db.close(),
  };
}

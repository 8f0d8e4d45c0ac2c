// A director's-eye harness for the digests: a real SQLite file, an injected clock, recorded deliveries.
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach } from 'vitest';
import { createDigestDispatcher, type DigestDispatcherDeps } from '../../src/digests/dispatcher.ts';
import { createDigestSettings } from '../../src/digests/settings.ts';
import { type Database, openDatabase } from '../../src/storage/db.ts';
import { createDigestRepository } from '../../src/storage/digest-repository.ts';
import { createDirectorRepository, type DirectorRecord } from '../../src/storage/directors.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { DigestName } from '../../src/vocabulary/requests.ts';
import { tempFolders } from '../storage/temp.ts';

export const MOSCOW: DirectorRecord = {
  telegramUserId: 501,
  chatId: 9501,
  portalUserId: 1,
  timeZone: 'Europe/Moscow',
  language: 'ru',
  introduced: true,
};

export const VLADIVOSTOK: DirectorRecord = {
  telegramUserId: 502,
  chatId: 9502,
  portalUserId: 7,
  timeZone: 'Asia/Vladivostok',
  language: 'ru',
  introduced: true,
};

export interface Delivery {
  chatId: number;
  html: string;
  at: Date;
}

export class Clock {
  constructor(public current: Date) {}
  now = (): Date => this.current;
  set(iso: string): void {
    this.current = new Date(iso);
  }
  plusMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

/** What a director saw: the local weekday, time and text of each message in their own zone. */
export function seenBy(deliveries: Delivery[], director: DirectorRecord): string[] {
  return deliveries
    .filter((delivery) => delivery.chatId === director.chatId)
    .map((delivery) => {
      const local = DateTime.fromJSDate(delivery.at, { zone: director.timeZone });
      return `${local.toFormat('ccc HH:mm')} ${delivery.html}`;
    });
}

/** Content that names the digest, so a test can tell which one arrived. */
export const namedContent: DigestDispatcherDeps['content'] = async (_director, digest) => [{ html: digest }];

export function digestHarness() {
  const folder = tempFolders();
  const opened: Database[] = [];
  // Registered after the folders' hook, so it runs before it: files are closed before they are removed.
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });
  return async (start: string, directors: DirectorRecord[] = [MOSCOW, VLADIVOSTOK]) => {
    const path = join(folder(), 'assistant.sqlite');
    const open = async () => {
      const db = await openDatabase(path);
      opened.push(db);
      return db;
    };
    const db = await open();
    const clock = new Clock(new Date(start));
    const repository = createDirectorRepository(db);
    for (const director of directors) await repository.save(director);
    const deliveries: Delivery[] = [];
    const settings = createDigestSettings({ db, directors: repository, now: clock.now });
    const digests = createDigestRepository(db);

    /** A dispatcher as `main` builds one; each call is a separate process-like instance on the same file. */
    const dispatcher = async (overrides: Partial<DigestDispatcherDeps> = {}) =>
      createDigestDispatcher({
        db: await open(),
        directors: repository,
        content: namedContent,
        send: async (chatId: number, replies: Reply[]) => {
          for (const reply of replies) deliveries.push({ chatId, html: reply.html, at: clock.now() });
        },
        now: clock.now,
        allowed: directors.map((director) => director.telegramUserId),
        // Real Telegram limits wait in real time; the clock here is fake, so the limits are lifted.
        rate: { perSecond: 10_000, perChatPerSecond: 10_000 },
        ...overrides,
      });

    const turnOn = async (director: DirectorRecord, ...names: DigestName[]) => {
      for (const name of names) await settings.toggle(director.telegramUserId, name);
    };

    return { db, clock, deliveries, settings, digests, directors: repository, dispatcher, turnOn };
  };
}

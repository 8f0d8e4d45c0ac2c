// The director's digest settings: which digests are on and at what local time. Every change moves the
// next run at once, so the dispatcher never works from a stale slot.
import type { Language } from '../scenarios/director.ts';
import type { DigestName } from '../scenarios/requests.ts';
import type { Database } from '../storage/db.ts';
import { createDigestRepository, type DigestSubscription } from '../storage/digests.ts';
import { createDirectorRepository, type DirectorRecord } from '../storage/directors.ts';
import { renderDigestSettings } from '../views/digest-settings.ts';
import type { Reply } from '../views/reply.ts';
import { DEFAULT_TIMES, DIGEST_NAMES, nextSlot, normalizeTime } from './schedule.ts';

export interface DigestSettingsPort {
  settingsReply(telegramUserId: number, language: Language): Reply;
  /** Switches one digest on or off; returns the updated settings message. */
  toggle(telegramUserId: number, digest: DigestName): Reply;
  /** Sets a digest's local time (`HH:mm`, `8:15` too) and switches it on; returns the updated settings message. */
  setTime(telegramUserId: number, digest: DigestName, time: string): Reply;
}

const unreadableTime: Record<Language, string> = {
  ru: 'Не понял время, напишите его так: 08:15.',
  en: 'I could not read the time; write it like 08:15.',
};

export function createDigestSettings(deps: { db: Database; now?: () => Date }): DigestSettingsPort {
  const clock = deps.now ?? (() => new Date());
  const digests = createDigestRepository(deps.db);
  const directors = createDirectorRepository(deps.db);

  const directorOf = (telegramUserId: number): DirectorRecord => {
    const director = directors.get(telegramUserId);
    // The assistant saves every director before any settings can be shown to them.
    if (!director) throw new Error(`Digest settings asked for an unknown director ${telegramUserId}.`);
    return director;
  };

  const subscriptionsOf = (director: DirectorRecord): DigestSubscription[] => {
    const stored = digests.subscriptions(director.telegramUserId);
    return DIGEST_NAMES.map(
      (digest) =>
        stored.find((subscription) => subscription.digest === digest) ?? {
          telegramUserId: director.telegramUserId,
          digest,
          enabled: false,
          localTime: DEFAULT_TIMES[digest],
          timeZone: director.timeZone,
          nextRunAt: undefined,
        },
    );
  };

  const reply = (director: DirectorRecord, language: Language, notice?: string) =>
    renderDigestSettings(
      subscriptionsOf(director).map(({ digest, enabled, localTime }) => ({ digest, enabled, time: localTime })),
      language,
      notice,
    );

  const subscriptionOf = (director: DirectorRecord, digest: DigestName) =>
    subscriptionsOf(director).find((subscription) => subscription.digest === digest)!;

  const change = (director: DirectorRecord, digest: DigestName, update: { enabled: boolean; localTime: string }) => {
    const now = clock();
    const current = subscriptionOf(director, digest);
    digests.save(
      [
        {
          ...current,
          ...update,
          // Always in the director's current zone: a change is also the moment to pick up a new one.
          timeZone: director.timeZone,
          nextRunAt: update.enabled ? nextSlot(digest, update.localTime, director.timeZone, now).at : undefined,
        },
      ],
      now,
    );
  };

  return {
    settingsReply: (telegramUserId, language) => reply(directorOf(telegramUserId), language),
    toggle(telegramUserId, digest) {
      const director = directorOf(telegramUserId);
      const current = subscriptionOf(director, digest);
      change(director, digest, { enabled: !current.enabled, localTime: current.localTime });
      return reply(director, director.language);
    },
    setTime(telegramUserId, digest, time) {
      const director = directorOf(telegramUserId);
      const localTime = normalizeTime(time);
      if (!localTime) return reply(director, director.language, unreadableTime[director.language]);
      change(director, digest, { enabled: true, localTime });
      return reply(director, director.language);
    },
  };
}

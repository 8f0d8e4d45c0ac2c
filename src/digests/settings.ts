// The director's digest settings: which digests are on and at what local time. Every change moves the
// next run at once, so the dispatcher never works from a stale slot.

import type { Database } from '../storage/db.ts';
import {
  createDigestRepository,
  type DigestRepository,
  type DigestSubscription,
} from '../storage/digest-repository.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import { UNREADABLE_TIME } from '../views/messages-digests.ts';
import type { Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import { allDigestsSwitched, digestChanged, renderDigestSettings } from './digest-settings-view.ts';
import { DEFAULT_TIMES, DIGEST_NAMES, nextSlot, normalizeTime } from './schedule.ts';

export interface DigestSettingsPort {
  settingsReply(telegramUserId: number, language: Language): Promise<Reply>;
  /** Switches one digest on or off; returns the updated settings message. */
  toggle(telegramUserId: number, digest: DigestName): Promise<Reply>;
  /** Sets a digest's local time (`HH:mm`, `8:15` too) and switches it on; returns the updated settings message. */
  setTime(telegramUserId: number, digest: DigestName, time: string): Promise<Reply>;
  /**
   * A change said in words («выключи утренний брифинг», «итоги дня в 19:00»): a time also switches it on.
   * Answers in one line, with the button to the whole settings message.
   */
  changeInWords(
    telegramUserId: number,
    digest: DigestName,
    change: { enabled: boolean; time?: string },
  ): Promise<Reply>;
  /** «выключи все рассылки», «включи все рассылки»: every digest at once, each keeping its time. */
  switchAll(telegramUserId: number, enabled: boolean): Promise<Reply>;
}

/** A director's six subscriptions, as stored or (never switched on) with their default times. */
async function subscriptionsWithDefaults(
  digests: DigestRepository,
  director: DirectorRecord,
): Promise<DigestSubscription[]> {
  const stored = await digests.subscriptions(director.telegramUserId);
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
}

type Update = (current: DigestSubscription) => { enabled: boolean; localTime: string };
type Change = (director: DirectorRecord, digest: DigestName | 'all', update: Update) => Promise<DigestSubscription[]>;

/** Stores the digests' new switch and time, and returns every subscription as the message draws them. */
async function changeSubscriptions(
  digests: DigestRepository,
  now: Date,
  director: DirectorRecord,
  digest: DigestName | 'all',
  update: Update,
): Promise<DigestSubscription[]> {
  const changing = (subscription: DigestSubscription) => digest === 'all' || subscription.digest === digest;
  const subscriptions = (await subscriptionsWithDefaults(digests, director)).map((subscription) => {
    if (!changing(subscription)) return subscription;
    const { enabled, localTime } = update(subscription);
    return {
      ...subscription,
      enabled,
      localTime,
      // Always in the director's current zone: a change is also the moment to pick up a new one.
      timeZone: director.timeZone,
      nextRunAt: enabled ? nextSlot(subscription.digest, localTime, director.timeZone, now).at : undefined,
    };
  });
  await digests.save(subscriptions.filter(changing), now);
  return subscriptions;
}

export function createDigestSettings(deps: {
  db: Database;
  directors: DirectorRepository;
  now?: () => Date;
}): DigestSettingsPort {
  const clock = deps.now ?? (() => new Date());
  const digests = createDigestRepository(deps.db);
  const subscriptionsOf = (director: DirectorRecord) => subscriptionsWithDefaults(digests, director);
  const change: Change = (director, digest, update) => changeSubscriptions(digests, clock(), director, digest, update);
  const { directors } = deps;

  const directorOf = async (telegramUserId: number): Promise<DirectorRecord> => {
    const director = await directors.get(telegramUserId);
    // The assistant saves every director before any settings can be shown to them.
    if (!director) throw new Error(`Digest settings asked for an unknown director ${telegramUserId}.`);
    return director;
  };

  const settingViews = (subscriptions: DigestSubscription[]) =>
    subscriptions.map(({ digest, enabled, localTime }) => ({ digest, enabled, time: localTime }));
  const render = (subscriptions: DigestSubscription[], language: Language, notice?: string) =>
    renderDigestSettings(settingViews(subscriptions), language, notice);

  return {
    settingsReply: async (telegramUserId, language) =>
      render(await subscriptionsOf(await directorOf(telegramUserId)), language),
    async toggle(telegramUserId, digest) {
      const director = await directorOf(telegramUserId);
      const changed = await change(director, digest, ({ enabled, localTime }) => ({ enabled: !enabled, localTime }));
      return render(changed, director.language);
    },
    async setTime(telegramUserId, digest, time) {
      const director = await directorOf(telegramUserId);
      const localTime = normalizeTime(time);
      if (!localTime) {
        return render(await subscriptionsOf(director), director.language, UNREADABLE_TIME[director.language]);
      }
      return render(await change(director, digest, () => ({ enabled: true, localTime })), director.language);
    },
    async changeInWords(telegramUserId, digest, { enabled, time }) {
      const director = await directorOf(telegramUserId);
      const localTime = time === undefined ? undefined : normalizeTime(time);
      if (time !== undefined && !localTime)
        return render(await subscriptionsOf(director), director.language, UNREADABLE_TIME[director.language]);
      const changed = await change(director, digest, (current) => ({
        enabled,
        localTime: localTime ?? current.localTime,
      }));
      const setting = changed.find((subscription) => subscription.digest === digest)!;
      return digestChanged({ digest, enabled: setting.enabled, time: setting.localTime }, director.language);
    },
    async switchAll(telegramUserId, enabled) {
      const director = await directorOf(telegramUserId);
      const changed = await change(director, 'all', ({ localTime }) => ({ enabled, localTime }));
      return allDigestsSwitched(settingViews(changed), enabled, director.language);
    },
  };
}

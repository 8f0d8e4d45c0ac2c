// Who this director is: the portal user a Telegram user stands for, with the zone and name of their portal
// profile. One service for the conversation and the digests, so both see the same person in the same zone.
import { type Logger, silentLogger } from '../log.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { DirectorRecord, DirectorRepository } from '../storage/directors.ts';
import type { Conversation } from '../vocabulary/director.ts';

export interface IdentifyDeps {
  directors: DirectorRepository;
  /** The portal user a Telegram user stands for; undefined = the webhook's (or connection's) own user. */
  identity: (telegramUserId: number) => number | undefined;
  profile: Scenarios['profile'];
  now: () => Date;
  logger?: Logger;
}

export interface Identify {
  /** The director writing in this chat: stored, and refreshed from the portal profile now and then. */
  director(conversation: Conversation): Promise<DirectorRecord>;
  /** A known director with the portal user and zone of now (before a digest); undefined for a stranger. */
  refresh(telegramUserId: number): Promise<DirectorRecord | undefined>;
}

// The portal profile (zone, name) is read again this often, so a zone changed in the portal is followed.
const PROFILE_REFRESH_MS = 60 * 60 * 1000;

export function createIdentify(deps: IdentifyDeps): Identify {
  const logger = deps.logger ?? silentLogger;
  const profileReadAt = new Map<number, number>();
  const stillMapped = (record: DirectorRecord, mapped: number | undefined) =>
    mapped === undefined || mapped === record.portalUserId;
  const recentlyRead = (telegramUserId: number) => {
    const readAt = profileReadAt.get(telegramUserId);
    return readAt !== undefined && deps.now().getTime() - readAt < PROFILE_REFRESH_MS;
  };

  const read = async (conversation: Conversation, stored: DirectorRecord | undefined, mapped?: number) => {
    const profile = await deps.profile(mapped);
    const record: DirectorRecord = {
      telegramUserId: conversation.telegramUserId,
      chatId: conversation.chatId,
      portalUserId: profile.portalUserId,
      timeZone: profile.timeZone,
      language: stored?.language ?? 'ru',
      introduced: stored?.introduced ?? false,
    };
    await deps.directors.save(record);
    profileReadAt.set(conversation.telegramUserId, deps.now().getTime());
    return record;
  };

  const director = async (conversation: Conversation): Promise<DirectorRecord> => {
    const { telegramUserId } = conversation;
    const mapped = deps.identity(telegramUserId);
    const stored = await deps.directors.get(telegramUserId);
    if (stored && stillMapped(stored, mapped) && recentlyRead(telegramUserId)) return stored;
    try {
      return await read(conversation, stored, mapped);
    } catch (error) {
      // A known director keeps working from the stored profile while the portal hiccups.
      if (!stored || !stillMapped(stored, mapped)) throw error;
      logger.warn('could not refresh the director profile', { error });
      return stored;
    }
  };

  // The portal user is the one the workspace names now: a changed mapping shows the new person's data, never
  // the old one's, even when the portal cannot be read.
  const refresh = async (telegramUserId: number): Promise<DirectorRecord | undefined> => {
    const record = await deps.directors.get(telegramUserId);
    if (!record) return undefined;
    const mapped = deps.identity(telegramUserId);
    const current = stillMapped(record, mapped) ? record : { ...record, portalUserId: mapped as number };
    if (current !== record) await deps.directors.save(current);
    const profile = await deps.profile(mapped);
    if (profile.portalUserId === current.portalUserId && profile.timeZone === current.timeZone) return current;
    const updated = { ...current, portalUserId: profile.portalUserId, timeZone: profile.timeZone };
    await deps.directors.save(updated);
    return updated;
  };

  return { director, refresh };
}

// Who hears alerts now, and through which portal: the directors allowed at this moment, grouped by the portal
// they act on (the company webhook, or each connected portal), each reading with their own rights.
import type { Identify } from '../access/identify.ts';
import type { PortalClient } from '../portal/port.ts';
import { presentEdit } from '../present/present.ts';
import type { NameDirectory } from '../scenarios/names.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import { renderAlerts } from './alerts-view.ts';
import type { Reader } from './delivery.ts';
import type { EventsMode, WatchedPortal } from './watch.ts';

/** A director's place now: the webhook, or a connected portal (its member id). */
export type AlertSeat = { kind: 'webhook' } | { kind: 'connected'; memberId: string } | { kind: 'none' };

export interface AlertWorkspace {
  portal: PortalClient;
  identify: Identify;
  names: NameDirectory;
}

export interface RecipientSource {
  servedNow(): Promise<number[]>;
  seatOf(telegramUserId: number): Promise<AlertSeat>;
  workspaceFor(telegramUserId: number): Promise<AlertWorkspace | undefined>;
  /** The director as stored (their zone and portal user are read from the portal again now and then). */
  stored(telegramUserId: number): Promise<DirectorRecord | undefined>;
  /** BITRIX24_EVENTS; absent: the offline queue for connected portals, change dates for the webhook. */
  events?: EventsMode;
  /** Where the portal calls the online handler (`<PUBLIC_URL>/bitrix24/events`). */
  handler?: string;
  now: () => Date;
}

/** Who is served where is read again this often; each director's portal profile, this often. */
const REFRESH_MS = 15_000;
const PROFILE_MS = 60 * 60_000;

/** How a seat's portal is watched: an incoming webhook can subscribe to nothing, change dates are its only way. */
function modeOf(seat: AlertSeat, asked: EventsMode | undefined): EventsMode {
  if (seat.kind === 'webhook') return asked === 'off' ? 'off' : 'poll';
  return asked ?? 'offline';
}

/** A director's alerts as their message: the people named through their own workspace, links to their portal. */
function renderFor(record: DirectorRecord, workspace: AlertWorkspace, now: () => Date): Reader['render'] {
  return async (alerts) => {
    const ids = [...new Set(alerts.flatMap((alert) => (alert.facts.personId ? [alert.facts.personId] : [])))];
    const people = await workspace.names.users(ids).catch(() => new Map());
    const names = new Map([...people].map(([id, person]) => [id, person.name as string]));
    const origin = workspace.portal.origin;
    const reply = renderAlerts(alerts, {
      language: record.language,
      zone: record.timeZone,
      now: now(),
      links: origin ? { origin, userId: record.portalUserId } : undefined,
      names,
    });
    return presentEdit(reply, record.language);
  };
}

export function createRecipients(source: RecipientSource) {
  let cached: { at: number; portals: WatchedPortal[] } | undefined;
  const profileReadAt = new Map<number, number>();
  // A quiet portal is asked nothing but the minute's look: the profile only hourly, as the assistant reads it.
  const recordOf = async (telegramUserId: number, workspace: AlertWorkspace) => {
    const at = source.now().getTime();
    if (at - (profileReadAt.get(telegramUserId) ?? Number.NEGATIVE_INFINITY) < PROFILE_MS)
      return source.stored(telegramUserId);
    profileReadAt.set(telegramUserId, at);
    return workspace.identify.refresh(telegramUserId).catch(() => source.stored(telegramUserId));
  };
  const served = async () => {
    const found: { record: DirectorRecord; seat: AlertSeat; workspace: AlertWorkspace }[] = [];
    for (const telegramUserId of await source.servedNow()) {
      const seat = await source.seatOf(telegramUserId);
      const workspace = await source.workspaceFor(telegramUserId);
      // A director who never wrote to the bot has no chat to send to yet.
      const record = workspace && (await recordOf(telegramUserId, workspace));
      if (workspace && record && seat.kind !== 'none') found.push({ record, seat, workspace });
    }
    return found;
  };
  return {
    async portals(): Promise<WatchedPortal[]> {
      const at = source.now().getTime();
      if (cached && at - cached.at < REFRESH_MS) return cached.portals;
      const byKey = new Map<string, WatchedPortal>();
      for (const { record, seat, workspace } of await served()) {
        const key = seat.kind === 'connected' ? seat.memberId : 'webhook';
        const mode = modeOf(seat, source.events);
        const handler = mode === 'online' ? source.handler : undefined;
        const portal = byKey.get(key) ?? {
          key,
          mode,
          reader: workspace.portal,
          recipients: [],
          ...(handler ? { handler } : {}),
        };
        portal.recipients.push({
          telegramUserId: record.telegramUserId,
          portalUserId: record.portalUserId,
          zone: record.timeZone,
          portal: workspace.portal,
        });
        byKey.set(key, portal);
      }
      cached = { at, portals: [...byKey.values()] };
      return cached.portals;
    },
    /** How a director reads alerts now; undefined when no longer allowed. */
    async readerOf(telegramUserId: number): Promise<Reader | undefined> {
      if (!(await source.servedNow()).includes(telegramUserId)) return undefined;
      const workspace = await source.workspaceFor(telegramUserId);
      const record = workspace && (await recordOf(telegramUserId, workspace));
      if (!workspace || !record) return undefined;
      return { chatId: record.chatId, zone: record.timeZone, render: renderFor(record, workspace, source.now) };
    },
  };
}

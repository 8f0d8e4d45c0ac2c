// From records read again to claimed alerts: each director's own records (their rights), each decided with their
// settings; a deal with what was seen of it before (kept per portal afterwards), and a lead about to be told as
// untouched first checked for an answer (an activity, its responsible's comment): a lead settled once (answered,
// or told) is not asked about again.
import type { NewAlert } from '../storage/alerts.ts';
import { dealStateOf } from './deal-moves.ts';
import { type Alert, decide } from './decisions.ts';
import type { PortalRecord } from './records.ts';
import type { AlertRound } from './round.ts';
import { type AlertSettings, wants } from './settings.ts';
import { createStageBook } from './stages.ts';
import { answeredLeads } from './touches.ts';
import type { Recipient, WatchedPortal } from './watch.ts';

/** A lead is told within this long of crossing its line; after that nobody asks about it again. */
const SETTLED_FOR_MS = 24 * 60 * 60_000;

export type Claim = (
  portal: WatchedPortal,
  records: (recipient: Recipient) => Promise<PortalRecord[]>,
) => Promise<number>;

interface Seen {
  recipient: Recipient;
  settings: AlertSettings;
  records: PortalRecord[];
}

export function createClaim(deps: AlertRound): Claim {
  const { alerts, now } = deps;
  const stageBook = createStageBook(now);
  /** `portal:director:lead` → when it was settled. */
  const settledLeads = new Map<string, number>();
  const leadKey = (portal: WatchedPortal, recipient: Recipient, id: number) =>
    `${portal.key}:${recipient.telegramUserId}:${id}`;

  /** The alerts without the untouched leads someone has answered since (asked once per lead). */
  const withoutAnswered = async (portal: WatchedPortal, recipient: Recipient, found: Alert[]) => {
    const waiting = found.filter(
      (alert) => alert.kind === 'leadUntouched' && !settledLeads.has(leadKey(portal, recipient, alert.facts.id)),
    );
    const answered = await answeredLeads(
      recipient.portal,
      waiting.map((alert) => ({ id: alert.facts.id, responsible: alert.facts.personId ?? 0 })),
    );
    const at = now().getTime();
    for (const id of answered) settledLeads.set(leadKey(portal, recipient, id), at);
    return found.filter(
      (alert) => alert.kind !== 'leadUntouched' || !settledLeads.has(leadKey(portal, recipient, alert.facts.id)),
    );
  };

  const forget = (at: number) => {
    for (const [key, settledAt] of settledLeads) if (at - settledAt > SETTLED_FOR_MS) settledLeads.delete(key);
  };

  /** The deals among the records as last seen (and kept so afterwards), with their pipelines' stages. */
  const dealsIn = async (portal: WatchedPortal, seen: readonly Seen[]) => {
    const rows = new Map<number, Record<string, unknown>>();
    // Nobody here hears of deals moving: nothing to compare, nothing to keep.
    const compared = seen.some(({ settings }) => wants(settings, 'dealSlipped') || wants(settings, 'closeDateMoved'));
    for (const { records } of compared ? seen : [])
      for (const record of records) if (record.type === 'deal') rows.set(Number(record.row.ID), record.row);
    const earlier = await alerts.earlierDeals(portal.key, [...rows.keys()]);
    const open = [...rows.values()].filter((row) => row.STAGE_SEMANTIC_ID === 'P');
    const pipelines = open.map((row) => Number(row.CATEGORY_ID ?? 0));
    const stages = open.length > 0 ? await stageBook.stagesFor(portal.key, portal.reader, pipelines) : new Map();
    const historyOf = (row: Record<string, unknown>) => ({ earlier: earlier.get(Number(row.ID)), stages });
    const keep = () =>
      alerts.keepDeals(
        portal.key,
        [...rows.values()].map((row) => dealStateOf(row, historyOf(row))),
        now(),
      );
    return { historyOf, keep };
  };

  return async (portal, records) => {
    const at = now();
    const seen: Seen[] = [];
    for (const recipient of portal.recipients) {
      const settings = await deps.settingsOf(recipient.telegramUserId);
      if (settings.enabled) seen.push({ recipient, settings, records: await records(recipient) });
    }
    const deals = await dealsIn(portal, seen);
    const found: NewAlert[] = [];
    const told: string[] = [];
    for (const { recipient, settings, records: rows } of seen) {
      const decided = rows.flatMap((record) =>
        decide(record, recipient, settings, at, record.type === 'deal' ? deals.historyOf(record.row) : undefined),
      );
      for (const alert of await withoutAnswered(portal, recipient, decided)) {
        found.push(newAlert(portal.key, recipient.telegramUserId, alert));
        if (alert.kind === 'leadUntouched') told.push(leadKey(portal, recipient, alert.facts.id));
      }
    }
    const claimed = found.length === 0 ? 0 : await alerts.enqueue(found, at);
    // Kept after the claims: a round cut short compares with the same earlier state again.
    await deals.keep();
    forget(at.getTime());
    for (const key of told) settledLeads.set(key, at.getTime());
    return claimed;
  };
}

function newAlert(portal: string, telegramUserId: number, alert: Alert): NewAlert {
  return {
    telegramUserId,
    portal,
    object: alert.object,
    change: alert.change,
    kind: alert.kind,
    facts: JSON.stringify(alert.facts),
  };
}

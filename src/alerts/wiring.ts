// How app.ts hands its workspaces to the alerts: who is served where (RecipientSource), and the digests' content
// with the alerts held for it (quiet hours, the daily cap) added, counted.
import type { Logger } from '../log.ts';
import { presentEdit } from '../present/present.ts';
import type { AlertRepository } from '../storage/alerts.ts';
import type { Database } from '../storage/db.ts';
import type { DirectorRecord } from '../storage/directors.ts';
import { createLeases, instanceName } from '../storage/instances.ts';
import type { Reply } from '../views/reply.ts';
import type { DigestName } from '../vocabulary/requests.ts';
import { renderHeldAlerts } from './alerts-view.ts';
import type { AlertOutlet } from './delivery.ts';
import { heldAlerts, type RunningAlerts, startAlerts } from './index.ts';
import { createRecipients, type RecipientSource } from './recipients.ts';
import type { AlertSettingsPort } from './settings-port.ts';

export type AlertStarter = (outlet: AlertOutlet, options?: { timer?: boolean }) => RunningAlerts;

/** Alerts over the app's workspaces: each director's portal watched the way it is connected. */
export function alertStarter(deps: {
  db: Database;
  alerts: AlertRepository;
  settings: AlertSettingsPort;
  logger: Logger;
  /** This instance's name (the digests' one), for its leases. */
  instance?: string;
  source: RecipientSource;
}): AlertStarter {
  const recipients = createRecipients(deps.source);
  return (outlet, options) =>
    startAlerts(
      {
        alerts: deps.alerts,
        leases: createLeases(deps.db),
        owner: instanceName(deps.instance),
        now: deps.source.now,
        logger: deps.logger,
        settingsOf: (telegramUserId) => deps.settings.settingsOf(telegramUserId),
        portals: () => recipients.portals(),
        readerOf: (telegramUserId) => recipients.readerOf(telegramUserId),
        outlet,
      },
      options,
    );
}

type DigestContent = (record: DirectorRecord, digest: DigestName) => Promise<Reply[] | null>;

/** Alerts held by quiet hours or the daily cap come with the next digest, counted. */
export function withHeldAlerts(alerts: AlertRepository, now: () => Date, content: DigestContent): DigestContent {
  return async (record, digest) => {
    const replies = await content(record, digest);
    const held = await heldAlerts(alerts, record.telegramUserId);
    const context = {
      language: record.language,
      zone: record.timeZone,
      now: now(),
      links: undefined,
      names: new Map(),
    };
    const shown = renderHeldAlerts(held, context);
    if (!shown) return replies;
    return [...(replies ?? []), presentEdit(shown, record.language)];
  };
}

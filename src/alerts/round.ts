// What every part of an alerts round works with: the shared store, this instance's leases and name, the clock,
// the log and each director's settings. The watch and the delivery take it, and the alerts' start hands it in.
import type { Logger } from '../log.ts';
import type { AlertRepository } from '../storage/alerts.ts';
import type { Leases } from '../storage/instances.ts';
import type { AlertSettings } from './settings.ts';

export interface AlertRound {
  alerts: AlertRepository;
  leases: Leases;
  /** This instance's name: its leases on portals and on directors' outboxes. */
  owner: string;
  now: () => Date;
  logger: Logger;
  settingsOf(telegramUserId: number): Promise<AlertSettings>;
}

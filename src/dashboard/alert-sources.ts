// The alerts' part of the dashboard: the director's latest alerts (told, or kept for a digest), each in the words
// of its message and when it came, as plain text.

import { type AlertContext, lineOf, whenInWords } from '../alerts/alerts-view.ts';
import { shownOf } from '../alerts/delivery.ts';
import { guardPlainText } from '../present/guard.ts';
import { plainTextOf } from '../present/plain-text.ts';
import type { NameDirectory } from '../scenarios/names.ts';
import type { AlertRepository } from '../storage/alerts.ts';
import type { DashboardSources } from './data.ts';

/** The page shows a handful: the chat has them all. */
const LATEST = 5;

export function alertSources(deps: {
  alerts: AlertRepository;
  names: NameDirectory;
  telegramUserId: number;
  now: () => Date;
}): DashboardSources {
  return {
    async latestAlerts(director) {
      const shown = (await deps.alerts.latest(deps.telegramUserId, LATEST)).map((row) => ({
        row,
        alert: shownOf(row),
      }));
      const ids = [...new Set(shown.flatMap(({ alert }) => alert.facts.personId ?? []))];
      // Nothing to name, nothing to ask the portal: the dashboard's few requests stay few.
      const people = ids.length ? await deps.names.users(ids).catch(() => new Map()) : new Map();
      const context: AlertContext = {
        language: director.language,
        zone: director.timeZone,
        now: deps.now(),
        links: undefined,
        names: new Map([...people].map(([id, person]) => [id, String(person.name)])),
      };
      return shown.map(({ row, alert }) => ({
        at: guardPlainText(plainTextOf(whenInWords(new Date(row.createdAt).toISOString(), context)), director.language),
        text: plainTextOf(lineOf(alert, context)),
      }));
    },
  };
}

// What a director wants to hear about, with sensible defaults: every kind on, deals from half a million (a client
// with such a deal is watched: its deals sliding back or stalling are told), a lead waiting half an hour, quiet
// from 21:00 to 08:00 and at weekends, at most ten messages a day.
import { z } from 'zod';
import { ALERT_KINDS, type AlertKind } from '../vocabulary/alert-kinds.ts';

export const alertSettingsSchema = z.object({
  /** All alerts at once; each kind has its own switch too. */
  enabled: z.boolean(),
  off: z.array(z.enum(ALERT_KINDS)),
  /** A deal won or lost is told from this sum (roubles or the deal's currency). */
  wonFrom: z.number().min(0),
  lostFrom: z.number().min(0),
  /** A new lead nobody touched for this many working minutes. */
  leadMinutes: z.number().int().min(1),
  quietFrom: z.string().regex(/^\d{2}:\d{2}$/),
  quietTo: z.string().regex(/^\d{2}:\d{2}$/),
  quietWeekends: z.boolean(),
  dailyCap: z.number().int().min(1),
});

export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  enabled: true,
  off: [],
  wonFrom: 500_000,
  lostFrom: 500_000,
  leadMinutes: 30,
  quietFrom: '21:00',
  quietTo: '08:00',
  quietWeekends: true,
  dailyCap: 10,
};

/** Stored settings over the defaults: a field added later, or a broken row, falls back to its default. */
export function readAlertSettings(stored: string | undefined, defaults = DEFAULT_ALERT_SETTINGS): AlertSettings {
  if (!stored) return defaults;
  try {
    const parsed = alertSettingsSchema.partial().safeParse(JSON.parse(stored));
    return parsed.success ? { ...defaults, ...parsed.data } : defaults;
  } catch {
    return defaults;
  }
}

export const wants = (settings: AlertSettings, kind: AlertKind): boolean =>
  settings.enabled && !settings.off.includes(kind);

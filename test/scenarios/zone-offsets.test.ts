// The zone offsets luxon reads are kept per quarter of an hour: every date still lands at the same moment, across
// the changes to and from summer time, in zones whose offsets are not whole hours, and in a zone Intl does not know.
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { keepZoneOffsets, offsetFromIntl } from '../../src/scenarios/schedule/zone-offsets.ts';

const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu'];
const MORE = ['Australia/Lord_Howe', 'Pacific/Chatham', 'Africa/Monrovia', 'Europe/Dublin', 'Asia/Tehran'];

describe('zone offsets kept per quarter of an hour', () => {
  keepZoneOffsets();

  it('gives the offset Intl gives at every moment around the changes of 2026 and 1972', () => {
    const around = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-25', '2026-11-01', '1972-01-07'];
    for (const name of [...ZONES, ...MORE]) {
      const zone = IANAZone.create(name);
      for (const day of around) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        // Every 19 minutes 13 seconds over three days: both sides of each change, and odd moments inside quarters.
        for (let ts = start; ts < start + 3 * 86_400_000; ts += 1_153_000)
          expect(zone.offset(ts), `${name} ${new Date(ts).toISOString()}`).toBe(offsetFromIntl(zone, ts));
      }
    }
  });

  it('lands the director’s dates at the same moments', () => {
    const moscow = DateTime.fromISO('2026-12-07T09:30:00', { zone: 'Europe/Moscow' });
    expect(moscow.toISO()).toBe('2026-12-07T09:30:00.000+03:00');
    const berlin = DateTime.fromISO('2026-03-29T02:30:00', { zone: 'Europe/Berlin' });
    expect(berlin.toISO()).toBe('2026-03-29T03:30:00.000+02:00');
    expect(DateTime.fromMillis(0, { zone: 'No/Such_Zone' }).isValid).toBe(false);
    expect(Number.isNaN(IANAZone.create('No/Such_Zone').offset(0))).toBe(true);
  });
});

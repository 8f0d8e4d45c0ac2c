// Luxon asks Intl for a zone's offset at every date it makes or moves (formatToParts, the costliest single call of a
// reply: some thirty a reply, nearly all for the same two or three quarters of an hour). The offsets are kept per
// zone and quarter of an hour. Every change of offset in use today falls on a quarter of an hour; a quarter whose
// first and last moments disagree all the same is never kept, and its offsets are asked for each time.
import { IANAZone } from 'luxon';

const QUARTER_MS = 15 * 60 * 1000;
/** Quarters kept per zone before the zone's are forgotten: about a month of dates in lists. */
const KEPT_PER_ZONE = 3_000;

const intlOffset = IANAZone.prototype.offset;

/** The zone's offset (minutes) at an instant, as luxon reads it from Intl. */
export const offsetFromIntl = (zone: IANAZone, ts: number): number => intlOffset.call(zone, ts);

let kept = false;

/** From now on luxon finds a zone's offset in a quarter of an hour it has already read. Once per process. */
export function keepZoneOffsets(): void {
  if (kept) return;
  kept = true;
  const quarters = new Map<string, Map<number, number>>();
  IANAZone.prototype.offset = function offset(this: IANAZone, ts: number): number {
    if (!Number.isFinite(ts)) return offsetFromIntl(this, ts);
    const zone = quarters.get(this.name) ?? new Map<number, number>();
    quarters.set(this.name, zone);
    const quarter = Math.floor(ts / QUARTER_MS);
    const known = zone.get(quarter);
    if (known !== undefined) return known;
    const first = offsetFromIntl(this, quarter * QUARTER_MS);
    // NaN (a zone Intl does not know) differs from itself: never kept.
    if (first !== offsetFromIntl(this, (quarter + 1) * QUARTER_MS - 1)) return offsetFromIntl(this, ts);
    if (zone.size >= KEPT_PER_ZONE) zone.clear();
    zone.set(quarter, first);
    return first;
  };
}

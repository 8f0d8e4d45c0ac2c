// What one message's reading keeps and shares: its texts made messages, its light texts, and the director's zone
// with its offsets; each gives what it gave before it was kept.
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { lightText, messageOf, startReading } from '../../src/understanding/router/text.ts';
import { localDay, zonedToday, zoneOf } from '../../src/understanding/router/zone.ts';

describe('a light text', () => {
  it('is lowered letter by letter: «İ» stays, a last «Σ» is «σ»', () => {
    expect(lightText('İSTANBUL')).toBe('İstanbul');
    expect(lightText('ΟΔΟΣ')).toBe('οδοσ');
    expect(lightText('Ёлки  Палки')).toBe('елки  палки');
  });
});

describe('a message', () => {
  it('is made once while it is read, and made again for the next one', () => {
    startReading();
    const first = messageOf('покажи сделки');
    expect(messageOf('покажи сделки')).toBe(first);
    startReading();
    expect(messageOf('покажи сделки')).not.toBe(first);
    expect(messageOf('покажи сделки')).toEqual(first);
  });
});

describe('the director’s zone', () => {
  it('is read as luxon reads it: a named zone, UTC, an offset, or one that does not exist', () => {
    expect(zoneOf('Europe/Moscow').type).toBe('iana');
    expect(zoneOf('Europe/Moscow').equals(IANAZone.create('Europe/Moscow'))).toBe(true);
    expect(zoneOf('UTC').type).toBe('fixed');
    expect(zoneOf('UTC+3').offset(0)).toBe(180);
    expect(zoneOf('Nowhere/Land').isValid).toBe(false);
  });

  it('gives the days luxon gives across a change of clocks', () => {
    // New York moves its clocks on 8 March 2026 at 02:00.
    const now = new Date('2026-03-08T06:59:00Z');
    const today = zonedToday(now, 'America/New_York');
    const plain = DateTime.fromJSDate(now, { zone: 'America/New_York' }).startOf('day');
    expect(today.toISO()).toBe(plain.toISO());
    expect(today.plus({ days: 1 }).toISO()).toBe(plain.plus({ days: 1 }).toISO());
    expect(localDay('2026-03-08', 'America/New_York').toISO()).toBe(
      DateTime.fromISO('2026-03-08', { zone: 'America/New_York' }).toISO(),
    );
  });
});

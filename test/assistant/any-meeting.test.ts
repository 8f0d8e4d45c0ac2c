// Any meeting (issue 13): meeting prep and the meeting writes find a meeting on any day from a week back to
// two weeks ahead, by name in any case, by time, or as «следующая встреча». Expected values are read from
// the demo portal's own calendar.
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { decodeAction, encodeAction } from '../../src/telegram/callback-data.ts';
import { harnessForFile, plainReplies, WEDNESDAY_MORNING } from './harness.ts';

const ZONE = 'Europe/Moscow';
const h = await harnessForFile();
beforeEach(() => {
  h.clock.now = new Date(WEDNESDAY_MORNING);
});

const ask = async (text: string) => plainReplies(h.record(await h.assistant().handleText(h.newChat(), text)));

const eventNamed = (part: string) => {
  const event = h.portal.data.events.find((one) => String(one.NAME).includes(part));
  if (!event) throw new Error(`no event ${part}`);
  return event;
};
const startOf = (event: Record<string, unknown>) =>
  DateTime.fromSeconds(Number(event.DATE_FROM_TS_UTC), { zone: ZONE });

describe('meeting prep finds a meeting on any day', () => {
  it('«подготовь к встрече с банком» in the evening finds the bank meeting days ahead', async () => {
    h.clock.now = new Date('2026-11-25T17:30:00Z'); // 20:30 in Moscow
    const bank = eventNamed('банком');
    expect(startOf(bank).toISODate()).not.toBe('2026-11-25');
    const text = await ask('подготовь к встрече с банком');
    expect(text).toContain(String(bank.NAME));
    expect(text).toContain(startOf(bank).toFormat('HH:mm'));
  });

  it('«подготовь к встрече в 14:00» and «prepare for the 14:00 meeting» find tomorrow’s 14:00 meeting', async () => {
    const today = DateTime.fromJSDate(WEDNESDAY_MORNING, { zone: ZONE }).toISODate();
    const at14 = h.portal.data.events.filter((event) => startOf(event).toFormat('HH:mm') === '14:00');
    const next = at14
      .filter((event) => startOf(event).toISODate()! >= today!)
      .sort((a, b) => startOf(a).toMillis() - startOf(b).toMillis())[0]!;
    expect(startOf(next).toISODate()).not.toBe(today);
    expect(await ask('подготовь к встрече в 14:00')).toContain(String(next.NAME));
    expect(await ask('prepare for the 14:00 meeting')).toContain(String(next.NAME));
  });

  it('«подготовь к встрече с Уральскими Машинами» finds the name in another case', async () => {
    expect(await ask('подготовь к встрече с Уральскими Машинами')).toContain(
      String(eventNamed('Уральские Машины').NAME),
    );
  });

  it('«следующая встреча» is the next meeting that has not ended', async () => {
    const now = WEDNESDAY_MORNING.getTime() / 1000;
    const next = h.portal.data.events
      .filter(
        (event) => String(event.OWNER_ID) === '1' && event.DT_SKIP_TIME === 'N' && Number(event.DATE_TO_TS_UTC) > now,
      )
      .sort((a, b) => Number(a.DATE_FROM_TS_UTC) - Number(b.DATE_FROM_TS_UTC))[0]!;
    const text = await ask('следующая встреча');
    expect(text).toContain('Подготовка к встрече');
    expect(text).toContain(String(next.NAME));
  });
});

describe('moving a meeting without a time keeps its own time', () => {
  it('«перенеси встречу с Ромашкой на пятницу» moves it to Friday at the same hours, after the yes', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    const meeting = eventNamed('Ромашка');
    const was = startOf(meeting);
    const length = Number(meeting.DATE_TO_TS_UTC) - Number(meeting.DATE_FROM_TS_UTC);
    const [question] = h.record(await assistant.handleText(who, 'перенеси встречу с Ромашкой на пятницу'));
    const text = plainTextOf(question!.html);
    expect(text).toMatch(/пятницу, 27 ноября/);
    expect(text).toContain(`${was.toFormat('HH:mm')}–${was.plus({ seconds: length }).toFormat('HH:mm')}`);
    expect(startOf(meeting).toMillis()).toBe(was.toMillis());
    const yes = question!.buttons!.flat().find((button) => button.action.kind === 'confirm')!;
    h.recordOutcome(await assistant.handleButton(who, encodeAction(yes.action), 1));
    const moved = startOf(eventNamed('Ромашка'));
    expect(moved.toISODate()).toBe('2026-11-27');
    expect(moved.toFormat('HH:mm')).toBe(was.toFormat('HH:mm'));
  });

  it('«перенеси встречу в 14:00 на 16:00» moves tomorrow’s 14:00 meeting within its own day', async () => {
    const [question] = h.record(await h.assistant().handleText(h.newChat(), 'перенеси встречу в 14:00 на 16:00'));
    const text = plainTextOf(question!.html);
    expect(text).toContain(String(eventNamed('Уральские Машины').NAME));
    expect(text).toMatch(/четверг, 26 ноября, 16:00/);
    expect(decodeAction(encodeAction(question!.buttons![0]![0]!.action))?.kind).toBe('confirm');
  });
});

// Meetings named by their own title words and moves said relative to their time, from the director's side: each
// of the director's meetings in the next two weeks is asked about by its title («… когда?», «во сколько …»), and
// those named by a kind («совещание», «звонок») are moved «на полчаса», «на час позже», «на 15 минут раньше» —
// always as a question with Да/Нет, the new time computed from the meeting's own.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { eventsOf, plain } from '../scenarios/demo.ts';
import { type Harness, harnessForFile, WEDNESDAY_MORNING } from './harness.ts';

const h = await harnessForFile();
let assistant: ReturnType<Harness['assistant']>;
const ask = async (text: string) => {
  assistant ??= h.assistant();
  return h.record(await assistant.handleText(h.newChat(), text));
};
const textOf = (replies: Reply[]) => plain(replies.map((reply) => plainTextOf(reply.html)).join('\n'));

const ZONE = 'Europe/Moscow';
const startOf = (event: Record<string, unknown>) =>
  DateTime.fromFormat(String(event.DATE_FROM), 'dd.MM.yyyy HH:mm:ss', { zone: ZONE });
/** The director's timed meetings from now to two weeks on, each with a title no other one shares. */
const upcoming = () => {
  const now = DateTime.fromJSDate(WEDNESDAY_MORNING, { zone: ZONE });
  const events = eventsOf(h.portal).filter((event) => event.DT_SKIP_TIME !== 'Y');
  return events.filter((event) => {
    const start = startOf(event);
    const twins = events.filter((other) => other.NAME === event.NAME).length;
    return start > now && start < now.plus({ days: 13 }) && twins === 1;
  });
};

describe('a meeting asked about by its title', () => {
  const WORDINGS = [
    (title: string) => `${title} когда?`,
    (title: string) => `когда ${title}`,
    (title: string) => `во сколько ${title}?`,
    (title: string) => `когда у меня ${title}`,
  ];

  it('shows that meeting’s card with its day and time, for every wording', async () => {
    const meetings = upcoming();
    expect(meetings.length).toBeGreaterThan(3);
    const wrong: string[] = [];
    for (const [at, meeting] of meetings.entries()) {
      const title = String(meeting.NAME).toLocaleLowerCase('ru');
      const said = WORDINGS[at % WORDINGS.length]!(title);
      const text = textOf(await ask(said));
      if (!text.includes(String(meeting.NAME)) || !text.includes(startOf(meeting).toFormat('HH:mm'))) wrong.push(said);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a move said relative to the meeting’s own time', () => {
  const SHIFTS: [string, number][] = [
    ['на полчаса', 30],
    ['на час позже', 60],
    ['на полчаса раньше', -30],
    ['на 15 минут раньше', -15],
    ['на 2 часа позже', 120],
    ['на полтора часа позже', 90],
  ];

  it('is proposed with Да/Нет, at the meeting’s time moved by so much, and nothing moves before the tap', async () => {
    const named = upcoming().filter((event) => /^(?:Совещание|Звонок|Созвон)\s/u.test(String(event.NAME)));
    expect(named.length).toBeGreaterThan(0);
    const before = JSON.stringify(h.portal.data.events);
    for (const meeting of named)
      for (const [shift, minutes] of SHIFTS) {
        const said = `сдвинь ${String(meeting.NAME).toLocaleLowerCase('ru')} ${shift}`;
        const [question] = await ask(said);
        const moved = startOf(meeting).plus({ minutes }).toFormat('HH:mm');
        expect(plainTextOf(question!.html), said).toMatch(
          new RegExp(`^Перенести встречу «${meeting.NAME}» на .*${moved}–`, 'u'),
        );
        expect(question!.buttons?.flat().map((button) => button.text)).toEqual(['Да', 'Нет']);
      }
    expect(JSON.stringify(h.portal.data.events)).toBe(before);
  });

  it('«на час» alone may be one o’clock: asked, never guessed as a shift', async () => {
    const text = textOf(await ask('перенеси встречу на час'));
    expect(text).not.toMatch(/^Перенести встречу «.*» на .*\?$/u);
  });
});

// The generated follow-up pack (generated-follow-ups.ts): after a list, every way of opening one of its items is
// understood as that item, without a model — and, on the demo portal, opens the item the list showed at that place.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { understand } from '../../src/understanding/router/index.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile } from '../assistant/harness.ts';
import { followUpPack, LISTS } from './generated-follow-ups.ts';
import { PACK_NOW, PACK_ZONE } from './phrases.ts';

const pack = followUpPack();
const h = await harnessForFile();
const text = (replies: Reply[]) => replies.map((reply) => plainTextOf(reply.html)).join('\n');
/** The titles a list shows, in its order. */
const titles = (said: string) =>
  said
    .split('\n')
    .filter((line) => line.startsWith('• '))
    .map(
      (line) =>
        line
          .slice(2)
          // A mark, and a lead's time of arrival («вчера 20:35»), come before the title.
          .replace(/^(?:(?:⚠️|💤)\s*)?(?:(?:вчера|\d{1,2}\s+\p{L}+)\s+)?(?:\d{1,2}:\d{2}\s+)?/u, '')
          .split(' — ')[0]!,
    );

describe('the generated follow-up pack', () => {
  it('«открой вторую» after «сделки» opens the second line shown: the stuck deals come first', async () => {
    const who = h.newChat();
    const assistant = h.assistant();
    const shown = titles(text(await assistant.handleText(who, 'сделки')));
    expect(text(await assistant.handleText(who, 'открой вторую')).split('\n')[0]).toContain(shown[1]);
  });

  it('holds several hundred distinct follow-ups', () => {
    expect(new Set(pack.map((one) => `${one.question}|${one.text}`)).size).toBeGreaterThanOrEqual(400);
  });

  it('opens the item at the place said, every one of them', () => {
    const previous = { kind: 'view', request: { scenario: 'deals' } } as const;
    const missed = pack.filter(
      ({ text: said, index }) =>
        JSON.stringify(understand(said, { now: PACK_NOW, timeZone: PACK_ZONE, previous }).intent) !==
        JSON.stringify({ kind: 'nth', index }),
    );
    expect(missed.map((one) => one.text)).toEqual([]);
  });

  // Two of each list's follow-ups, at other places and in other words each time.
  const samples = LISTS.flatMap(({ question }, at) =>
    [1 + (at % 2), 3 + (at % 2)].map((index, second) => {
      const said = pack.filter((one) => one.question === question && one.index === index);
      return [question, said[(at * 23 + second * 37) % said.length]!] as const;
    }),
  );

  it.each(samples)('after «%s», a follow-up opens the item the list showed there', async (question, followUp) => {
    const who = h.newChat();
    const assistant = h.assistant();
    const shown = titles(text(await assistant.handleText(who, question)));
    expect(shown.length).toBeGreaterThan(followUp.index);
    const opened = text(await assistant.handleText(who, followUp.text));
    expect(opened.split('\n')[0]).toContain(shown[followUp.index]);
  });
});

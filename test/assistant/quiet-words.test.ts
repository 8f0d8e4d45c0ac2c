// When not to be disturbed, said in words, from the director's side: quiet hours and weekends for alerts, in
// every way of saying «don't», each answered with what was set and the settings card, which never shows a span
// of no length («00:00–00:00») for no quiet hours.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { type Harness, harnessForFile } from './harness.ts';

const h = await harnessForFile();
let assistant: ReturnType<Harness['assistant']>;
const chat = () => {
  assistant ??= h.assistant();
  const who = h.newChat();
  return async (text: string) =>
    h
      .record(await assistant.handleText(who, text))
      .map((reply: Reply) => plainTextOf(reply.html))
      .join('\n');
};

const DONT = ['не пиши', 'не присылай', 'не беспокой меня', 'не тревожь', 'не присылай ничего', 'не надо писать'];
const SPANS: [string, string][] = [
  ['с 22 до 8', '22:00–08:00'],
  ['с 23:00 до 07:00', '23:00–07:00'],
  ['с 21.30 до 7', '21:30–07:00'],
  ['после 20', '20:00–08:00'],
];

describe('quiet hours in words', () => {
  it('«не пиши с 22 до 8» and its variations set exactly that span', async () => {
    const wrong: string[] = [];
    for (const [at, dont] of DONT.entries())
      for (const [span, shown] of SPANS) {
        const say = chat();
        const phrase = at % 2 ? `${span} ${dont}` : `${dont} ${span}`;
        if (!(await say(phrase)).includes(`Тихие часы ${shown}`)) wrong.push(phrase);
      }
    expect(wrong).toEqual([]);
  });

  it('«тихие часы с 22 до 8» sets them; «выключи тихие часы» takes them away, said plainly', async () => {
    const say = chat();
    expect(await say('тихие часы с 22 до 8')).toMatch(/^Тихие часы 22:00–08:00/u);
    const off = await say('выключи тихие часы');
    expect(off).toMatch(/^Тихих часов больше нет/u);
    expect(off).not.toMatch(/00:00–00:00/u);
  });

  it('«ночью» keeps quiet hours already set, or sets the night', async () => {
    for (const dont of DONT) {
      const say = chat();
      const text = await say(`${dont} ночью`);
      expect(text, dont).toMatch(/Тихие часы \d\d:00–0[6-9]:00/u);
    }
  });

  it('weekends: «по выходным не присылай» and «пиши и в выходные»', async () => {
    const say = chat();
    await say('выключи тихие часы');
    for (const dont of DONT) {
      expect(await say(`${dont} по выходным`), dont).toMatch(/^В выходные не пишу.*только по будням/u);
      expect(await say('пиши и в выходные')).toMatch(/^Буду присылать оповещения и в выходные/u);
    }
    expect(await say('оповещения')).toMatch(/Тихих часов нет\./u);
  });

  it('English words set the same', async () => {
    const say = chat();
    expect(await say('quiet hours from 22 to 7')).toMatch(/^Quiet hours 22:00–07:00/u);
    expect(await say('no alerts at weekends')).toMatch(/^Nothing at weekends/u);
  });

  it('other alert words stay what they were', async () => {
    const say = chat();
    expect(await say('не присылай про лиды')).toMatch(/^Больше не присылаю: /u);
  });
});

// Pictures and spreadsheets through the real bot: `npm start`, the fake Bot API (sendPhoto, sendDocument) and
// the demo portal. What is checked is what the director's phone would get: a real PNG, a real .xlsx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../views/png.ts';
import { DIRECTOR, type Stand, startStand } from './harness.ts';

describe('charts and spreadsheets in Telegram', () => {
  let stand: Stand;

  beforeAll(async () => {
    stand = await startStand();
    await stand.startAssistant();
  }, 60_000);
  afterAll(async () => {
    await stand?.close();
  });

  it('sends the pipeline as a picture on «покажи воронку графиком», captioned with its headline and hint', async () => {
    const [photo] = await stand.say(DIRECTOR, 'покажи воронку графиком');
    expect(photo?.file?.kind).toBe('photo');
    expect(photo?.file?.fileName).toMatch(/^Воронка \d{4}-\d{2}-\d{2}\.png$/);
    const { width, height } = decodePng(photo!.file!.data);
    expect(width).toBeGreaterThanOrEqual(1000);
    expect(height).toBeGreaterThan(300);
    const lines = photo!.plain.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^📊 Воронка/);
    expect(lines[1]).toMatch(/^💡/);
  });

  it('puts a «📈 График» button under the pipeline that sends the picture', async () => {
    const [pipeline] = await stand.say(DIRECTOR, 'воронка');
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.tapButton(DIRECTOR, pipeline!, stand.telegram.buttonData(pipeline!, 'График'));
    const photo = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 30_000);
    expect(photo.file?.kind).toBe('photo');
    expect(decodePng(photo.file!.data).width).toBeGreaterThanOrEqual(1000);
  });

  it('draws the week, the team and the leads as pictures too', async () => {
    for (const [phrase, name] of [
      ['итоги недели графиком', 'Выручка'],
      ['команда графиком', 'Лидеры продаж'],
      ['новые лиды диаграммой', 'Источники лидов'],
    ]) {
      const [photo] = await stand.say(DIRECTOR, phrase!);
      expect(photo?.file?.fileName, phrase).toContain(name);
      expect(decodePng(photo!.file!.data).width).toBeGreaterThanOrEqual(1000);
    }
  });
});

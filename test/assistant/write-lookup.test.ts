// Finding the record a write is about, by the name the director (or the model) gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeWrite } from '../../src/scenarios/write-execution.ts';
import { plainTextOf } from '../../src/views/plain-text.ts';
import { type Harness, startHarness } from './harness.ts';

describe('a write names its record', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds an open deal by its full title, even when its longest word is in many titles', async () => {
    const common = (title: string) =>
      h.portal.data.deals.filter((deal) => String(deal.TITLE).toLowerCase().includes('оборудования')).length > 20 &&
      String(title).includes('оборудования');
    const deal = h.portal.data.deals.find(
      (candidate) => candidate.STAGE_SEMANTIC_ID === 'P' && common(String(candidate.TITLE)),
    );
    expect(deal).toBeDefined();
    const replies = await h.assistant().handleText({ telegramUserId: 1, chatId: 1 }, `удали сделку ${deal?.TITLE}`);
    const [question] = replies;
    expect(plainTextOf(question?.html ?? '')).toMatch(/Удалить сделку/);
    expect(question?.buttons?.flat()).toHaveLength(2);
  });

  it('finds a meeting early in the morning of a director far east of the portal, by its time', async () => {
    const far = h.portal.data.users.find((user) => user.TIME_ZONE === 'Asia/Vladivostok');
    const portalUserId = Number(far?.ID);
    // 05:30 in Vladivostok is still the evening before in Moscow, the portal's own zone.
    const title = 'Ранний созвон с Владивостоком';
    const director = { portalUserId, timeZone: 'Asia/Vladivostok', language: 'ru' } as const;
    await executeWrite(h.client, director, {
      type: 'createMeeting',
      title,
      from: '2026-11-25T05:30:00+10:00',
      to: '2026-11-25T06:00:00+10:00',
    });
    const assistant = h.assistant({ identity: new Map([[7, portalUserId]]) });
    const [question] = await assistant.handleText({ telegramUserId: 7, chatId: 7 }, 'отмени встречу в 05:30');
    expect(plainTextOf(question?.html ?? '')).toContain(`Удалить встречу «${title}»`);
  });
});

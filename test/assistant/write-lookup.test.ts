// Finding the record a write is about, by the name the director (or the model) gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});

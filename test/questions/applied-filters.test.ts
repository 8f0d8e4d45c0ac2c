// A header names only the filters that were applied: a surname that begins like a status word («Новиков»,
// «Новикова») is a name, not «новые»; «новые сделки» are the deals at their pipeline's first stage; the
// companies of a contact are that contact's own company, never every company under her name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';
import { type Harness, plainReplies, startHarness } from '../assistant/harness.ts';

const now = new Date('2026-12-07T01:30:00Z');
const queryOf = (text: string) => {
  const { intent } = understand(text, { now, timeZone: 'Europe/Moscow' });
  return intent.kind === 'view' && intent.request.scenario === 'query' ? intent.request.query : undefined;
};

const SURNAMES = ['Новиков', 'Новикова', 'Новиковой', 'Новикову', 'Новосельцева', 'Новак', 'новикова'];
const SUBJECTS = ['сделки', 'задачи', 'лиды', 'сколько сделок у', 'выигранные сделки', 'просроченные задачи'];

describe('a surname is a name before it is a status', () => {
  const asked = SUBJECTS.flatMap((subject) => SURNAMES.map((name) => `${subject} ${name}`));
  it.each(asked)('«%s» asks about the person, not about new records', (text) => {
    const query = queryOf(text);
    expect(query?.status).not.toBe('new');
    expect(String(query?.person).toLowerCase()).toMatch(/^нов/u);
  });

  it.each(['новые сделки', 'новых задач', 'сделки Морозовой новые', 'новые лиды Попова'])(
    '«%s» still asks for the new ones',
    (text) => {
      expect(queryOf(text)?.status).toBe('new');
    },
  );
});

describe('what the director sees', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  let user = 9700;
  const ask = async (text: string) => {
    user += 1;
    return plainReplies(await h.assistant().handleText({ telegramUserId: user, chatId: user }, text));
  };
  const firstStages = () => {
    const first = new Map<string, { id: string; sort: number }>();
    for (const stage of h.portal.data.statuses.filter((one) => /^DEAL_STAGE/u.test(String(one.ENTITY_ID)))) {
      const semantics = (stage.EXTRA as { SEMANTICS?: string } | undefined)?.SEMANTICS ?? stage.SEMANTICS;
      if (semantics && semantics !== 'process') continue;
      const known = first.get(String(stage.ENTITY_ID));
      if (!known || Number(stage.SORT) < known.sort)
        first.set(String(stage.ENTITY_ID), { id: String(stage.STATUS_ID), sort: Number(stage.SORT) });
    }
    return new Set([...first.values()].map((stage) => stage.id));
  };

  it('«новые сделки» counts only the deals at a first stage', async () => {
    const stages = firstStages();
    const fresh = h.portal.data.deals.filter((deal) => stages.has(String(deal.STAGE_ID)));
    const open = h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.length).toBeLessThan(open.length);
    expect(await ask('новые сделки')).toMatch(new RegExp(`^💼 Новые сделки: ${fresh.length} на `, 'u'));
  });

  it('«сделки Новикова» never shows «Новые сделки»', async () => {
    expect(await ask('сделки Новикова')).not.toMatch(/Новые сделки/u);
  });

  it('«компании Дарьи Петровой» is the one company she works at', async () => {
    const contact = h.portal.data.contacts.find((one) => one.NAME === 'Дарья' && one.LAST_NAME === 'Петрова')!;
    const company = h.portal.data.companies.find((one) => one.ID === contact.COMPANY_ID)!;
    const text = await ask('компании Дарьи Петровой');
    expect(text).toMatch(/^🏢 Компании по клиенту «Дарья Петрова»: 1\n/u);
    expect(text).toContain(String(company.TITLE));
  });
});

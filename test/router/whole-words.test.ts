// A keyword is a whole word in any of its forms: «Лидер» is a client or a person, not «лиды».
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/router/index.ts';

const context = { now: new Date('2026-11-25T09:00:00Z'), timeZone: 'Europe/Moscow' };
const scenarioOf = (text: string) => {
  const { intent } = understand(text, context);
  return intent.kind === 'view' ? intent.request.scenario : intent.kind;
};

describe('keywords are whole words', () => {
  it.each(['сделки Лидера', 'сделки Лидер'])('«%s» asks about deals, not about new leads', (text) => {
    expect(scenarioOf(text)).toBe('query');
  });

  it.each(['лиды', 'новые лиды', 'лидам', 'покажи лидов'])('«%s» still shows the new leads', (text) => {
    expect(scenarioOf(text)).toBe('newLeads');
  });
});

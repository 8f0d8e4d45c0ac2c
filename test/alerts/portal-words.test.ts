// An alert tells the portal's words as the director's own data: a deal titled with words the guard would rewrite in
// our sentences («REST API webhook token») reaches Telegram as it is, and markup in it stays text.
import { describe, expect, it } from 'vitest';
import { renderAlerts } from '../../src/alerts/alerts-view.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { presentReplies } from '../../src/present/present.ts';

const context = {
  language: 'ru' as const,
  zone: 'Europe/Moscow',
  now: new Date('2026-11-25T09:00:00Z'),
  links: undefined,
  names: new Map([[3, 'Иван Webhook']]),
};

describe('an alert about a record with technical words in its title', () => {
  it('keeps the title, the reason and the name as the portal has them', () => {
    const alert = renderAlerts(
      [
        {
          kind: 'dealLost',
          object: 'deal:7',
          facts: {
            type: 'deal',
            id: 7,
            title: 'REST API webhook token <b>JSON</b>',
            personId: 3,
            amount: 900_000,
            currency: 'RUB',
            reason: 'метод crm.deal.list',
          },
        },
      ],
      context,
    );
    const [shown] = presentReplies([alert], 'ru');
    const text = plainTextOf(shown!.html);
    expect(text).toContain('«REST API webhook token <b>JSON</b>»');
    expect(text).toContain('Причина: метод crm.deal.list');
    expect(text).toContain('Иван Webhook');
    expect(shown!.html).not.toContain('<b>JSON</b>');
  });
});

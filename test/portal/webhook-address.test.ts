import { describe, expect, it } from 'vitest';
import { maskedAddress, parseWebhookAddress, WebhookAddressError } from '../../src/portal/webhook-address.ts';

describe('the webhook address', () => {
  it('splits a portal address into host, user and secret', () => {
    expect(parseWebhookAddress('https://romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/')).toEqual({
      origin: 'https://romashka.bitrix24.ru',
      userId: 1,
      secret: 'a1b2c3d4e5f6g7h8',
      base: 'https://romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/',
    });
    expect(parseWebhookAddress(' https://romashka.bitrix24.ru/rest/15/a1b2c3d4e5f6g7h8 ').userId).toBe(15);
    expect(parseWebhookAddress('http://127.0.0.1:8124/rest/1/demo/').origin).toBe('http://127.0.0.1:8124');
    expect(maskedAddress(parseWebhookAddress('https://romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/'))).toBe(
      'https://romashka.bitrix24.ru/rest/1/***/',
    );
  });

  it('refuses plain http to another machine and anything that is not a REST address, never repeating the secret', () => {
    const bad = [
      'http://romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/',
      'https://romashka.bitrix24.ru/rest/a1b2c3d4e5f6g7h8/',
      'https://romashka.bitrix24.ru/crm/deal/a1b2c3d4e5f6g7h8/',
      'https://romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/crm.deal.list?x=a1b2c3d4e5f6g7h8',
      'romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/',
      'ftp://romashka.bitrix24.ru/rest/1/a1b2c3d4e5f6g7h8/',
    ];
    for (const url of bad) {
      let error: unknown;
      try {
        parseWebhookAddress(url);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(WebhookAddressError);
      expect((error as Error).message).not.toContain('a1b2c3d4e5f6g7h8');
    }
  });
});

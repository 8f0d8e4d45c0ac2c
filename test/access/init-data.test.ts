import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkInitData, signInitData } from '../../src/access/init-data.ts';

const TOKEN = '123456:TEST-token';
const now = new Date('2026-12-07T09:00:00Z');
const user = { id: 4242, firstName: 'Алексей', username: 'alexey', languageCode: 'ru' };

describe('Telegram signed init data', () => {
  it('accepts what Telegram signed, and reads the user', () => {
    const raw = signInitData(TOKEN, { user, authDate: new Date(now.getTime() - 60_000), startParam: 'c_x' });
    const check = checkInitData(raw, TOKEN, now);
    expect(check).toEqual({
      ok: true,
      data: { user, authDate: new Date(now.getTime() - 60_000), startParam: 'c_x' },
    });
  });

  it('computes the hash independently, as the published scheme says', () => {
    const raw = signInitData(TOKEN, { user: { id: 7 }, authDate: now, queryId: 'AAH' });
    const params = new URLSearchParams(raw);
    const check = [...params.entries()]
      .filter(([k]) => k !== 'hash')
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('\n');
    const secret = createHmac('sha256', 'WebAppData').update(TOKEN).digest();
    expect(params.get('hash')).toBe(createHmac('sha256', secret).update(check).digest('hex'));
  });

  it('refuses another bot, a changed user, a stale date and nothing at all', () => {
    const raw = signInitData(TOKEN, { user, authDate: now });
    expect(checkInitData(raw, 'other:token', now)).toEqual({ ok: false, reason: 'forged' });
    const tampered = raw.replace(encodeURIComponent('"id":4242'), encodeURIComponent('"id":4243'));
    expect(tampered).not.toBe(raw);
    expect(checkInitData(tampered, TOKEN, now)).toEqual({ ok: false, reason: 'forged' });
    expect(checkInitData(raw, TOKEN, new Date(now.getTime() + 2 * 3600_000))).toEqual({ ok: false, reason: 'stale' });
    expect(checkInitData('', TOKEN, now)).toEqual({ ok: false, reason: 'missing' });
    expect(checkInitData('user=%7B%7D', TOKEN, now)).toEqual({ ok: false, reason: 'missing' });
  });
});

// The product's one logger: whatever reaches it, a webhook's secret or a configured key never reaches the log.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';

const webhook = 'https://vector.bitrix24.ru/rest/1/k3y0f7he9w3bh00k/';
const botToken = '123456:AAF-botTokenValue';

function capture(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets: [botToken], write: (line) => lines.push(line) });
  return { logger, lines };
}

describe('the logger', () => {
  it('masks a webhook secret and every configured secret, in the message, in fields and in errors', () => {
    const { logger, lines } = capture();
    logger.error(`could not reach ${webhook}crm.deal.list`, {
      url: `${webhook}user.current`,
      error: new Error(`Telegram refused bot${botToken}: 401, portal ${webhook}`),
    });
    logger.child({ portal: webhook }).warn('retrying', { token: botToken });
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain('k3y0f7he9w3bh00k');
      expect(line).not.toContain(botToken);
    }
    const record = JSON.parse(lines[0]!) as { level: string; message: string; error: { message: string } };
    expect(record.level).toBe('error');
    expect(record.message).toBe('could not reach https://vector.bitrix24.ru/rest/1/***/crm.deal.list');
    expect(record.error.message).toContain('bot***');
    expect(JSON.parse(lines[1]!)).toMatchObject({ portal: 'https://vector.bitrix24.ru/rest/1/***/', token: '***' });
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('portal reply', { method: 'crm.deal.list' });
    logger.info('started');
    logger.warn('slow');
    expect(lines.map((line) => (JSON.parse(line) as { message: string }).message)).toEqual(['slow']);
  });
});

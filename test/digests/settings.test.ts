import { describe, expect, it } from 'vitest';
import { suggestBriefingButton } from '../../src/digests/digest-settings-view.ts';
import { DIGEST_NAMES } from '../../src/digests/schedule.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Reply } from '../../src/views/reply.ts';
import { technical, telegramHtmlProblems } from '../views/html-check.ts';
import { digestHarness, MOSCOW } from './harness.ts';

const harness = digestHarness();

const buttonTexts = (reply: Reply) => (reply.buttons ?? []).map((row) => row.map((button) => button.text));

describe('when the director opens the digest settings', () => {
  it('then all six digests are listed, all off, each with its switch', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    const reply = await h.settings.settingsReply(MOSCOW.telegramUserId, 'ru');

    expect(reply.html).toContain('<b>Рассылки</b>');
    for (const line of [
      '🔕 План дня, 08:30 — выкл.',
      '🔕 Утренний брифинг, 09:00 — выкл.',
      '🔕 Тревога по просрочкам, 10:00 — выкл.',
      '🔕 Новые лиды, 12:00 — выкл.',
      '🔕 Итоги дня, 18:00 — выкл.',
      '🔕 Итоги недели, пятница 17:00 — выкл.',
    ]) {
      expect(reply.html).toContain(line);
    }
    expect(buttonTexts(reply)).toHaveLength(6);
    expect(reply.buttons?.map((row) => row[0]?.action)).toEqual(
      DIGEST_NAMES.map((digest) => ({ kind: 'digestToggle', digest })),
    );
  });

  it('then switching one on shows its times, the current one marked, in the same message', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    const reply = await h.settings.toggle(MOSCOW.telegramUserId, 'morningBriefing');

    expect(reply.html).toContain('🔔 <b>Утренний брифинг</b>, 09:00 — план дня, сделки в работе, вчерашние лиды');
    expect(buttonTexts(reply).slice(1, 3)).toEqual([
      ['🔔 Утренний брифинг: вкл.'],
      ['08:00', '08:30', '• 09:00', '09:30'],
    ]);
  });

  it('then a typed time is accepted and an unreadable one is explained without changing anything', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    expect((await h.settings.setTime(MOSCOW.telegramUserId, 'dayPlan', '7:45')).html).toContain(
      '🔔 <b>План дня</b>, 07:45',
    );
    const refused = await h.settings.setTime(MOSCOW.telegramUserId, 'dayPlan', '25:00');
    expect(refused.html.split('\n')[0]).toBe('Не понял время, напишите его так: 08:15.');
    expect(refused.html).toContain('План дня</b>, 07:45');
  });

  it('then an English-speaking director reads it in English', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [{ ...MOSCOW, language: 'en' }]);
    const reply = await h.settings.toggle(MOSCOW.telegramUserId, 'weeklyReport');
    expect(reply.html).toContain('🔔 <b>Weekly report</b>, Friday 17:00');
    expect(reply.html).toContain('🔕 Day plan, 08:30 — off');
  });

  it('then the message and its buttons are clean Telegram HTML with no technical word, in both languages', async () => {
    for (const language of ['ru', 'en'] as const) {
      const h = await harness('2026-11-25T05:00:00Z', [{ ...MOSCOW, language }]);
      for (const digest of DIGEST_NAMES) await h.settings.toggle(MOSCOW.telegramUserId, digest);
      const refused = await h.settings.setTime(MOSCOW.telegramUserId, 'dayPlan', 'в обед');
      const texts = [refused.html, ...(refused.buttons ?? []).flat().map((button) => button.text)];
      expect(telegramHtmlProblems(refused.html)).toEqual([]);
      for (const text of [...texts, suggestBriefingButton(language).text]) expect(text).not.toMatch(technical);
    }
  });

  it('then every button fits in Telegram’s 64 bytes', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    for (const digest of DIGEST_NAMES) await h.settings.toggle(MOSCOW.telegramUserId, digest);
    const buttons = [
      ...((await h.settings.settingsReply(MOSCOW.telegramUserId, 'ru')).buttons ?? []).flat(),
      suggestBriefingButton('ru'),
    ];
    expect(buttons.length).toBe(6 + 23 + 1);
    for (const button of buttons) expect(Buffer.byteLength(encodeAction(button.action))).toBeLessThanOrEqual(64);
  });
});

describe('when the first greeting suggests the morning briefing', () => {
  it('then its button switches the briefing on at 09:00, and a second tap keeps it on', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    const { action } = suggestBriefingButton('ru');
    expect(action).toEqual({ kind: 'digestTime', digest: 'morningBriefing', time: '09:00' });
    if (action.kind !== 'digestTime') return;
    await h.settings.setTime(MOSCOW.telegramUserId, action.digest, action.time);
    await h.settings.setTime(MOSCOW.telegramUserId, action.digest, action.time);
    expect(await h.digests.subscriptions(MOSCOW.telegramUserId)).toMatchObject([
      { digest: 'morningBriefing', enabled: true, localTime: '09:00', nextRunAt: new Date('2026-11-25T06:00:00Z') },
    ]);
  });
});

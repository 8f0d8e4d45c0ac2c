// Every promise of PRODUCT.md through the real bot: `npm start`, grammY, the fake Bot API, the demo
// portal and a SQLite file. Assertions are on what the director's Telegram would show.
import { describe, expect, it } from 'vitest';
import { TYPING_DELAY_MS } from '../../src/telegram/features/conversation.ts';
import { DIRECTOR, MANAGER, runningStand, STRANGER, startStand, TECHNICAL_WORDS } from './harness.ts';

const PORTAL_DOWN = 'Не удалось подключиться к Битрикс24, проверьте, что портал доступен.';

describe('the Telegram bot, run as an operator runs it', () => {
  const stand = runningStand();
  const tasksCount = () => stand.portal.data.tasks.length;

  it('registers the commands in Russian and English at start-up', () => {
    const commands = stand.telegram.calls.filter((call) => call.method === 'setMyCommands');
    const names = commands.flatMap((call) => call.payload.commands.map((c: { command: string }) => c.command));
    for (const command of ['start', 'help', 'today', 'schedule', 'tasks', 'deals', 'pipeline', 'team', 'digests']) {
      expect(names).toContain(command);
    }
    expect(commands.some((call) => call.payload.language_code === 'en')).toBe(true);
  });

  it('tells a stranger their Telegram ID and fetches nothing from the portal', async () => {
    const requests = stand.portal.requestCount;
    const [answer] = await stand.say(STRANGER, 'мои задачи');
    expect(answer?.plain).toContain(String(STRANGER.id));
    expect(stand.telegram.sent(STRANGER.id)).toHaveLength(1);
    expect(stand.portal.requestCount).toBe(requests);
  });

  it('introduces itself on /start and shows the menu keyboard', async () => {
    // The introduction, then one line suggesting the morning briefing.
    const messages = await stand.say(DIRECTOR, '/start', 2);
    const text = messages.map((m) => m.plain).join('\n');
    expect(text).toMatch(/расписание/i);
    expect(text).toMatch(/задач/i);
    expect(text).toMatch(/сделк/i);
    expect(messages.some((m) => Array.isArray(m.reply_markup?.keyboard))).toBe(true);
  });

  it('shows the director their tasks at once, with the overdue ones flagged and one hint', async () => {
    const [answer] = await stand.say(DIRECTOR, 'мои задачи');
    expect(answer?.parse_mode).toBe('HTML');
    expect(answer?.plain).toMatch(/⚠\uFE0F?\s\d+\sзадач\S*\sпросрочен/);
    expect(answer?.plain).not.toMatch(/\?\s*$/);
  });

  it('shows “typing…” in the chat while it works on an answer that takes a moment', async () => {
    stand.portal.faults.latencyMs = 2 * TYPING_DELAY_MS;
    try {
      const from = stand.telegram.calls.length;
      await stand.say(DIRECTOR, 'воронка');
      const typing = stand.telegram.calls
        .slice(from)
        .filter((call) => call.method === 'sendChatAction' && Number(call.payload.chat_id) === DIRECTOR.id);
      expect(typing.map((call) => call.payload.action)).toContain('typing');
    } finally {
      stand.portal.faults.latencyMs = 0;
    }
  });

  it('shows a mapped user their own tasks, not the webhook owner’s', async () => {
    const [answer] = await stand.say(MANAGER, 'мои задачи');
    const own = stand.portal.data.tasks.filter((task) => String(task.responsibleId) === '5' && Number(task.status) < 5);
    const ownTitles = new Set(own.map((task) => String(task.title)));
    const directors = stand.portal.data.tasks.filter(
      (task) => String(task.responsibleId) === '1' && Number(task.status) < 5 && !ownTitles.has(String(task.title)),
    );
    const text = answer?.plain ?? '';
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((task) => text.includes(String(task.title)))).toBe(true);
    expect(directors.some((task) => text.includes(String(task.title)))).toBe(false);
  });

  it('answers a schedule for a weekday with a date in words', async () => {
    const [answer] = await stand.say(DIRECTOR, 'дай расписание на среду');
    expect(answer?.plain).toMatch(/сред[ау]/i);
    expect(answer?.plain).toMatch(
      /\d{1,2} (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)/,
    );
  });

  it('flags stuck deals and clashing meetings, each view with exactly one hint', async () => {
    const [deals] = await stand.say(DIRECTOR, 'покажи сделки');
    // Every deal the warning counts is listed right under it, whatever its amount.
    const warned = Number(/💤\s(\d+)\sсдел/.exec(deals?.plain ?? '')?.[1]);
    expect(warned).toBeGreaterThan(0);
    expect(deals?.plain.split('\n').filter((line) => line.startsWith('• 💤'))).toHaveLength(warned);
    const [today] = await stand.say(DIRECTOR, 'дай расписание на сегодня');
    expect(today?.plain).toMatch(/⚡/);
    for (const view of [deals, today]) {
      expect(view?.parse_mode).toBe('HTML');
      expect(view?.plain.match(/💡/g)).toHaveLength(1);
    }
  });

  it('lists the stuck deals first in the briefing, right under the line that warns of them', async () => {
    const [briefing] = await stand.say(DIRECTOR, 'что у меня сегодня?');
    const lines = briefing?.plain.split('\n') ?? [];
    const warning = lines.findIndex((line) => /^💤\s\d+\sсдел/.test(line));
    expect(warning).toBeGreaterThan(-1);
    expect(lines[warning + 1]).toMatch(/^• 💤/);
  });

  it('answers what it cannot understand with one sentence of what it can do, and the menu', async () => {
    const [answer] = await stand.say(DIRECTOR, 'какая погода будет в субботу на даче?');
    expect(answer?.plain.split('\n').filter(Boolean)).toHaveLength(1);
    expect(answer?.plain).toMatch(/расписание/);
    expect(answer?.reply_markup?.keyboard?.flat().length).toBeGreaterThan(4);
  });

  it('answers in English when the director writes in English', async () => {
    const [answer] = await stand.say({ ...DIRECTOR, language_code: 'en' }, 'show my tasks');
    // The portal's own data (task titles) stays as written; everything of ours is in English.
    expect(answer?.plain).toMatch(/^✅ Your tasks:\s\d+/);
    expect(answer?.plain).toMatch(/\d+\stasks?\soverdue/);
    expect(answer?.plain).not.toMatch(/Ваши задачи|задач\S*\sпросрочен|Нажмите/);
    // A command carries no language of its own: the director's stays English.
    const [command] = await stand.say({ ...DIRECTOR, language_code: 'en' }, '/tasks');
    expect(command?.plain).toMatch(/^✅ Your tasks:/);
  });

  it('asks before creating a task and writes exactly once on a double tap', async () => {
    const before = tasksCount();
    const [question] = await stand.say(DIRECTOR, 'создай задачу подготовить отчёт на пятницу');
    expect(question?.plain).toMatch(/Создать задачу/i);
    const buttons = question?.reply_markup?.inline_keyboard?.flat() ?? [];
    expect(buttons).toHaveLength(2);
    expect(tasksCount()).toBe(before);

    const yes = stand.telegram.buttonData(question!, 'Да');
    stand.telegram.tapButton(DIRECTOR, question!, yes);
    stand.telegram.tapButton(DIRECTOR, question!, yes);
    const edited = await stand.telegram.waitFor(() => {
      const now = stand.telegram.sent(DIRECTOR.id).find((m) => m.messageId === question!.messageId);
      return now && now.edits > 0 ? now : undefined;
    });
    await stand.telegram.waitFor(
      () =>
        stand.telegram.calls.filter((call) => call.method === 'answerCallbackQuery').length >= 2 &&
        stand.telegram.pendingUpdates() === 0,
    );
    expect(tasksCount()).toBe(before + 1);
    expect(edited.reply_markup?.inline_keyboard ?? []).toHaveLength(0);
    expect(stand.portal.data.tasks.at(-1)?.title).toMatch(/отч[её]т/i);
  });

  it('«Ещё» under a long list edits that message into the next part instead of sending a new one', async () => {
    const [list] = await stand.say(DIRECTOR, 'задачи команды');
    expect(list?.plain).toMatch(/…и ещё \d+/u);
    const sentBefore = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.tapButton(DIRECTOR, list!, stand.telegram.buttonData(list!, 'Ещё'));
    const edited = await stand.telegram.waitFor(() => {
      const now = stand.telegram.sent(DIRECTOR.id).find((m) => m.messageId === list!.messageId);
      return now && now.edits > 0 ? now : undefined;
    });
    await stand.telegram.waitFor(() => stand.telegram.pendingUpdates() === 0);
    expect(edited.plain).toMatch(/^✅ Задачи команды: \d+ \(с 21-й\)/u);
    expect(stand.telegram.sent(DIRECTOR.id)).toHaveLength(sentBefore);
  });

  it('cancels a proposal without writing anything', async () => {
    const before = tasksCount();
    const [question] = await stand.say(DIRECTOR, 'создай задачу позвонить в Ромашку завтра');
    stand.telegram.tapButton(DIRECTOR, question!, stand.telegram.buttonData(question!, 'Нет'));
    const edited = await stand.telegram.waitFor(() => {
      const now = stand.telegram.sent(DIRECTOR.id).find((m) => m.messageId === question!.messageId);
      return now && now.edits > 0 ? now : undefined;
    });
    expect(edited.plain).toMatch(/отмен/i);
    expect(tasksCount()).toBe(before);
  });

  it('waits out Telegram’s 429 and still delivers the answer', async () => {
    stand.telegram.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests', retry_after: 1 });
    const [answer] = await stand.say(DIRECTOR, 'покажи сделки');
    expect(answer?.plain).toMatch(/₽/);
  });

  it('answers stickers politely and stays silent in groups', async () => {
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.pushUpdate({
      message: {
        message_id: 5000,
        date: Math.floor(Date.now() / 1000),
        chat: { id: DIRECTOR.id, type: 'private', first_name: DIRECTOR.first_name },
        from: { ...DIRECTOR, is_bot: false },
        sticker: {
          file_id: 'x',
          file_unique_id: 'x',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    const answer = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before]);
    expect(answer.plain).toMatch(/текст/i);

    const group = { id: -100_500, type: 'group' as const, title: 'Отдел продаж' };
    stand.telegram.sendText(DIRECTOR, 'мои задачи', group);
    await stand.say(DIRECTOR, 'итоги дня');
    expect(stand.telegram.sent(group.id)).toHaveLength(0);
  });

  it('says the one plain sentence when the portal is down', async () => {
    stand.portal.faults.down = true;
    try {
      const [answer] = await stand.say(DIRECTOR, 'воронка');
      expect(answer?.plain).toBe(PORTAL_DOWN);
    } finally {
      stand.portal.faults.down = false;
    }
  }, 60_000);

  it('never sends a technical word, and never leaks the portal secret into logs', () => {
    const everything = stand.telegram.sent().map((message) => message.plain);
    expect(everything.length).toBeGreaterThan(8);
    for (const text of everything) expect(text).not.toMatch(TECHNICAL_WORDS);
    const secret = new URL(stand.portal.webhookUrl).pathname.split('/')[3] ?? '';
    expect(secret.length).toBeGreaterThan(4);
    expect(stand.stderr()).not.toContain(secret);
    expect(stand.stderr()).not.toContain(stand.telegram.token.split(':')[1]);
  });
});

describe('a confirmation across a restart', () => {
  it('still writes exactly once when the bot restarts between the question and the tap', async () => {
    const stand = await startStand();
    try {
      await stand.startAssistant();
      const before = stand.portal.data.tasks.length;
      const [question] = await stand.say(DIRECTOR, 'создай задачу подготовить отчёт на пятницу');
      // Stopped the way Docker stops it: polling, digests and the database closed before the exit.
      await stand.stopAssistant();
      await expect.poll(() => stand.stderr(), { timeout: 10_000 }).toContain('stopped cleanly');
      await stand.startAssistant();
      const yes = stand.telegram.buttonData(question!, 'Да');
      stand.telegram.tapButton(DIRECTOR, question!, yes);
      await stand.telegram.waitFor(() => {
        const now = stand.telegram.sent(DIRECTOR.id).find((m) => m.messageId === question!.messageId);
        return now && now.edits > 0 ? now : undefined;
      });
      // A replay of the same tap after the write changes nothing.
      stand.telegram.tapButton(DIRECTOR, question!, yes);
      await stand.telegram.waitFor(() => stand.telegram.pendingUpdates() === 0);
      await stand.say(DIRECTOR, 'мои задачи');
      expect(stand.portal.data.tasks.length).toBe(before + 1);
    } finally {
      await stand.close();
    }
  }, 90_000);
});

describe('settings', () => {
  it('stops start-up with one line naming a malformed setting, never its value', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('npm', ['start', '--silent'], {
      cwd: `${import.meta.dirname}/../..`,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TELEGRAM_BOT_TOKEN: '123:abc',
        BITRIX24_WEBHOOK_URL: 'https://portal.example/not-rest/supersecretvalue',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    // npm itself may warn about this machine's own npm settings; those lines are not ours.
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('BITRIX24_WEBHOOK_URL');
    expect(result.stderr).not.toContain('supersecretvalue');
  }, 40_000);
});

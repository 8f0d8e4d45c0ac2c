// Voice notes through the real bot: `npm start`, the fake Bot API (getFile and the file route) and the fake
// speech endpoint. The fake "hears" the note's bytes as UTF-8 text, so each test decides what was said.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createBot } from '../../src/telegram/bot.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';
import { startFakeTelegram } from '../fakes/telegram-api.ts';
import { DIRECTOR, type Stand, startStand } from './harness.ts';

const TOO_LONG = /слишком длинное/;
const WRITE_INSTEAD = /напишите, пожалуйста, текстом/;
const FAIL = 'провал';

describe('a voice note, answered as if typed', () => {
  let stand: Stand;
  let speech: FakeOpenAI;

  beforeAll(async () => {
    speech = await startFakeOpenAI([], {
      transcribe: (audio) => {
        const said = audio.toString('utf8');
        return said === FAIL ? { status: 500 } : { text: ` ${said} ` };
      },
    });
    // Only a speech server, no chat model: voice works without OPENAI_API_KEY.
    stand = await startStand({ OPENAI_TRANSCRIBE_BASE_URL: speech.baseURL });
    await stand.startAssistant();
  }, 60_000);
  afterAll(async () => {
    await stand?.close();
    await speech?.close();
  });

  const speak = async (
    words: string,
    options: { duration?: number; fileSize?: number; kind?: 'voice' | 'audio' | 'video_note' } = {},
    count = 2,
  ) => {
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.sendVoice(DIRECTOR, {
      data: Buffer.from(words, 'utf8'),
      duration: options.duration ?? 3,
      ...options,
    });
    return stand.telegram.waitFor(() => {
      const fresh = stand.telegram.sent(DIRECTOR.id).slice(before);
      return fresh.length >= count ? fresh : undefined;
    }, 30_000);
  };

  it('shows the transcript in one italic line, then the same answer as typing it', async () => {
    const [heard, answer] = await speak('мои задачи');
    expect(heard?.text).toBe('<i>🎤 мои задачи</i>');
    expect(heard?.parse_mode).toBe('HTML');
    const [typed] = await stand.say(DIRECTOR, 'мои задачи');
    expect(answer?.plain).toBe(typed?.plain);
    expect(answer?.plain).toMatch(/задач/);
    const sent = speech.transcriptions.at(-1);
    expect(sent?.model).toBe('whisper-1');
    expect(sent?.audio.toString('utf8')).toBe('мои задачи');
  });

  it('proposes a write said aloud, and the yes button writes it', async () => {
    const before = stand.portal.data.tasks.length;
    const [, question] = await speak('создай задачу подготовить отчёт на пятницу');
    expect(question?.plain).toMatch(/Создать задачу/i);
    stand.telegram.tapButton(DIRECTOR, question!, stand.telegram.buttonData(question!, 'Да'));
    await stand.telegram.waitFor(
      () => stand.telegram.sent(DIRECTOR.id).find((m) => m.messageId === question!.messageId && m.edits > 0),
      30_000,
    );
    expect(stand.portal.data.tasks.length).toBe(before + 1);
  });

  it('takes audio files and round video notes too', async () => {
    const [heardAudio] = await speak('воронка', { kind: 'audio' });
    expect(heardAudio?.plain).toBe('🎤 воронка');
    const [heardVideo, answer] = await speak('воронка', { kind: 'video_note' });
    expect(heardVideo?.plain).toBe('🎤 воронка');
    expect(answer?.plain).toMatch(/Воронка/);
  });

  it('answers a note over two minutes or over 10 MB with one sentence, without downloading it', async () => {
    const downloads = stand.telegram.downloads();
    const [long] = await speak('мои задачи', { duration: 180 }, 1);
    expect(long?.plain).toMatch(TOO_LONG);
    const [big] = await speak('мои задачи', { fileSize: 25 * 1024 * 1024 }, 1);
    expect(big?.plain).toMatch(TOO_LONG);
    // "Three seconds", says the sender's client, of a 12 MB file: the size decides, not the duration.
    const heavy = Buffer.alloc(12 * 1024 * 1024, 'а');
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.sendVoice(DIRECTOR, { data: heavy, duration: 3 });
    const declared = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before]);
    expect(declared.plain).toMatch(TOO_LONG);
    expect(stand.telegram.downloads()).toBe(downloads);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stand.telegram.sent(DIRECTOR.id).slice(-3)).toEqual([long, big, declared]);
  });

  it('stops a download that turns out longer than Telegram said, and answers with the same sentence', async () => {
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.sendVoice(DIRECTOR, { data: Buffer.alloc(12 * 1024 * 1024, 'а'), duration: 3, fileSize: 1000 });
    const said = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 30_000);
    expect(said.plain).toMatch(TOO_LONG);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stand.telegram.sent(DIRECTOR.id)).toHaveLength(before + 1);
  });

  it('asks for text when the speech service fails, and keeps no audio on disk', async () => {
    const [sorry] = await speak(FAIL, {}, 1);
    expect(sorry?.plain).toMatch(WRITE_INSTEAD);
    expect(sorry?.plain).not.toMatch(/ошибк|error|500/i);
    expect(readdirSync(stand.folder).filter((name) => !name.startsWith('assistant.sqlite'))).toEqual([]);
  });
});

describe('a voice note without a speech service', () => {
  it('gets one polite sentence asking for text', async () => {
    const telegram = await startFakeTelegram();
    const asked: string[] = [];
    const { bot } = createBot({
      token: telegram.token,
      apiRoot: telegram.apiRoot,
      access: { isAllowed: () => true },
      assistant: {
        handleText: async (_conversation, text) => {
          asked.push(text);
          return [{ html: 'ответ' }];
        },
        handleButton: async () => ({ replies: [] }),
      },
      logger: silentLogger,
    });
    const running = bot.start();
    try {
      telegram.sendVoice(DIRECTOR, { data: Buffer.from('мои задачи'), duration: 2 });
      const [sorry] = await telegram.waitFor(() =>
        telegram.sent(DIRECTOR.id).length ? telegram.sent(DIRECTOR.id) : undefined,
      );
      expect(sorry?.plain).toMatch(WRITE_INSTEAD);
      expect(asked).toEqual([]);
      expect(telegram.downloads()).toBe(0);
    } finally {
      await bot.stop();
      await running;
      await telegram.close();
    }
  });
});

// Voice notes (and audio files, and round video notes): downloaded from Telegram into memory, turned into text
// by the speech service, shown back in one italic line and then answered exactly as if typed.
import { Composer, type Context } from 'grammy';
import type { AssistantPort } from '../../assistant/assistant-port.ts';
import { readCapped } from '../../capped-body.ts';
import type { Logger } from '../../log.ts';
import { presentReplies } from '../../present/present.ts';
import type { Transcriber } from '../../speech/transcriber.ts';
import { portalText } from '../../views/lines.ts';
import { heardLine, languageOfCode, VOICE_NOT_UNDERSTOOD, VOICE_TOO_LONG } from '../../views/messages.ts';
import type { MenuKeyboard } from '../menu.ts';
import type { Sender } from '../send.ts';
import { whileTyping } from './conversation.ts';

/** A director's request fits in two minutes; longer notes are dictation the assistant cannot act on. */
export const VOICE_MAX_SECONDS = 120;
/**
 * Two minutes of speech is well under a megabyte as a voice note, a few as an audio file or a round video note.
 * The size is what Telegram says the file weighs and then what actually arrives, never the duration the sender's
 * client declared: a "3-second" note of 19 MB is refused before or while it downloads.
 */
export const VOICE_MAX_BYTES = 10 * 1024 * 1024;
const HEARD_MAX_CHARS = 200;

export interface VoiceDependencies {
  assistant: AssistantPort;
  sender: Sender;
  menu: MenuKeyboard;
  logger: Logger;
  /** Absent without a speech service: the director is asked to write instead. */
  transcriber?: Transcriber;
  /** The download address of a file Telegram gave by `getFile` (it holds the bot's token: never logged). */
  fileUrl(filePath: string): string;
}

interface Note {
  fileId: string;
  duration: number;
  size?: number;
  fileName: string;
}

function noteOf(ctx: Context): Note | undefined {
  const message = ctx.message;
  const media = message?.voice ?? message?.audio ?? message?.video_note;
  if (!media) return undefined;
  const fileName = message?.video_note ? 'note.mp4' : (message?.audio?.file_name ?? 'voice.ogg');
  return { fileId: media.file_id, duration: media.duration, size: media.file_size, fileName };
}

const tooBig = (size: number | undefined) => size !== undefined && size > VOICE_MAX_BYTES;

async function download(ctx: Context, deps: VoiceDependencies, note: Note): Promise<Uint8Array | undefined> {
  const file = await ctx.api.getFile(note.fileId);
  if (!file.file_path || tooBig(file.file_size)) return undefined;
  const response = await fetch(deps.fileUrl(file.file_path), { signal: AbortSignal.timeout(60_000) });
  if (!response.ok || !response.body) {
    throw new Error(`the voice note could not be downloaded (status ${response.status})`);
  }
  const body = response.body;
  const audio = await readCapped(body, {
    maxBytes: VOICE_MAX_BYTES,
    declared: response.headers.get('content-length'),
    stop: () => void body.cancel().catch(() => {}),
  });
  return audio && new Uint8Array(audio);
}

const shortened = (text: string) => (text.length > HEARD_MAX_CHARS ? `${text.slice(0, HEARD_MAX_CHARS - 1)}…` : text);

export function voiceFeature(deps: VoiceDependencies): Composer<Context> {
  const composer = new Composer();
  composer.on(['message:voice', 'message:audio', 'message:video_note'], async (ctx) => {
    const note = noteOf(ctx);
    if (!note) return;
    const language = languageOfCode(ctx.from.language_code);
    const menu = deps.menu.markup(ctx.from.language_code);
    const say = (html: string) => deps.sender.send(ctx.chat.id, [{ html }], menu);
    if (note.duration > VOICE_MAX_SECONDS || tooBig(note.size)) return void (await say(VOICE_TOO_LONG[language]));
    const { transcriber } = deps;
    if (!transcriber) return void (await say(VOICE_NOT_UNDERSTOOD[language]));

    const transcript = await whileTyping(
      ctx,
      async () => {
        try {
          const audio = await download(ctx, deps, note);
          if (!audio) return null;
          return await transcriber.transcribe(audio, note.fileName, language);
        } catch (error) {
          deps.logger.warn('voice note not transcribed', { error });
          return '';
        }
      },
      deps.logger,
    );
    if (transcript === null) return void (await say(VOICE_TOO_LONG[language]));
    if (!transcript) return void (await say(VOICE_NOT_UNDERSTOOD[language]));

    const conversation = { telegramUserId: ctx.from.id, chatId: ctx.chat.id };
    const heard = presentReplies([{ html: heardLine(portalText(shortened(transcript))) }], language);
    await deps.sender.send(ctx.chat.id, heard);
    const replies = await whileTyping(ctx, () => deps.assistant.handleText(conversation, transcript), deps.logger);
    await deps.sender.send(ctx.chat.id, replies, menu);
  });
  return composer;
}

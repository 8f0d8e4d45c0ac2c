// A Bot API stand-in on 127.0.0.1: the real bot (grammY, TELEGRAM_API_ROOT) talks to it over HTTP, tests push
// updates in and read back what the director would see. It refuses what Telegram refuses (bad HTML, long
// texts, oversized callback data, identical edits), so a test passing here passes against Telegram.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTelegramHtml, TELEGRAM_TEXT_LIMIT } from './telegram-html.ts';

// Bot API objects are loosely typed on purpose: tests inspect whatever the bot sent.
// biome-ignore lint/suspicious/noExplicitAny: payloads are arbitrary Bot API JSON
type Json = any;

export interface TelegramUser {
  id: number;
  first_name?: string;
  username?: string;
  language_code?: string;
}

export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  first_name?: string;
}

/** One bot message as the chat shows it now (edits applied). */
export interface SentMessage {
  chatId: number;
  messageId: number;
  /** The text as the bot sent it (HTML source when parse_mode is HTML). */
  text: string;
  /** What the director reads: tags removed, entities decoded. */
  plain: string;
  parse_mode?: string;
  reply_markup?: Json;
  /** How many times it was edited. */
  edits: number;
  deleted: boolean;
  /** A photo or document message: the file as uploaded (the caption is `text`). */
  file?: SentFile;
}

export interface SentFile {
  kind: 'photo' | 'document';
  fileName: string;
  data: Buffer;
}

/** A voice note (or audio, or video note) the user sends: its bytes are served on the file route. */
export interface VoiceNote {
  kind?: 'voice' | 'audio' | 'video_note';
  data: Buffer;
  /** Seconds, as Telegram reports it. */
  duration: number;
  /** What Telegram reports as the size (default: the real size). */
  fileSize?: number;
}

export interface TelegramFault {
  error_code: number;
  description?: string;
  retry_after?: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  /** Every Bot API call in order, with its parsed payload. */
  calls: { method: string; payload: Json }[];
  /** Bot messages (sendMessage, edits applied), optionally of one chat. */
  sent(chatId?: number): SentMessage[];
  /** Queues a raw update for getUpdates (update_id assigned when absent); returns its update_id. */
  pushUpdate(update: Json): number;
  /** The user writes `text` (a leading /command gets its bot_command entity); returns the update_id. */
  sendText(from: TelegramUser, text: string, chat?: FakeChat): number;
  /** The user sends a voice note; returns the update_id. */
  sendVoice(from: TelegramUser, note: VoiceNote): number;
  /** How many times a file was downloaded from the file route. */
  downloads(): number;
  /** The user taps an inline button with `data` under one of the bot's messages; returns the update_id. */
  tapButton(from: TelegramUser, message: SentMessage, data: string): number;
  /** The callback data of the button whose text contains `text` under `message` (throws when there is none). */
  buttonData(message: SentMessage, text: string): string;
  /** Resolves with the predicate's first truthy value, re-checked after every call the bot makes. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** The next call of `method` fails with this error (e.g. `{ error_code: 429, retry_after: 1 }`). */
  failNext(method: string, fault: TelegramFault): void;
  /** Updates pushed but not yet acknowledged by a getUpdates offset. */
  pendingUpdates(): number;
  /** The webhook the bot registered with setWebhook (then updates are POSTed to it, as Telegram does). */
  webhook(): { url: string; secret_token?: string } | undefined;
  /** Each webhook delivery: the update and the bot server's HTTP status (0 when it could not be reached). */
  deliveries: { update_id: number; status: number }[];
  close(): Promise<void>;
}

const BOT_USER = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'Помощник директора',
  username: 'director_assistant_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
};

class BadRequest extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly parameters?: Json,
  ) {
    super(message);
  }
}

// Form fields carry nested objects as JSON text (reply_markup, entities …).
function fieldValue(value: string): Json {
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

async function readPayload(request: IncomingMessage, url: URL): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const payload: Json = Object.fromEntries(url.searchParams);
  const type = request.headers['content-type'] ?? '';
  if (body.length === 0) return payload;
  if (type.includes('application/json')) return { ...payload, ...JSON.parse(body.toString('utf8')) };
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) payload[key] = fieldValue(value);
    return payload;
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary) {
    // grammY writes compact part headers (`content-disposition:form-data;name="x"`) that undici's parser refuses.
    const parts = body.toString('latin1').split(`--${boundary[1] ?? boundary[2]}`);
    for (const part of parts.slice(1, -1)) {
      const split = part.indexOf('\r\n\r\n');
      const head = part.slice(0, split);
      const name = /[;:]\s*name="?([^";\r\n]*)"?/i.exec(head)?.[1];
      if (!name) continue;
      const filename = /filename="?([^";\r\n]*)"?/i.exec(head)?.[1];
      const raw = Buffer.from(part.slice(split + 4, -2), 'latin1');
      // Part headers are UTF-8 (a file may be named «Сделки 2026-11-28.xlsx»).
      const file = filename === undefined ? undefined : Buffer.from(filename, 'latin1').toString('utf8');
      payload[name] = file !== undefined ? { file, data: raw } : fieldValue(raw.toString('utf8'));
    }
  }
  return payload;
}

function checkKeyboard(markup: Json): void {
  const rows = markup?.inline_keyboard;
  if (!Array.isArray(rows)) return;
  for (const row of rows) {
    for (const button of row as Json[]) {
      if (typeof button.text !== 'string' || button.text === '')
        throw new BadRequest(400, 'Bad Request: BUTTON_TEXT_EMPTY');
      // Telegram opens a Mini App only from an https address.
      if (button.web_app !== undefined && !String(button.web_app?.url).startsWith('https://')) {
        throw new BadRequest(400, 'Bad Request: BUTTON_URL_INVALID');
      }
      if (button.callback_data !== undefined) {
        const bytes = Buffer.byteLength(String(button.callback_data));
        if (bytes < 1 || bytes > 64) throw new BadRequest(400, 'Bad Request: BUTTON_DATA_INVALID');
      }
      if (button.web_app !== undefined) checkWebApp(button.web_app);
    }
  }
}

/** A Mini App opens only over HTTPS: Telegram refuses any other address. */
function checkWebApp(webApp: Json): void {
  if (!/^https:\/\/[^/\s]+/.test(String(webApp?.url ?? '')))
    throw new BadRequest(400, 'Bad Request: BUTTON_URL_INVALID');
}

/** Validates a text the way Telegram does and returns what the reader sees. */
function parseText(text: unknown, parseMode: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') throw new BadRequest(400, 'Bad Request: message text is empty');
  return parseMarkup(text, parseMode, TELEGRAM_TEXT_LIMIT, 'Bad Request: message is too long');
}

/** A file's caption: optional, at most 1024 characters after entity parsing. */
function parseCaption(caption: unknown, parseMode: unknown): string {
  if (caption === undefined || caption === '') return '';
  if (typeof caption !== 'string') throw new BadRequest(400, 'Bad Request: caption must be a string');
  return parseMarkup(caption, parseMode, TELEGRAM_CAPTION_LIMIT, 'Bad Request: message caption is too long');
}

const TELEGRAM_CAPTION_LIMIT = 1024;
const PHOTO_LIMIT = 10 * 1024 * 1024;
const DOCUMENT_LIMIT = 50 * 1024 * 1024;
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** The file a send method uploaded (multipart, `attach://` or the field itself). */
function uploadOf(payload: Json, field: string): { file: string; data: Buffer } {
  let value = payload[field];
  if (typeof value === 'string' && value.startsWith('attach://')) value = payload[value.slice('attach://'.length)];
  if (!value || typeof value !== 'object' || !Buffer.isBuffer(value.data)) {
    throw new BadRequest(400, `Bad Request: there is no ${field} in the request`);
  }
  return value;
}

function parseMarkup(text: string, parseMode: unknown, limit: number, tooLong: string): string {
  let plain = text;
  if (parseMode === 'HTML') {
    const parsed = parseTelegramHtml(text);
    if (parsed.error) throw new BadRequest(400, `Bad Request: can't parse entities: ${parsed.error}`);
    plain = parsed.text;
  } else if (parseMode !== undefined) {
    throw new BadRequest(400, `Bad Request: unsupported parse_mode in this fake: ${String(parseMode)}`);
  }
  if (plain.trim() === '' && limit === TELEGRAM_TEXT_LIMIT)
    throw new BadRequest(400, 'Bad Request: message text is empty');
  if (plain.length > limit) throw new BadRequest(400, tooLong);
  return plain;
}

/** `token`: the bot's, when two fakes must serve one bot (two instances, each with its own door). */
export async function startFakeTelegram(options: { token?: string } = {}): Promise<FakeTelegram> {
  const token =
    options.token ?? `${100_000 + Math.floor(Math.random() * 900_000)}:TEST${randomBytes(12).toString('hex')}`;
  const calls: { method: string; payload: Json }[] = [];
  const messages: SentMessage[] = [];
  const updates: Json[] = [];
  const faults = new Map<string, TelegramFault[]>();
  const listeners = new Set<() => void>();
  const waitingPolls = new Set<() => void>();
  let nextUpdateId = 1;
  let nextMessageId = 1;
  let nextCallbackId = 1;
  let nextFileId = 1;
  let downloads = 0;
  const files = new Map<string, { path: string; data: Buffer; size: number }>();
  let closed = false;
  let webhook: { url: string; secret_token?: string } | undefined;
  const deliveries: { update_id: number; status: number }[] = [];

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  const chatOf = (payload: Json) => Number(payload.chat_id);
  const messageObject = (message: SentMessage): Json => ({
    message_id: message.messageId,
    date: Math.floor(Date.now() / 1000),
    edit_date: message.edits > 0 ? Math.floor(Date.now() / 1000) : undefined,
    chat: { id: message.chatId, type: message.chatId > 0 ? 'private' : 'group' },
    from: { id: BOT_USER.id, is_bot: true, first_name: BOT_USER.first_name, username: BOT_USER.username },
    text: message.plain,
    reply_markup: message.reply_markup,
  });
  const findMessage = (payload: Json): SentMessage => {
    const message = messages.find((m) => m.chatId === chatOf(payload) && m.messageId === Number(payload.message_id));
    if (!message || message.deleted) throw new BadRequest(400, 'Bad Request: message to edit not found');
    return message;
  };

  const methods: Record<string, (payload: Json) => Json | Promise<Json>> = {
    getMe: () => BOT_USER,
    deleteWebhook: (payload) => {
      webhook = undefined;
      if (payload.drop_pending_updates === true || payload.drop_pending_updates === 'true') updates.length = 0;
      return true;
    },
    setWebhook: (payload) => {
      if (typeof payload.url !== 'string' || !/^https?:\/\//.test(payload.url)) {
        throw new BadRequest(400, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      }
      webhook = { url: payload.url, ...(payload.secret_token ? { secret_token: String(payload.secret_token) } : {}) };
      if (payload.drop_pending_updates === true || payload.drop_pending_updates === 'true') updates.length = 0;
      return true;
    },
    getWebhookInfo: () => ({
      url: webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: updates.length,
    }),
    setMyCommands: (payload) => {
      const commands: Json[] = Array.isArray(payload.commands) ? payload.commands : [];
      if (commands.length > 100) throw new BadRequest(400, 'Bad Request: BOT_COMMANDS_TOO_MUCH');
      for (const command of commands) {
        if (!/^[a-z0-9_]{1,32}$/.test(String(command.command)))
          throw new BadRequest(400, 'Bad Request: BOT_COMMAND_INVALID');
        const description = String(command.description ?? '');
        if (description.length < 1 || description.length > 256) {
          throw new BadRequest(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      return true;
    },
    setChatMenuButton: (payload) => {
      const button = payload.menu_button;
      if (button?.type === 'web_app') {
        if (typeof button.text !== 'string' || button.text === '')
          throw new BadRequest(400, 'Bad Request: BUTTON_TEXT_EMPTY');
        checkWebApp(button.web_app);
      }
      return true;
    },
    sendChatAction: () => true,
    answerCallbackQuery: (payload) => {
      // Telegram shows at most 200 characters in the pop-up and refuses more.
      if (typeof payload.text === 'string' && payload.text.length > 200) {
        throw new BadRequest(400, 'Bad Request: MESSAGE_TOO_LONG');
      }
      return true;
    },
    getUpdates: async (payload) => {
      if (webhook) {
        throw new BadRequest(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const offset = Number(payload.offset ?? 0);
      // An offset acknowledges every update before it, as on Telegram.
      if (offset > 0) while (updates.length > 0 && updates[0].update_id < offset) updates.shift();
      const limit = Number(payload.limit ?? 100);
      const timeoutMs = Number(payload.timeout ?? 0) * 1000;
      if (updates.length === 0 && timeoutMs > 0 && !closed) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            waitingPolls.delete(done);
            resolve();
          };
          const timer = setTimeout(done, timeoutMs);
          waitingPolls.add(done);
        });
      }
      return updates.slice(0, limit);
    },
    getFile: (payload) => {
      const file = files.get(String(payload.file_id));
      if (!file) throw new BadRequest(400, 'Bad Request: invalid file_id');
      // Telegram gives no path for a file a bot may not download.
      if (file.size > DOWNLOAD_LIMIT) throw new BadRequest(400, 'Bad Request: file is too big');
      return {
        file_id: payload.file_id,
        file_unique_id: `u${payload.file_id}`,
        file_size: file.size,
        file_path: file.path,
      };
    },
    sendPhoto: (payload) => sendFile(payload, 'photo'),
    sendDocument: (payload) => sendFile(payload, 'document'),
    sendMessage: (payload) => {
      const plain = parseText(payload.text, payload.parse_mode);
      checkKeyboard(payload.reply_markup);
      const message: SentMessage = {
        chatId: chatOf(payload),
        messageId: nextMessageId++,
        text: payload.text,
        plain,
        parse_mode: payload.parse_mode,
        reply_markup: payload.reply_markup,
        edits: 0,
        deleted: false,
      };
      messages.push(message);
      return messageObject(message);
    },
    editMessageText: (payload) => {
      if (payload.inline_message_id) return true;
      const message = findMessage(payload);
      const plain = parseText(payload.text, payload.parse_mode);
      checkKeyboard(payload.reply_markup);
      const same =
        message.text === payload.text &&
        message.parse_mode === payload.parse_mode &&
        JSON.stringify(message.reply_markup ?? null) === JSON.stringify(payload.reply_markup ?? null);
      if (same) {
        throw new BadRequest(
          400,
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      Object.assign(message, { text: payload.text, plain, parse_mode: payload.parse_mode });
      message.reply_markup = payload.reply_markup;
      message.edits++;
      return messageObject(message);
    },
    editMessageReplyMarkup: (payload) => {
      if (payload.inline_message_id) return true;
      const message = findMessage(payload);
      checkKeyboard(payload.reply_markup);
      if (JSON.stringify(message.reply_markup ?? null) === JSON.stringify(payload.reply_markup ?? null)) {
        throw new BadRequest(
          400,
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      message.reply_markup = payload.reply_markup;
      message.edits++;
      return messageObject(message);
    },
    deleteMessage: (payload) => {
      const message = messages.find((m) => m.chatId === chatOf(payload) && m.messageId === Number(payload.message_id));
      if (!message || message.deleted) throw new BadRequest(400, 'Bad Request: message to delete not found');
      message.deleted = true;
      return true;
    },
  };

  function sendFile(payload: Json, kind: 'photo' | 'document'): Json {
    const upload = uploadOf(payload, kind);
    const limit = kind === 'photo' ? PHOTO_LIMIT : DOCUMENT_LIMIT;
    if (upload.data.length === 0) throw new BadRequest(400, 'Bad Request: file must be non-empty');
    if (upload.data.length > limit) throw new BadRequest(413, 'Request Entity Too Large');
    const plain = parseCaption(payload.caption, payload.parse_mode);
    checkKeyboard(payload.reply_markup);
    const message: SentMessage = {
      chatId: chatOf(payload),
      messageId: nextMessageId++,
      text: payload.caption ?? '',
      plain,
      parse_mode: payload.parse_mode,
      reply_markup: payload.reply_markup,
      edits: 0,
      deleted: false,
      file: { kind, fileName: upload.file, data: upload.data },
    };
    messages.push(message);
    return messageObject(message);
  }

  const answer = (response: ServerResponse, status: number, body: Json) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // The file route: GET /file/bot<token>/<file_path>, as Telegram serves files to bots.
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const file = download[1] === token ? [...files.values()].find((f) => f.path === download[2]) : undefined;
      if (!file) return answer(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
      downloads++;
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.data.length });
      return void response.end(file.data);
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return answer(response, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== token) return answer(response, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    let payload: Json;
    try {
      payload = await readPayload(request, url);
    } catch {
      return answer(response, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid request body' });
    }
    calls.push({ method, payload });
    try {
      const fault = faults.get(method)?.shift();
      if (fault) {
        const parameters = fault.retry_after !== undefined ? { retry_after: fault.retry_after } : undefined;
        const description =
          fault.description ??
          (fault.error_code === 429
            ? `Too Many Requests: retry after ${fault.retry_after ?? 1}`
            : 'Internal Server Error');
        throw new BadRequest(fault.error_code, description, parameters);
      }
      const handler = methods[method];
      const result = handler ? await handler(payload) : true;
      answer(response, 200, { ok: true, result });
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      answer(response, error.code, {
        ok: false,
        error_code: error.code,
        description: error.message,
        ...(error.parameters ? { parameters: error.parameters } : {}),
      });
    } finally {
      notify();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const pushUpdate = (update: Json): number => {
    const full = { ...update, update_id: update.update_id ?? nextUpdateId++ };
    nextUpdateId = Math.max(nextUpdateId, full.update_id + 1);
    if (webhook) {
      const { url, secret_token } = webhook;
      void fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret_token ? { 'x-telegram-bot-api-secret-token': secret_token } : {}),
        },
        body: JSON.stringify(full),
      })
        .then(
          async (response) => {
            await response.arrayBuffer();
            return response.status;
          },
          () => 0,
        )
        .then((status) => {
          deliveries.push({ update_id: full.update_id, status });
          notify();
        });
      return full.update_id;
    }
    updates.push(full);
    for (const wake of [...waitingPolls]) wake();
    return full.update_id;
  };

  const userObject = (from: TelegramUser) => ({
    id: from.id,
    is_bot: false,
    first_name: from.first_name ?? 'Алексей',
    ...(from.username ? { username: from.username } : {}),
    language_code: from.language_code ?? 'ru',
  });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    sent: (chatId) => messages.filter((m) => !m.deleted && (chatId === undefined || m.chatId === chatId)),
    pushUpdate,
    sendText(from, text, chat) {
      const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
      return pushUpdate({
        message: {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: chat ?? { id: from.id, type: 'private', first_name: from.first_name ?? 'Алексей' },
          from: userObject(from),
          text,
          ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        },
      });
    },
    sendVoice(from, note) {
      const kind = note.kind ?? 'voice';
      const fileId = `voice${nextFileId++}`;
      const size = note.fileSize ?? note.data.length;
      files.set(fileId, { path: `${kind}/file_${fileId}.oga`, data: note.data, size });
      const media = { file_id: fileId, file_unique_id: `u${fileId}`, duration: note.duration, file_size: size };
      return pushUpdate({
        message: {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: from.id, type: 'private', first_name: from.first_name ?? 'Алексей' },
          from: userObject(from),
          [kind]: kind === 'video_note' ? { ...media, length: 240 } : { ...media, mime_type: 'audio/ogg' },
        },
      });
    },
    downloads: () => downloads,
    tapButton(from, message, data) {
      return pushUpdate({
        callback_query: {
          id: String(nextCallbackId++),
          from: userObject(from),
          chat_instance: String(message.chatId),
          message: messageObject(message),
          data,
        },
      });
    },
    buttonData(message, text) {
      const rows: Json[][] = message.reply_markup?.inline_keyboard ?? [];
      const button = rows.flat().find((b) => String(b.text).includes(text));
      if (!button?.callback_data) {
        const shown = rows.flat().map((b) => b.text);
        throw new Error(`no button "${text}" under message ${message.messageId}; buttons: ${JSON.stringify(shown)}`);
      }
      return button.callback_data;
    },
    waitFor(predicate, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          let value: ReturnType<typeof predicate>;
          try {
            value = predicate();
          } catch (error) {
            finish();
            reject(error);
            return;
          }
          if (value) {
            finish();
            resolve(value);
          }
        };
        const finish = () => {
          clearTimeout(timer);
          clearInterval(poll);
          listeners.delete(check);
        };
        const timer = setTimeout(() => {
          finish();
          const recent = calls.slice(-5).map((c) => `${c.method} ${JSON.stringify(c.payload).slice(0, 200)}`);
          reject(new Error(`waitFor timed out after ${timeoutMs} ms; last calls:\n${recent.join('\n')}`));
        }, timeoutMs);
        // Also re-check on a timer: the predicate may depend on state outside the fake.
        const poll = setInterval(check, 50);
        listeners.add(check);
        check();
      });
    },
    failNext(method, fault) {
      faults.set(method, [...(faults.get(method) ?? []), fault]);
    },
    pendingUpdates: () => updates.length,
    webhook: () => webhook,
    deliveries,
    async close() {
      closed = true;
      for (const wake of [...waitingPolls]) wake();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 100).unref();
      });
    },
  };
}

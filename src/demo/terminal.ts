// The terminal chat: the same assistant as in Telegram, read as Telegram would show it. Buttons become
// numbered choices; typing the number taps the button.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AssistantPort } from '../assistant/assistant-port.ts';
import { plainTextOf, type TextStyles } from '../present/plain-text.ts';
import type { Reply } from '../views/reply.ts';
import type { Action } from '../vocabulary/actions.ts';
import type { Conversation } from '../vocabulary/director.ts';

export interface TerminalChatOptions {
  assistant: AssistantPort;
  conversation: Conversation;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a keyboard: a prompt, bold text, status lines. Otherwise lines in, answers out. */
  interactive: boolean;
  banner?: string;
  /** Where pictures and spreadsheets are saved (the terminal cannot show them): their paths are printed. */
  filesFolder: string;
  /** Hands over the way to show messages nobody asked for (alerts): each one printed between the turns. */
  onPush?: (push: (reply: Reply) => void) => void;
}

const ansi: TextStyles = { bold: ['\x1b[1m', '\x1b[22m'], italic: ['\x1b[3m', '\x1b[23m'] };
const FAREWELLS = new Set(['выход', 'exit', 'quit', '/quit', '/exit']);

interface Choice {
  action: Action;
  messageId: number;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { assistant, conversation, output, interactive } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const styles = interactive ? ansi : undefined;
  let lastMessageId = 0;
  let choices: Choice[] = [];

  const show = (replies: Reply[], prefix = '') => {
    const offered: Choice[] = [];
    for (const reply of replies) {
      const messageId = ++lastMessageId;
      if (reply.attachment) {
        const path = join(options.filesFolder, reply.attachment.fileName);
        writeFileSync(path, reply.attachment.data);
        write(`${prefix}${reply.attachment.kind === 'photo' ? '🖼' : '📎'} ${path}`);
      }
      if (reply.html) write(`${prefix}${plainTextOf(reply.html, styles)}`);
      const rows = (reply.buttons ?? []).map((row) =>
        row
          .map((button) => {
            offered.push({ action: button.action, messageId });
            return `[${offered.length}] ${button.text}`;
          })
          .join('   '),
      );
      for (const row of rows) write(`   ${row}`);
      write('');
    }
    if (offered.length) choices = offered;
  };

  if (interactive && options.banner) write(options.banner);
  options.onPush?.((reply) => show([reply], '🔔 '));
  const lines = createInterface({ input: options.input, terminal: false });
  const prompt = () => interactive && output.write('Вы: ');
  prompt();
  for await (const raw of lines) {
    const text = raw.trim();
    if (FAREWELLS.has(text.toLowerCase())) break;
    if (!text) {
      prompt();
      continue;
    }
    if (!interactive) write(`Вы: ${text}`);
    const choice = /^\d{1,2}$/.test(text) ? choices[Number(text) - 1] : undefined;
    if (choice) {
      const outcome = await assistant.handleButton(conversation, { action: choice.action }, choice.messageId);
      if (outcome.edit) show([outcome.edit], '↳ ');
      if (outcome.notice && !outcome.edit && outcome.replies.length === 0) write(outcome.notice);
      show(outcome.replies);
    } else {
      const onStatus = interactive ? (status: string) => write(`\x1b[2m${status}\x1b[22m`) : undefined;
      show(await assistant.handleText(conversation, text, { onStatus }));
    }
    prompt();
  }
  lines.close();
}

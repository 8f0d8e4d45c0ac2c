// The last step before anything is sent, and the only place the guard runs: every text through it once, split to
// Telegram's lengths (4096 for a message, 1024 for a file's caption) with the buttons under the last part, and a
// file over Telegram's size limit replaced by one plain sentence. Replies, edits, notices and digests alike.

import { FILE_TOO_BIG } from '../views/messages.ts';
import { CAPTION_LIMIT, DOCUMENT_BYTES_LIMIT, PHOTO_BYTES_LIMIT, type Reply } from '../views/reply.ts';
import type { Language } from '../vocabulary/director.ts';
import { guardPlainText, guardText } from './guard.ts';
import { splitMessage } from './split.ts';

const fileFits = (reply: Reply): boolean =>
  !reply.attachment ||
  reply.attachment.data.byteLength <= (reply.attachment.kind === 'photo' ? PHOTO_BYTES_LIMIT : DOCUMENT_BYTES_LIMIT);

/** Button labels are portal words too (a deal's title): the same guard, as plain text. */
function guardedButtons(reply: Reply, language: Language): Reply {
  if (!reply.buttons) return reply;
  const buttons = reply.buttons
    .map((row) => row.map((button) => ({ ...button, text: guardPlainText(button.text, language) })))
    .filter((row) => row.length > 0);
  const { buttons: _unguarded, ...rest } = reply;
  return buttons.length ? { ...rest, buttons } : rest;
}

function presentOne(unguarded: Reply, language: Language): Reply[] {
  if (!fileFits(unguarded)) return [{ html: FILE_TOO_BIG[language] }];
  const reply = guardedButtons(unguarded, language);
  const html = guardText(reply.html, language);
  if (!reply.attachment) {
    const parts = splitMessage(html);
    return parts.map((part, index) => (index === parts.length - 1 ? { ...reply, html: part } : { html: part }));
  }
  // The caption carries what fits; the rest of the text follows as messages, the buttons under the last one.
  const [caption = '', ...rest] = splitMessage(html, CAPTION_LIMIT);
  const tail = rest.length ? splitMessage(rest.join('\n')) : [];
  const { buttons, ...file } = reply;
  if (tail.length === 0) return [{ ...reply, html: caption }];
  return [
    { ...file, html: caption },
    ...tail.map((part, index) => (index === tail.length - 1 && buttons ? { html: part, buttons } : { html: part })),
  ];
}

export function presentReplies(replies: Reply[], language: Language): Reply[] {
  return replies.flatMap((reply) => presentOne(reply, language));
}

/** An edit replaces one message: guarded, kept whole. */
export function presentEdit(reply: Reply, language: Language): Reply {
  return { ...guardedButtons(reply, language), html: guardText(reply.html, language) };
}

/** A tap's pop-up answer (shown as a message when nothing else answers the tap). */
export function presentNotice(text: string, language: Language): string {
  return guardText(text, language);
}

// The last step before anything is sent: every text through the guard, split to Telegram's lengths (4096 for a
// message, 1024 for a file's caption) with the buttons under the last part, and a file over Telegram's size limit
// replaced by one plain sentence.
import type { Language } from '../scenarios/director.ts';
import { guardText } from './guard.ts';
import { FILE_TOO_BIG } from './messages.ts';
import { CAPTION_LIMIT, DOCUMENT_BYTES_LIMIT, PHOTO_BYTES_LIMIT, type Reply } from './reply.ts';
import { splitMessage } from './split.ts';

const fileFits = (reply: Reply): boolean =>
  !reply.attachment ||
  reply.attachment.data.byteLength <= (reply.attachment.kind === 'photo' ? PHOTO_BYTES_LIMIT : DOCUMENT_BYTES_LIMIT);

function presentOne(reply: Reply, language: Language): Reply[] {
  if (!fileFits(reply)) return [{ html: FILE_TOO_BIG[language] }];
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

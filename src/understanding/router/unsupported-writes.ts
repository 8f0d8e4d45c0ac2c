// A change the assistant cannot make («конвертируй лид в сделку», «объедини контакты», «удали контакт»): said
// plainly, with what it can change instead, never taken for a view or met with the introduction.

import { letters } from '../../letters.ts';
import type { Intent } from '../understanding.ts';
import type { Message } from './text.ts';

const E = '(?![\\p{L}])';
const neverRe = letters(
  new RegExp(
    `^(?:с?конвертируй|конвертировать|преобразуй|объедини|объединить|слей|склей|архивируй|заархивируй|переименуй|восстанови|дублируй|продублируй|скопируй|уволь|выстави|convert|merge|archive|rename|restore|duplicate)${E}|^(?:удали|удалить|убери|delete|remove)\\s+(?:контакт\\p{L}*|компани\\p{L}*|лид\\p{L}*|клиент\\p{L}*|(?:the\\s+)?(?:contact|company|lead))${E}|^(?:передай|передать|переназначь|reassign)\\s+(?:сделк\\p{L}*|лид\\p{L}*|клиент\\p{L}*|контакт\\p{L}*)${E}`,
    'u',
  ),
);

/** The plain «I cannot change that» for a change no write covers; undefined for anything else. */
export function unsupportedWrite(message: Message): Intent | undefined {
  return neverRe.test(message.light) ? { kind: 'cannotDo', what: 'change' } : undefined;
}

// The nearest question to a message not understood: the message with one word left out, when the rest is a
// question the assistant answers. It is offered, never answered: «Не понял «опоздал». Показать «…»?»

import { letters } from '../../letters.ts';
import type { Intent } from '../understanding.ts';

const FOUR_LETTERS = letters(/\p{L}{4}/u);

// Longer messages are not guessed at: too many ways to read what is left.
const MOST_WORDS = 8;
// Left out, these turn the question round («кого нет» is not «нет»): never the word not understood.
const KEPT =
  /^(?:кто|кого|кому|кем|где|куда|когда|что|чего|чем|как|почему|сколько|не|нет|ни|без|who|where|when|what|how|why|not|no|without)$/iu;

/** The view the message asks for without one of its words, with that word as not understood; or undefined. */
export function nearestQuestion(text: string, read: (text: string) => Intent): Intent | undefined {
  const words = text.trim().split(/\s+/u);
  if (words.length < 2 || words.length > MOST_WORDS) return undefined;
  for (let left = 0; left < words.length; left += 1) {
    const said = words[left]!.replace(/^[,.;:!?«"“(]+|[,.;:!?»"”)]+$/gu, '');
    // A small word («от», «на», «у») holds the rest together: left out, the rest reads as something else.
    if (!FOUR_LETTERS.test(said) || KEPT.test(said)) continue;
    const intent = read(words.filter((_, at) => at !== left).join(' '));
    if (intent.kind === 'view' && !intent.unapplied?.length && !guessedName(intent.request))
      return { ...intent, unapplied: [said] };
  }
  return undefined;
}

/** A guess is not built on a word in lower case read as a person's or a client's name («избавься»). */
function guessedName(request: object): boolean {
  return Object.entries(request).some(([key, value]) =>
    typeof value === 'object' && value !== null
      ? guessedName(value)
      : ['person', 'client', 'query', 'name'].includes(key) && typeof value === 'string' && /^\p{Ll}/u.test(value),
  );
}

// Each word of a new task's or deal's title goes to its slot: «для Кристалла», «из Гранита» name the client the
// record is bound to (the question shows it), a colleague's name at the start («Марии сделать рассылку») is
// the person responsible. Such words leave the title; the names are found by the one matcher.

import { letters } from '../../../letters.ts';
import { matchesName, wordsOf } from '../../matcher.ts';
import type { NameDirectory } from '../../names.ts';
import type { Mention } from './links.ts';

const ONE_WORD = letters(/^\p{L}+$/u);

// The small words that tie a client to the work: «для», «из», «от», «у» (not «в», «с», «по»: «позвонить в
// Ромашку», «встреча с Гранитом» say what is done).
const TIES = new Set(['для', 'из', 'от', 'у', 'for', 'from']);

/** The title without the phrase naming a client it is bound to; the title as said when nothing else is left. */
export function withoutClientWords(title: string, mentions: Mention[]): string {
  const clients = mentions.filter((mention) => mention.kind !== 'deal' && mention.records.length > 0);
  if (clients.length === 0) return title;
  const isClients = (word: string) => clients.some((mention) => matchesName(mention.name, word));
  const tokens = title.split(/\s+/u).filter(Boolean);
  for (let index = 0; index < tokens.length; index += 1) {
    if (!TIES.has(tokens[index]!.toLowerCase())) continue;
    let taken = 0;
    // A legal form («ООО») before the name belongs to it.
    const form = (at: number) => at < tokens.length && wordsOf(tokens[at]!).length === 0;
    while (index + 1 + taken < tokens.length) {
      const at = index + 1 + taken;
      if (isClients(tokens[at]!)) taken += 1;
      else if (form(at) && at + 1 < tokens.length && isClients(tokens[at + 1]!)) taken += 2;
      else break;
    }
    if (taken === 0) continue;
    const left = [...tokens.slice(0, index), ...tokens.slice(index + 1 + taken)].join(' ').replace(/[\s,;:—–-]+$/u, '');
    return left ? left.charAt(0).toUpperCase() + left.slice(1) : title;
  }
  return title;
}

// A verb's ending: «позвонить», «сделай», «проверь» start the work, not a name.
const verbRe = /(?:ть|ти|чь|ться|тись|й|ь)$/u;

/**
 * «Марии сделать рассылку»: the first word names a colleague and more words follow: the name and the rest.
 * Undefined when the first word is not a colleague's name.
 */
export async function leadingPerson(
  names: NameDirectory,
  title: string,
): Promise<{ name: string; rest: string } | undefined> {
  const [first, ...others] = title.trim().split(/\s+/u);
  if (!first || others.length === 0 || first.length < 3 || verbRe.test(first.toLowerCase())) return undefined;
  if (!ONE_WORD.test(first)) return undefined;
  // By the name only: «Склад проверить» is not the storekeeper by her position.
  const people = (await names.findUsers(first)).filter((person) => matchesName(person.name, first));
  if (people.length === 0) return undefined;
  const rest = others.join(' ');
  return { name: first, rest: rest.charAt(0).toUpperCase() + rest.slice(1) };
}

// A department other than sales, said as the director says it: «отдела проектов», «финансового отдела», «в
// маркетинге», «у логистов», «финансистов». The words are kept as said, after «отдел», in the query's person
// slot; the scenario finds the department in the portal's own list and takes its members.

import { letters } from '../../letters.ts';
import { knownWord } from './lexicon.ts';
import { type Found, PEOPLE } from './query-parts.ts';
import { matchesOf, type Span } from './spans.ts';
import type { Message } from './text.ts';

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
// The fields a department is named after, and the people who work in them («логисты», «маркетологи»).
const FIELDS =
  'маркетинг\\p{L}*|маркетолог\\p{L}*|логистик\\p{L}*|логист(?:ы|ов|ам|ами|ах)?|бухгалтери\\p{L}*|бухгалтер(?:ы|ов|ам|ами|ах)|финансист\\p{L}*|финанс(?:ы|ов|ам|ах)|снабжени\\p{L}*|снабженц\\p{L}*|закупщик\\p{L}*|производств\\p{L}*|юрист(?:ы|ов|ам|ами|ах)';
const PATTERNS = [
  // «отдела проектов», «в отделе маркетинга»: the word after «отдел» names it.
  letters(new RegExp(`${B}(?:(?:у|в|во|по)\\s+)?отдел(?:а|е|у|ом|ы|ов|ам)?\\s+(\\p{L}{3,})${E}`, 'gu')),
  // «финансового отдела», «юридический отдел»: the word before.
  letters(new RegExp(`${B}(?:(?:у|в|во|по)\\s+)?(\\p{L}{3,}(?:ого|ый|ий|ом|ому|ым))\\s+отдел\\p{L}*${E}`, 'gu')),
  letters(new RegExp(`${B}(?:(?:у|в|во|по|of)\\s+)?(${FIELDS})${E}`, 'gu')),
  letters(
    new RegExp(
      `${B}(?:the\\s+)?(marketing|logistics|finance|accounting|legal|projects?)\\s+(?:department|team)${E}`,
      'gu',
    ),
  ),
];
// «отдела продаж» is the sales department's own words; «нашего отдела», «этого отдела» are no name.
const NOT_A_NAME = letters(
  /^(?:продаж\p{L}*|наш\p{L}*|мо\p{L}*|тво\p{L}*|эт\p{L}*|вс\p{L}*|тот|того|каждого|какой|какого|котор\p{L}*)$/u,
);

/** The department a message names, as «отдел <its words>», and where it is said; spans already read are skipped. */
export function departmentIn(message: Message, taken: readonly Span[] = []): { said: string; span: Span } | undefined {
  for (const pattern of PATTERNS)
    for (const match of matchesOf(message.light, pattern)) {
      const word = match[1]!;
      if (NOT_A_NAME.test(word) || (pattern === PATTERNS[0] && knownWord(word))) continue;
      const span = { start: match.index, end: match.index + match[0].length };
      if (taken.some((one) => span.start < one.end && one.start < span.end)) continue;
      return { said: `отдел ${word}`, span };
    }
  return undefined;
}

/** Takes a department said in the message into `found.person`. */
export function takeDepartment(message: Message, found: Found): void {
  if (found.person) return;
  const department = departmentIn(message, found.spans);
  if (!department) return;
  found.spans.push(department.span);
  found.person = department.said;
}

/** «как дела в отделе продаж», «статус отдела проектов»: the department a team view is about, sales included. */
export function teamDepartment(message: Message): { said: string; span: Span } | undefined {
  const sales = matchesOf(message.light, PEOPLE[0]!.pattern)[0];
  if (sales) return { said: 'отдел продаж', span: { start: sales.index, end: sales.index + sales[0].length } };
  return departmentIn(message);
}

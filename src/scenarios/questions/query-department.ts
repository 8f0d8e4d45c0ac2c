// A department said in words («отдел проектов», «отдел маркетинге», «отдел логистов») found in the portal's own
// list of departments: a word of its name and a word said share a stem, in any case form or as the people who
// work there («логистов» → «Отдел логистики», «финансистов» → «Финансовый отдел»).

import { letters } from '../../letters.ts';
import type { Department } from '../names.ts';

const BETWEEN_WORDS = letters(/[^\p{L}\p{N}]+/u);

/** Whether the words said name a department rather than a person («отдел …», «… department»). */
export const isDepartmentSaid = (said: string) => /^отдел\s/iu.test(said);

// English fields, to the stems of the Russian names they are said for.
const ENGLISH: Record<string, string> = {
  marketing: 'маркет',
  logistics: 'логист',
  finance: 'финанс',
  accounting: 'бухгалт',
  legal: 'юрид',
  project: 'проект',
  projects: 'проект',
};

const SERVICE = letters(/^(?:отдел\p{L}*|department|team|департамент\p{L}*|служб\p{L}*)$/u);
const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .split(BETWEEN_WORDS)
    .filter((word) => word.length >= 2 && !SERVICE.test(word))
    .map((word) => ENGLISH[word] ?? word);

function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return common >= 5 || (common >= 4 && common === Math.min(a.length, b.length));
}

/** The departments the words said name (none, one, or several that share the stem). */
export function departmentsNamed(said: string, departments: Department[]): Department[] {
  const words = wordsOf(said);
  if (!words.length) return [];
  return departments.filter((department) => {
    const own = wordsOf(department.name);
    return words.every((word) => own.some((one) => sameStem(word, one)));
  });
}

// Everyday and clipped forms of the words the assistant knows, as directors type them on a phone: «скока»,
// «покаж», «кинь», «проср», «чё». Each is read as the word it stands for, so it is never asked about and never
// taken for a name.
import { remembered } from '../../remembered.ts';

const FORMS: [RegExp, string][] = [
  [/^(?:скока|скоко|скок|скольк|сколька|сколко)$/u, 'сколько'],
  [
    /^(?:покаж|покажь|покажы|покаж[еи]те|кинь|скинь|закинь|подкинь|накидай|набросай|чекни|глянь|гляни|зацени|выдай|вывали|выкати)$/u,
    'покажи',
  ],
  [/^(?:проср|просроч|просрок|просрочен)$/u, 'просроченные'],
  [/^(?:че|чо|шо)$/u, 'что'],
  [/^(?:щас|ща|счас)$/u, 'сейчас'],
  [/^(?:седня|сення|сегодн)$/u, 'сегодня'],
  [/^(?:завтро|звтр)$/u, 'завтра'],
];

/** The word an everyday form stands for, or undefined when the word is written in full. */
export const plainWord = remembered((word: string): string | undefined => {
  const lower = word.toLocaleLowerCase('ru').replaceAll('ё', 'е');
  return FORMS.find(([form]) => form.test(lower))?.[1];
});

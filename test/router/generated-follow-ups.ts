// The generated follow-up pack: «открой третью», «подробнее про первую», «а что с третьей сделкой?» after a list,
// composed from parts (the list asked × the place × the words that open it, in the case they govern), each with the
// place it means. The pack the single questions come from cannot say a follow-up; this one says nothing else.

/** A list a director asks for, and how its item is said in each case: [nominative, accusative, prepositional,
 * instrumental, genitive]. */
export const LISTS: { question: string; item: string[]; masculine: boolean }[] = [
  { question: 'сделки', item: ['сделка', 'сделку', 'сделке', 'сделкой', 'сделки'], masculine: false },
  { question: 'мои задачи', item: ['задача', 'задачу', 'задаче', 'задачей', 'задачи'], masculine: false },
  {
    question: 'просроченные задачи команды',
    item: ['задача', 'задачу', 'задаче', 'задачей', 'задачи'],
    masculine: false,
  },
  { question: 'новые лиды', item: ['лид', 'лид', 'лиде', 'лидом', 'лида'], masculine: true },
];

type Case = 0 | 1 | 2 | 3 | 4;

// The places, by gender, in the same five cases.
const FEMININE: string[][] = [
  ['первая', 'первую', 'первой', 'первой', 'первой'],
  ['вторая', 'вторую', 'второй', 'второй', 'второй'],
  ['третья', 'третью', 'третьей', 'третьей', 'третьей'],
  ['четвёртая', 'четвёртую', 'четвёртой', 'четвёртой', 'четвёртой'],
  ['пятая', 'пятую', 'пятой', 'пятой', 'пятой'],
];
const MASCULINE: string[][] = [
  ['первый', 'первый', 'первом', 'первым', 'первого'],
  ['второй', 'второй', 'втором', 'вторым', 'второго'],
  ['третий', 'третий', 'третьем', 'третьим', 'третьего'],
  ['четвёртый', 'четвёртый', 'четвёртом', 'четвёртым', 'четвёртого'],
  ['пятый', 'пятый', 'пятом', 'пятым', 'пятого'],
];

/** The words that open an item, with the case they put the place in; {o} the place, {n} the item. */
const FRAMES: [string, Case][] = [
  ['открой {o}', 1],
  ['открой {o} {n}', 1],
  ['покажи {o}', 1],
  ['покажи {o} {n}', 1],
  ['покажи мне {o} {n}', 1],
  ['{o} открой', 1],
  ['дай {o}', 1],
  ['подробнее про {o}', 1],
  ['подробнее о {o}', 2],
  ['расскажи о {o} {n}', 2],
  ['а что с {o}?', 3],
  ['что с {o} {n}', 3],
  ['детали {o} {n}', 4],
  ['а {o}?', 0],
];

/** By number: «открой сделку номер 3», «покажи №2». */
const NUMBERED = ['открой {n} номер {k}', 'покажи №{k}', 'открой #{k}'];

export interface FollowUp {
  /** The list asked first. */
  question: string;
  text: string;
  /** The place in the list, from 0. */
  index: number;
}

/** How a director types it: as composed, capitalised, «е» for «ё», with «пожалуйста». */
const TYPINGS = [
  (text: string) => text,
  (text: string) => text.charAt(0).toUpperCase() + text.slice(1),
  (text: string) => text.replaceAll('ё', 'е'),
  (text: string) => `${text.replace(/\?$/u, '')}, пожалуйста`,
];

/** Every follow-up the parts make, each once. */
export function followUpPack(): FollowUp[] {
  const pack = new Map<string, FollowUp>();
  for (const { question, item, masculine } of LISTS) {
    for (let index = 0; index < 5; index += 1) {
      const places = (masculine ? MASCULINE : FEMININE)[index]!;
      const said = [
        ...FRAMES.map(([frame, form]) => frame.replace('{o}', places[form]!).replace('{n}', item[form]!)),
        ...NUMBERED.map((frame) => frame.replace('{n}', item[1]!).replace('{k}', String(index + 1))),
      ];
      for (const text of said.flatMap((one) => TYPINGS.map((typed) => typed(one))))
        pack.set(`${question}|${text}`, { question, text, index });
    }
  }
  return [...pack.values()];
}

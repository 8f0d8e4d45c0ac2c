// Sentences of the yes/no questions about writes: a typed «да» or «нет» with nothing to answer, and the line
// under a question saying what the portal shows against it (the person away, someone busy then).
import type { Language } from '../vocabulary/director.ts';
import type { LocalDate } from '../vocabulary/requests.ts';
import type { AbsenceReason } from '../vocabulary/view-models.ts';
import { dateInWords } from './format.ts';
import { portalText, quoted } from './lines.ts';
import type { Texts } from './messages.ts';

/** «да» with no yes/no question waiting. */
export const NOTHING_TO_CONFIRM: Texts = {
  ru: 'Сейчас нечего подтверждать: я ничего не предлагал. Напишите, что сделать или показать.',
  en: 'There is nothing to confirm right now: I have not proposed anything. Tell me what to do or show.',
};

/** «нет» with nothing waiting. */
export const NOTHING_TO_CANCEL: Texts = {
  ru: 'Хорошо, ничего не меняю.',
  en: 'All right, nothing is changed.',
};

/** «да» while a pick list waits: a yes does not say which. */
export const PICK_ABOVE: Texts = {
  ru: 'Выберите вариант кнопкой выше или напишите его.',
  en: 'Pick an option with a button above, or type it.',
};

/** «да» while a question waits for a word (what to do, which deal): the word is needed. */
export const ANSWER_ABOVE: Texts = {
  ru: 'Напишите, пожалуйста, ответ на вопрос выше.',
  en: 'Please type the answer to the question above.',
};

const AWAY_WORDS: Record<AbsenceReason, Texts> = {
  vacation: { ru: 'в отпуске', en: 'on vacation' },
  sick: { ru: 'на больничном', en: 'on sick leave' },
  trip: { ru: 'в командировке', en: 'on a business trip' },
  other: { ru: 'отсутствует', en: 'away' },
};

/** «⚠️ Екатерина Васильева в отпуске до 11 декабря.»: under a task's question, when its person is away. */
export const awayLine = (name: string, reason: AbsenceReason, until: LocalDate, language: Language): string =>
  language === 'ru'
    ? `⚠️ ${portalText(name)} ${AWAY_WORDS[reason].ru} до ${dateInWords(until, language)}.`
    : `⚠️ ${portalText(name)} is ${AWAY_WORDS[reason].en} until ${dateInWords(until, language)}.`;

/** «⚡ В это же время у вас «Презентация» (14:00–15:30).»: under a meeting's question, when someone is busy. */
export function busyLine(busy: { name?: string; title: string; from: string; to: string }, language: Language): string {
  const what = `${quoted(portalText(busy.title), language)} (${busy.from}–${busy.to})`;
  if (language === 'ru')
    return busy.name
      ? `⚡ В это же время ${what}, участник — ${portalText(busy.name)}.`
      : `⚡ В это же время у вас ${what}.`;
  return busy.name
    ? `⚡ At the same time: ${what}, attended by ${portalText(busy.name)}.`
    : `⚡ At the same time you have ${what}.`;
}

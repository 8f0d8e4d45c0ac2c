// The typed questions' fixed words and sentences, in Russian and English (the messages table's own file): the
// answer's title, its hint, and the names that did not fit.
import type { Language } from '../vocabulary/director.ts';
import type { Query } from '../vocabulary/query.ts';
import type { Texts } from './messages.ts';
import { TASKS_HINT } from './messages-tasks.ts';

export const OF_SALES_TEAM: Texts = { ru: ' отдела продаж', en: ' of the sales team' };

export const FOR_CLIENT: Texts = { ru: ' по клиенту ', en: ' for ' };

export const FOR_CLIENTS: Texts = { ru: ' по клиентам ', en: ' for ' };

/** « подразделения «Отдел проектов»»: a department's, by its name in the portal. */
export const OF_DEPARTMENT: Texts = { ru: ' подразделения ', en: ' of the department ' };

/** «сделки на 7 140 000 ₽»: one sum exactly. */
export const EXACTLY: Texts = { ru: ' на ', en: ' of ' };

/** A group of deals with no client. */
export const NO_CLIENT: Texts = { ru: 'без клиента', en: 'no client' };

/** «моя выручка», «мой средний чек», «моя конверсия»: the director's own, and the header says so. */
export const YOUR_REVENUE: Texts = { ru: 'Ваша выручка', en: 'Your revenue' };
export const YOUR_DEALS_TOTAL: Texts = { ru: 'Сумма ваших сделок', en: 'Your deals total' };
export const YOUR_AVERAGE_DEAL: Texts = { ru: 'Ваш средний чек', en: 'Your average deal' };
export const YOUR_CONVERSION: Texts = { ru: 'Ваша конверсия', en: 'Your conversion' };

export const noSuchDepartment = (name: string, language: Language): string =>
  language === 'ru' ? `Не нашёл такого отдела: ${name}.` : `I found no such department: ${name}.`;

export const ABOUT_TOPIC: Texts = { ru: ' по теме ', en: ' about ' };

export const MATCHING_WORDS: Texts = { ru: ' по запросу ', en: ' matching ' };

export const IN_PIPELINE: Texts = { ru: ' в воронке ', en: ' in pipeline ' };

export const AT_STAGE: Texts = { ru: ' на стадии ', en: ' at stage ' };

/** A lead's status, as the portal names it: «Лиды в статусе «Некачественный лид»». */
export const IN_STATUS: Texts = { ru: ' в статусе ', en: ' with status ' };

export const FROM_SOURCE: Texts = { ru: ' из источника ', en: ' from source ' };

export const FROM_SOURCES: Texts = { ru: ' из источников ', en: ' from sources ' };

export const IN_CURRENCY: Texts = { ru: ' в валюте ', en: ' in ' };

export const OF_ALL_TIME: Texts = { ru: ' за всё время', en: ' of all time' };

export const NO_DEADLINE: Texts = { ru: 'без срока', en: 'no date' };

export const ON_AVERAGE: Texts = { ru: 'в среднем ', en: 'average ' };

export const LEADS_COUNT_HINT: Texts = {
  ru: 'Могу показать сами лиды за этот период.',
  en: 'I can list the leads of this period.',
};

export const GROUPED_BY_MANAGER: Texts = { ru: ' по менеджерам', en: ' by manager' };

export const NO_DEALS_CLOSED: Texts = { ru: 'закрытых сделок нет', en: 'no deals closed' };

export const BY_PERSON: Texts = { ru: 'по сотрудникам', en: 'by person' };

export const BY_STATUS: Texts = { ru: 'по статусам', en: 'by status' };

export const NOTHING_FOUND: Texts = { ru: 'Ничего не нашлось.', en: 'Nothing found.' };

export const DEALS_WON: Texts = { ru: 'Выигранных сделок', en: 'Deals won' };

export const AVERAGE_DEAL: Texts = { ru: 'Средний чек', en: 'Average deal' };

export const PERSON_NOT_FOUND_HINT: Texts = {
  ru: 'Проверьте, как записано имя, или напишите его полностью.',
  en: 'Check the spelling, or write the full name.',
};

/** A period said only by its end: «до 1 декабря». */
export const untilDay = (day: string, language: Language): string => (language === 'ru' ? `до ${day}` : `until ${day}`);

/** Overdue tasks late by at least so many days. */
export const lateForDays = (days: number, language: Language): string =>
  language === 'ru' ? ` (просрочка больше ${days} дн.)` : ` (late by ${days}+ days)`;

export const idleForDays = (idleDays: number, language: Language): string =>
  language === 'ru' ? ` без движения от ${idleDays} дн.` : ` not moved for ${idleDays}+ days`;

export const firstOnes = (limit: number, language: Language): string =>
  language === 'ru' ? `, первые ${limit}` : `, first ${limit}`;

export const moreToShow = (counted: string, more: number, language: Language): string =>
  language === 'ru' ? `…и ещё ${counted} — напишите «ещё».` : `…and ${more} more — say “more”.`;

export const wonOfClosed = (won: number, closed: number, lost: number, language: Language): string =>
  language === 'ru'
    ? `Выиграно ${won} из ${closed} закрытых (проиграно ${lost}).`
    : `Won ${won} of ${closed} closed (lost ${lost}).`;

export const didYouMean = (name: string, language: Language): string =>
  language === 'ru' ? `Не нашёл ${name}. Может быть, вы имели в виду:` : `I found no ${name}. Did you mean:`;

export const whichColleague = (name: string, language: Language): string =>
  language === 'ru'
    ? `Под ${name} подходят несколько сотрудников — кого вы имели в виду?`
    : `Several people match ${name} — which one?`;

export const whichClient = (name: string, language: Language): string =>
  language === 'ru'
    ? `Под ${name} подходят несколько клиентов — какого вы имели в виду?`
    : `Several clients match ${name} — which one?`;

export const noSuchColleague = (name: string, language: Language): string =>
  language === 'ru' ? `Не нашёл сотрудника ${name}.` : `I found no employee ${name}.`;

export const noSuchClient = (name: string, language: Language): string =>
  language === 'ru' ? `Не нашёл клиента ${name}.` : `I found no client ${name}.`;

export const noSuchPersonOrClient = (name: string, language: Language): string =>
  language === 'ru'
    ? `Не нашёл ${name} ни среди сотрудников, ни среди клиентов.`
    : `I found ${name} neither among employees nor among clients.`;

export const noSuchStage = (name: string, language: Language): string =>
  language === 'ru' ? `Не нашёл стадию ${name}.` : `I found no stage ${name}.`;

export const noSuchPipeline = (name: string, language: Language): string =>
  language === 'ru' ? `Не нашёл воронку ${name}.` : `I found no pipeline ${name}.`;

/** A word searched in the titles, among clients and among employees, and found nowhere. */
export const noSuchTopic = (name: string, titlesOf: Texts, language: Language): string =>
  language === 'ru'
    ? `Не нашёл ${name} ни в названиях ${titlesOf.ru}, ни среди клиентов и сотрудников.`
    : `I found ${name} neither in the titles of ${titlesOf.en} nor among clients and employees.`;

export const TOPIC_NOT_FOUND_HINT: Texts = {
  ru: 'Проверьте, как записано слово, или спросите другими словами.',
  en: 'Check the spelling, or ask in other words.',
};

const CLIENT_DOSSIER_HINT: Texts = { ru: 'Могу собрать досье на клиента.', en: 'I can put together a client dossier.' };

/** A typed question's one next step, by its subject. */
export const QUERY_HINTS: Record<Query['subject'], Record<Language, string>> = {
  tasks: TASKS_HINT,
  deals: {
    ru: 'Могу показать сделку подробно или перевести её на другую стадию.',
    en: 'I can open a deal or move it to another stage.',
  },
  leads: { ru: 'Могу показать, откуда приходят лиды.', en: 'I can show where the leads come from.' },
  meetings: { ru: 'Могу подготовить к встрече или перенести её.', en: 'I can prepare you for a meeting or move it.' },
  contacts: CLIENT_DOSSIER_HINT,
  companies: CLIENT_DOSSIER_HINT,
  calls: { ru: 'Могу поставить задачу перезвонить клиенту.', en: 'I can create a task to call a client back.' },
  activities: { ru: 'Могу поставить задачу по клиенту.', en: 'I can create a task for a client.' },
};

/** The order asked for: after a count («5 самых крупных») and on its own («сначала самые крупные»). */
export const ORDER_WORDS: Record<NonNullable<Query['sort']>, { ru: [string, string]; en: [string, string] }> = {
  largest: { ru: ['самых крупных', 'сначала самые крупные'], en: ['largest', 'largest first'] },
  smallest: { ru: ['самых мелких', 'сначала самые мелкие'], en: ['smallest', 'smallest first'] },
  oldest: { ru: ['самых старых', 'сначала самые старые'], en: ['oldest', 'oldest first'] },
  newest: { ru: ['самых новых', 'сначала самые новые'], en: ['newest', 'newest first'] },
};

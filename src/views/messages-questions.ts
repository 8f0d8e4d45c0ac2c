// The questions subject's fixed words and sentences, in Russian and English (the messages table's own file).
import type { Texts } from './messages.ts';

export const OF_SALES_TEAM: Texts = {
  ru: ' отдела продаж',
  en: ' of the sales team',
};

export const FOR_CLIENT: Texts = {
  ru: ' по клиенту ',
  en: ' for ',
};

export const FOR_CLIENTS: Texts = {
  ru: ' по клиентам ',
  en: ' for ',
};

export const ABOUT_TOPIC: Texts = {
  ru: ' по теме ',
  en: ' about ',
};

export const MATCHING_WORDS: Texts = {
  ru: ' по запросу ',
  en: ' matching ',
};

export const IN_PIPELINE: Texts = {
  ru: ' в воронке ',
  en: ' in pipeline ',
};

export const AT_STAGE: Texts = {
  ru: ' на стадии ',
  en: ' at stage ',
};

export const OF_ALL_TIME: Texts = {
  ru: ' за всё время',
  en: ' of all time',
};

export const NO_DEADLINE: Texts = {
  ru: 'без срока',
  en: 'no date',
};

export const ON_AVERAGE: Texts = {
  ru: 'в среднем ',
  en: 'average ',
};

export const LEADS_COUNT_HINT: Texts = {
  ru: 'Могу показать сами лиды за этот период.',
  en: 'I can list the leads of this period.',
};

export const GROUPED_BY_MANAGER: Texts = {
  ru: ' по менеджерам',
  en: ' by manager',
};

export const NO_DEALS_CLOSED: Texts = {
  ru: 'закрытых сделок нет',
  en: 'no deals closed',
};

export const BY_MANAGER: Texts = {
  ru: 'по менеджерам',
  en: 'by manager',
};

export const BY_PERSON: Texts = {
  ru: 'по сотрудникам',
  en: 'by person',
};

export const BY_STATUS: Texts = {
  ru: 'по статусам',
  en: 'by status',
};

export const BY_STAGE: Texts = {
  ru: 'по стадиям',
  en: 'by stage',
};

export const BY_SOURCE: Texts = {
  ru: 'по источникам',
  en: 'by source',
};

export const BY_WEEK: Texts = {
  ru: 'по неделям',
  en: 'by week',
};

export const BY_MONTH: Texts = {
  ru: 'по месяцам',
  en: 'by month',
};

export const NOTHING_FOUND: Texts = {
  ru: 'Ничего не нашлось.',
  en: 'Nothing found.',
};

export const DEALS_WON: Texts = {
  ru: 'Выигранных сделок',
  en: 'Deals won',
};

export const DEALS_TOTAL: Texts = {
  ru: 'Сумма сделок',
  en: 'Deals total',
};

export const AVERAGE_DEAL: Texts = {
  ru: 'Средний чек',
  en: 'Average deal',
};

export const PERSON_NOT_FOUND_HINT: Texts = {
  ru: 'Проверьте, как записано имя, или напишите его полностью.',
  en: 'Check the spelling, or write the full name.',
};

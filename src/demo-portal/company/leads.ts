// Leads: six from the last 24 hours, four more from yesterday before that, the rest over the month.
import { SOURCES } from '../company.ts';
import type { Row } from '../filters.ts';
import { CONTACT_POSTS, FEMALE_NAMES, MALE_NAMES, SURNAMES } from './clients.ts';
import { DIRECTOR_ID } from './people.ts';
import { DAY, HOUR, type Seed, workField } from './seed.ts';

const LEAD_TITLES = [
  'Заявка с сайта: поставка оборудования',
  'Запрос коммерческого предложения',
  'Входящий звонок: внедрение CRM',
  'Заявка с выставки «Иннопром»',
  'Запрос на сервисное обслуживание',
  'Рекомендация партнёра: автоматизация склада',
  'Заявка из рекламы: видеонаблюдение',
  'Обратный звонок: аудит ИТ',
];

export function companyLeads(seed: Seed, companies: Row[], sales: number[]): Row[] {
  const companyTitles = companies.map((company) => company.TITLE as string);
  return Array.from({ length: 30 }, (_, index) => lead(seed, index, companyTitles, sales));
}

function lead(seed: Seed, index: number, companyTitles: string[], sales: number[]): Row {
  const { now, todayStart, pick, between, iso } = seed;
  const id = seed.newId('lead');
  const female = index % 2 === 1;
  const name = female ? pick(FEMALE_NAMES) : pick(MALE_NAMES);
  const surname = pick(SURNAMES);
  const lastName = female ? `${surname}а` : surname;
  const created =
    index < 6
      ? now - Math.floor(((index + 0.5) * 23 * HOUR) / 6)
      : index < 10
        ? between(Math.min(todayStart - DAY, now - DAY - HOUR), Math.min(todayStart, now - DAY - 60_000))
        : now - between(2 * 24, 30 * 24) * HOUR;
  const status = index < 6 ? 'NEW' : pick(['IN_PROCESS', 'PROCESSED', 'CONVERTED', 'JUNK', 'NEW']);
  return {
    ID: String(id),
    TITLE: `${pick(LEAD_TITLES)} (${lastName})`,
    NAME: name,
    LAST_NAME: lastName,
    SECOND_NAME: '',
    COMPANY_TITLE: pick(companyTitles),
    POST: pick(CONTACT_POSTS),
    STATUS_ID: status,
    STATUS_SEMANTIC_ID: status === 'CONVERTED' ? 'S' : status === 'JUNK' ? 'F' : 'P',
    SOURCE_ID: SOURCES[index % 9]![0],
    SOURCE_DESCRIPTION: '',
    OPPORTUNITY: `${between(5, 300) * 10_000}.00`,
    CURRENCY_ID: 'RUB',
    ASSIGNED_BY_ID: String(pick(sales)),
    CREATED_BY_ID: String(DIRECTOR_ID),
    MODIFY_BY_ID: String(DIRECTOR_ID),
    DATE_CREATE: iso(created),
    DATE_MODIFY: iso(created),
    DATE_CLOSED: '',
    OPENED: 'Y',
    IS_RETURN_CUSTOMER: 'N',
    HAS_PHONE: 'Y',
    HAS_EMAIL: 'N',
    PHONE: [
      workField(seed, 'PHONE', `+7 9${between(10, 99)} ${between(100, 999)}-${between(10, 99)}-${between(10, 99)}`),
    ],
  };
}

// The company's clients: client companies and their contact people.
import { SOURCES } from '../company.ts';
import type { Row } from '../filters.ts';
import { DIRECTOR_ID, latin } from './people.ts';
import { DAY, type Seed, workField } from './seed.ts';

// [legal form, name, industry]
const COMPANIES: [string, string, string][] = [
  ['ООО', 'Ромашка', 'Оптовая торговля'],
  ['АО', 'СеверСталь Логистика', 'Логистика'],
  ['ООО', 'Техносфера', 'ИТ-услуги'],
  ['ООО', 'СтройИнвест', 'Строительство'],
  ['ПАО', 'Уральские Машины', 'Машиностроение'],
  ['ООО', 'Альфа-Трейд', 'Оптовая торговля'],
  ['ООО', 'Гранит', 'Производство'],
  ['АО', 'Балтийская Энергетика', 'Энергетика'],
  ['ООО', 'Медиа Групп', 'Медиа'],
  ['ООО', 'ВолгаАгро', 'Сельское хозяйство'],
  ['ООО', 'Северный Ветер', 'Туризм'],
  ['ООО', 'ТрансКарго', 'Логистика'],
  ['АО', 'Сибирский Хлеб', 'Пищевое производство'],
  ['ООО', 'Кристалл', 'Производство'],
  ['ООО', 'Домострой', 'Строительство'],
  ['ООО', 'ФармаЛайн', 'Фармацевтика'],
  ['ООО', 'ЭкоПродукт', 'Пищевое производство'],
  ['ООО', 'Орион', 'ИТ-услуги'],
  ['АО', 'Камская Сталь', 'Металлургия'],
  ['ООО', 'Меридиан', 'Консалтинг'],
  ['ООО', 'Полимер-Пласт', 'Производство'],
  ['ООО', 'Атлант', 'Строительство'],
  ['ООО', 'Лидер Авто', 'Автомобили'],
  ['ООО', 'Невские Берега', 'Девелопмент'],
  ['ООО', 'Профиль Плюс', 'Оптовая торговля'],
  ['АО', 'Дальневосточный Порт', 'Логистика'],
  ['ООО', 'Здоровье', 'Медицина'],
  ['ООО', 'Сфера Обучения', 'Образование'],
  ['ООО', 'Глобус', 'Розничная торговля'],
  ['ООО', 'ИнфоСофт', 'ИТ-услуги'],
  ['ООО', 'Теплодом', 'Строительство'],
  ['ООО', 'Астра Фуд', 'Общепит'],
  ['АО', 'Ладога Рыба', 'Пищевое производство'],
  ['ООО', 'Форвард', 'Консалтинг'],
  ['ООО', 'Электросила', 'Энергетика'],
  ['ООО', 'Верный Курс', 'Финансы'],
  ['ООО', 'Снежинка', 'Розничная торговля'],
  ['ООО', 'Мегаполис Девелопмент', 'Девелопмент'],
  ['ООО', 'Зелёная Долина', 'Сельское хозяйство'],
  ['ИП', 'Кравцов А. Н.', 'Розничная торговля'],
];

export const MALE_NAMES = [
  'Пётр',
  'Иван',
  'Олег',
  'Владимир',
  'Константин',
  'Евгений',
  'Григорий',
  'Антон',
  'Василий',
  'Борис',
];
export const FEMALE_NAMES = [
  'Марина',
  'Светлана',
  'Ольга',
  'Вера',
  'Алина',
  'Дарья',
  'Галина',
  'Полина',
  'Евгения',
  'Лариса',
];
export const SURNAMES = [
  'Иванов',
  'Петров',
  'Сидоров',
  'Кравцов',
  'Белов',
  'Тарасов',
  'Комаров',
  'Медведев',
  'Жуков',
  'Фролов',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Поляков',
  'Титов',
  'Мельников',
  'Щербаков',
  'Баранов',
  'Королёв',
  'Карпов',
];
export const CONTACT_POSTS = [
  'Коммерческий директор',
  'Генеральный директор',
  'Директор по закупкам',
  'Главный инженер',
  'Финансовый директор',
  'Руководитель ИТ-отдела',
  'Менеджер по закупкам',
  'Директор по развитию',
  'Главный бухгалтер',
  'Начальник склада',
];

const ADDRESSES = [
  'Москва, ул. Тверская, 12',
  'Санкт-Петербург, Невский пр., 88',
  'Екатеринбург, ул. Ленина, 5',
  'Казань, ул. Баумана, 41',
  'Новосибирск, Красный пр., 30',
  'Владивосток, ул. Светланская, 9',
];

/** Client companies, each assigned to one of the sales people. */
export function clientCompanies(seed: Seed, sales: number[]): Row[] {
  const { todayStart, between, pick, iso } = seed;
  return COMPANIES.map(([form, name, industry], index) => {
    const id = seed.newId('company');
    const domain = latin(name.split(' ')[0]!).replace(/[^a-z]/g, '') || `client${id}`;
    const created = todayStart - between(60, 900) * DAY;
    return {
      ID: String(id),
      TITLE: form === 'ИП' ? `ИП ${name}` : `${form} «${name}»`,
      COMPANY_TYPE: index % 7 === 6 ? 'PARTNER' : 'CUSTOMER',
      INDUSTRY: industry,
      EMPLOYEES: pick(['EMPLOYEES_1', 'EMPLOYEES_2', 'EMPLOYEES_3', 'EMPLOYEES_4']),
      REVENUE: String(between(5, 900) * 1_000_000),
      CURRENCY_ID: 'RUB',
      ADDRESS: pick(ADDRESSES),
      ASSIGNED_BY_ID: String(pick(sales)),
      CREATED_BY_ID: String(DIRECTOR_ID),
      MODIFY_BY_ID: String(DIRECTOR_ID),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(created + between(1, 50) * DAY),
      OPENED: 'Y',
      COMMENTS: '',
      HAS_PHONE: 'Y',
      HAS_EMAIL: 'Y',
      PHONE: [workField(seed, 'PHONE', `+7 495 ${between(200, 999)}-${between(10, 99)}-${between(10, 99)}`)],
      EMAIL: [workField(seed, 'EMAIL', `info@${domain}.ru`)],
    };
  });
}

/** The clients' people: 80 of the companies' own (and `extra` more), then the two asked for by name. */
export function clientContacts(seed: Seed, companies: Row[], sales: number[], extra: number): Row[] {
  const contacts: Row[] = [];
  for (let index = 0; index < 80 + extra; index++) contacts.push(generatedContact(seed, index, companies, sales));
  for (const person of NAMED_CONTACTS) contacts.push(namedContact(seed, person));
  return contacts;
}

function generatedContact(seed: Seed, index: number, companies: Row[], sales: number[]): Row {
  const { todayStart, between, pick, rnd } = seed;
  const id = seed.newId('contact');
  const female = index % 3 === 2;
  // The first contact is the well-known «Иванов Пётр» of ООО «Ромашка».
  const name = index === 0 ? 'Пётр' : female ? pick(FEMALE_NAMES) : pick(MALE_NAMES);
  const surname = index === 0 ? 'Иванов' : pick(SURNAMES);
  const lastName = female ? (surname.endsWith('ий') ? `${surname.slice(0, -2)}ая` : `${surname}а`) : surname;
  const companyId = index === 0 ? 1 : (index % companies.length) + 1;
  const created = todayStart - between(20, 700) * DAY;
  return contactRow(seed, id, {
    name,
    lastName,
    post: index === 0 ? 'Коммерческий директор' : pick(CONTACT_POSTS),
    companyId: index < 80 || rnd() < 0.5 ? String(companyId) : null,
    source: pick(SOURCES)[0],
    assigned: pick(sales),
    created,
    modified: created + between(0, 20) * DAY,
    phone: `+7 9${between(10, 99)} ${between(100, 999)}-${between(10, 99)}-${between(10, 99)}`,
    email: `${latin(name)[0]}.${latin(lastName)}${id}@mail.ru`,
  });
}

// Two people directors ask for by name: «телефон Ромашкина» (of ООО «Ромашка»), «почта Северовой».
const NAMED_CONTACTS = [
  ['Олег', 'Ромашкин', 'Директор по закупкам', 1, '+7 916 555-12-34', 'o.romashkin@romashka.ru'],
  ['Анна', 'Северова', 'Главный бухгалтер', 3, '+7 903 555-43-21', 'a.severova@technosfera.ru'],
] as const;

function namedContact(seed: Seed, [name, lastName, post, companyId, phone, email]: (typeof NAMED_CONTACTS)[number]) {
  const created = seed.todayStart - 120 * DAY;
  return contactRow(seed, seed.newId('contact'), {
    name,
    lastName,
    post,
    companyId: String(companyId),
    source: 'CALL',
    assigned: DIRECTOR_ID,
    created,
    modified: created,
    phone,
    email,
  });
}

interface ContactPlan {
  name: string;
  lastName: string;
  post: string;
  companyId: string | null;
  source: string;
  assigned: number;
  created: number;
  modified: number;
  phone: string;
  email: string;
}

const contactRow = (seed: Seed, id: number, plan: ContactPlan): Row => ({
  ID: String(id),
  NAME: plan.name,
  LAST_NAME: plan.lastName,
  SECOND_NAME: '',
  POST: plan.post,
  COMPANY_ID: plan.companyId,
  TYPE_ID: 'CLIENT',
  SOURCE_ID: plan.source,
  ASSIGNED_BY_ID: String(plan.assigned),
  CREATED_BY_ID: String(DIRECTOR_ID),
  MODIFY_BY_ID: String(DIRECTOR_ID),
  DATE_CREATE: seed.iso(plan.created),
  DATE_MODIFY: seed.iso(plan.modified),
  OPENED: 'Y',
  EXPORT: 'Y',
  COMMENTS: '',
  HAS_PHONE: 'Y',
  HAS_EMAIL: 'Y',
  PHONE: [workField(seed, 'PHONE', plan.phone)],
  EMAIL: [workField(seed, 'EMAIL', plan.email)],
});

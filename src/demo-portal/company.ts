// The demo company «Вектор Плюс»: people, clients, deals, tasks and a calendar, generated from a seed and
// placed relative to `now` in the director's time zone, so every view has something true to say on any day.
import { DateTime } from 'luxon';
import { calendarText, formattedText, isoIn, startOfDayIn } from './dates.ts';
import type { Row } from './filters.ts';
import { addSalesHistory } from './sales-history.ts';

export interface Pipeline {
  id: number;
  name: string;
  sort: number;
  /** Departments whose people may read all of this pipeline's deals; others see only their own. Absent: all. */
  readers?: number[];
}

export interface StageDefinition {
  statusId: string;
  name: string;
  sort: number;
  semantics: 'process' | 'success' | 'failure';
}

export interface DemoData {
  /** The portal's (and the director's) zone. */
  timeZone: string;
  /** The webhook's user: the director. */
  directorId: number;
  /** Portal administrators: they see every deal (see rights.ts). */
  administrators: number[];
  /** People with no CRM role at all: every crm.* call of theirs is refused (see rights.ts). */
  withoutCrm: number[];
  departments: Row[];
  /** `user.get` rows: UPPER_CASE, `ACTIVE` boolean, `UF_DEPARTMENT` numbers. */
  users: Row[];
  /** `timeman.status` answers by user id. */
  workdays: Map<number, Row>;
  pipelines: Pipeline[];
  /** `crm.status.list` rows: deal stages of every pipeline, sources, lead statuses. */
  statuses: Row[];
  deals: Row[];
  leads: Row[];
  contacts: Row[];
  companies: Row[];
  activities: Row[];
  /** `crm.stagehistory.list` rows for deals (entityTypeId 2). */
  stageHistory: Row[];
  comments: Row[];
  /** `tasks.task.*` items: camelCase. */
  tasks: Row[];
  /** `calendar.event.*` rows. */
  events: Row[];
  /** The last id given out per kind, so writes continue the sequence. */
  lastIds: Record<string, number>;
}

export interface CompanyOptions {
  now: Date;
  timeZone: string;
  size?: { deals?: number; tasks?: number; contacts?: number };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The company's own deals; `size.deals` adds generated ones after them. */
export const COMPANY_DEALS = 120;

// The same seed every time: the same `now` gives the same company.
const SEED = 20261125;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DEPARTMENTS: [number, string, number | null, number][] = [
  [1, 'ООО «Вектор Плюс»', null, 1],
  [2, 'Отдел продаж', 1, 2],
  [3, 'Отдел проектов', 1, 8],
  [4, 'Финансовый отдел', 1, 13],
  [5, 'Отдел логистики', 1, 16],
  [6, 'Отдел маркетинга', 1, 21],
];

// [name, last name, second name, position, department, zone ('' = never set), gender, active]
const PEOPLE: [string, string, string, string, number, string | null, 'M' | 'F', boolean][] = [
  ['Алексей', 'Смирнов', 'Викторович', 'Генеральный директор', 1, null, 'M', true],
  ['Ольга', 'Кузнецова', 'Андреевна', 'Руководитель отдела продаж', 2, 'Europe/Moscow', 'F', true],
  ['Дмитрий', 'Попов', 'Сергеевич', 'Менеджер по продажам', 2, 'Europe/Moscow', 'M', true],
  ['Екатерина', 'Васильева', 'Игоревна', 'Менеджер по продажам', 2, 'Europe/Moscow', 'F', true],
  ['Игорь', 'Соколов', 'Павлович', 'Менеджер по работе с ключевыми клиентами', 2, 'Europe/Moscow', 'M', true],
  ['Анна', 'Морозова', 'Олеговна', 'Менеджер по продажам', 2, '', 'F', true],
  ['Сергей', 'Новиков', 'Николаевич', 'Менеджер по продажам', 2, 'Europe/Moscow', 'M', false],
  ['Михаил', 'Фёдоров', 'Александрович', 'Руководитель отдела проектов', 3, 'Europe/Moscow', 'M', true],
  ['Наталья', 'Волкова', 'Дмитриевна', 'Руководитель проектов', 3, 'Europe/Moscow', 'F', true],
  ['Павел', 'Лебедев', 'Юрьевич', 'Инженер-проектировщик', 3, 'Europe/Moscow', 'M', true],
  ['Татьяна', 'Козлова', 'Владимировна', 'Руководитель проектов', 3, 'Asia/Yekaterinburg', 'F', true],
  ['Андрей', 'Егоров', 'Михайлович', 'Инженер по внедрению', 3, 'Europe/Moscow', 'M', true],
  ['Елена', 'Павлова', 'Сергеевна', 'Финансовый директор', 4, 'Europe/Moscow', 'F', true],
  ['Ирина', 'Семёнова', 'Петровна', 'Главный бухгалтер', 4, 'Europe/Moscow', 'F', true],
  ['Юлия', 'Голубева', 'Андреевна', 'Бухгалтер', 4, 'Europe/Moscow', 'F', true],
  ['Виктор', 'Степанов', 'Геннадьевич', 'Руководитель отдела логистики', 5, 'Asia/Vladivostok', 'M', true],
  ['Роман', 'Орлов', 'Евгеньевич', 'Логист', 5, 'Europe/Moscow', 'M', true],
  ['Максим', 'Андреев', 'Ильич', 'Специалист по закупкам', 5, 'Europe/Moscow', 'M', true],
  ['Светлана', 'Макарова', 'Викторовна', 'Заведующая складом', 5, 'Europe/Moscow', 'F', true],
  ['Николай', 'Захаров', 'Иванович', 'Водитель-экспедитор', 5, 'Europe/Moscow', 'M', true],
  ['Мария', 'Зайцева', 'Алексеевна', 'Руководитель отдела маркетинга', 6, 'Europe/Moscow', 'F', true],
  ['Денис', 'Соловьёв', 'Романович', 'Интернет-маркетолог', 6, 'Europe/Moscow', 'M', true],
  ['Ксения', 'Борисова', 'Андреевна', 'Контент-менеджер', 6, 'Europe/Moscow', 'F', true],
  ['Артём', 'Яковлев', 'Денисович', 'Менеджер по продажам', 2, 'Europe/Moscow', 'M', true],
  ['Людмила', 'Григорьева', 'Борисовна', 'Офис-менеджер', 1, 'Europe/Moscow', 'F', true],
];

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
const latin = (text: string) => [...text.toLowerCase()].map((c) => LATIN[c] ?? c).join('');

// [legal form, name]
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

const MALE_NAMES = [
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
const FEMALE_NAMES = ['Марина', 'Светлана', 'Ольга', 'Вера', 'Алина', 'Дарья', 'Галина', 'Полина', 'Евгения', 'Лариса'];
const SURNAMES = [
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
const CONTACT_POSTS = [
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

const DEAL_TITLES = [
  'Поставка оборудования для {c}',
  'Внедрение CRM в {c}',
  'Годовое сервисное обслуживание {c}',
  'Поставка серверов для {c}',
  'Модернизация склада {c}',
  'Разработка корпоративного портала для {c}',
  'Аудит ИТ-инфраструктуры {c}',
  'Поставка расходных материалов для {c}',
  'Монтаж системы видеонаблюдения в {c}',
  'Обучение персонала {c}',
  'Автоматизация учёта в {c}',
  'Поставка сетевого оборудования для {c}',
];

const TASK_TITLES = [
  'Подготовить коммерческое предложение для {c}',
  'Согласовать договор с {c}',
  'Проверить оплату счёта от {c}',
  'Созвониться с клиентом ({p}) о продлении договора',
  'Подготовить отчёт по продажам за месяц',
  'Утвердить бюджет отдела маркетинга',
  'Провести собеседование на должность менеджера по продажам',
  'Согласовать график отпусков',
  'Отправить акт сверки в {c}',
  'Подготовить доверенность на представителя клиента ({p})',
  'Разобрать просроченную дебиторскую задолженность',
  'Обновить прайс-лист на декабрь',
  'Подготовить презентацию для совета директоров',
  'Проверить отгрузку для {c}',
  'Согласовать смету проекта {c}',
  'Провести планёрку с отделом проектов',
  'Ответить на претензию {c}',
  'Продлить аренду офиса',
];

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

const PIPELINES: Pipeline[] = [
  { id: 0, name: 'Продажи', sort: 100 },
  // Tenders run on bank guarantees: only finance (department 4), the administrator and each deal's own
  // responsible person see them, as on a portal with CRM roles.
  { id: 1, name: 'Тендеры и госзакупки', sort: 200, readers: [4] },
];

const STAGES: Record<number, StageDefinition[]> = {
  0: [
    { statusId: 'NEW', name: 'Новая', sort: 10, semantics: 'process' },
    { statusId: 'PREPARATION', name: 'Подготовка документов', sort: 20, semantics: 'process' },
    { statusId: 'PREPAYMENT_INVOICE', name: 'Счёт на предоплату', sort: 30, semantics: 'process' },
    { statusId: 'EXECUTING', name: 'В работе', sort: 40, semantics: 'process' },
    { statusId: 'FINAL_INVOICE', name: 'Финальный счёт', sort: 50, semantics: 'process' },
    { statusId: 'WON', name: 'Сделка успешна', sort: 60, semantics: 'success' },
    { statusId: 'LOSE', name: 'Сделка провалена', sort: 70, semantics: 'failure' },
    { statusId: 'APOLOGY', name: 'Анализ причины провала', sort: 80, semantics: 'failure' },
  ],
  1: [
    { statusId: 'C1:NEW', name: 'Новая заявка', sort: 10, semantics: 'process' },
    { statusId: 'C1:PREPARATION', name: 'Подготовка заявки', sort: 20, semantics: 'process' },
    { statusId: 'C1:UC_7KQ2TM', name: 'Участие в торгах', sort: 30, semantics: 'process' },
    { statusId: 'C1:EXECUTING', name: 'Исполнение контракта', sort: 40, semantics: 'process' },
    { statusId: 'C1:WON', name: 'Контракт исполнен', sort: 50, semantics: 'success' },
    { statusId: 'C1:LOSE', name: 'Торги проиграны', sort: 60, semantics: 'failure' },
  ],
};

const SOURCES: [string, string][] = [
  ['CALL', 'Звонок'],
  ['EMAIL', 'Электронная почта'],
  ['WEB', 'Веб-сайт'],
  ['ADVERTISING', 'Реклама'],
  ['PARTNER', 'Существующий клиент'],
  ['RECOMMENDATION', 'По рекомендации'],
  ['TRADE_SHOW', 'Выставка'],
  ['WEBFORM', 'CRM-форма'],
  ['CALLBACK', 'Обратный звонок'],
  ['OTHER', 'Другое'],
];

const LEAD_STATUSES: [string, string, 'process' | 'success' | 'failure'][] = [
  ['NEW', 'Не обработан', 'process'],
  ['IN_PROCESS', 'В работе', 'process'],
  ['PROCESSED', 'Обработан', 'process'],
  ['CONVERTED', 'Качественный лид', 'success'],
  ['JUNK', 'Некачественный лид', 'failure'],
];

export const stagesOf = (categoryId: number): StageDefinition[] => STAGES[categoryId] ?? [];

export function stageById(statusId: string): (StageDefinition & { categoryId: number }) | undefined {
  for (const pipeline of PIPELINES) {
    const stage = stagesOf(pipeline.id).find((candidate) => candidate.statusId === statusId);
    if (stage) return { ...stage, categoryId: pipeline.id };
  }
  return undefined;
}

export const semanticLetter = (semantics: StageDefinition['semantics']) =>
  semantics === 'success' ? 'S' : semantics === 'failure' ? 'F' : 'P';

/** The next id of a kind (deal, task, event …): the seed and the writes share one sequence per kind. */
export function nextId(data: Pick<DemoData, 'lastIds'>, kind: string): number {
  data.lastIds[kind] = (data.lastIds[kind] ?? 0) + 1;
  return data.lastIds[kind];
}

/** A person's own zone; one who never set it lives in the portal's. */
export function zoneOfUser(data: Pick<DemoData, 'users' | 'timeZone'>, userId: number): string {
  const zone = data.users.find((user) => user.ID === String(userId))?.TIME_ZONE;
  return typeof zone === 'string' && zone !== '' ? zone : data.timeZone;
}

/** A user as a task shows its creator and responsible person. */
export const taskPerson = (user: Row): Row => ({
  id: String(user.ID),
  name: `${user.NAME} ${user.LAST_NAME}`,
  link: `/company/personal/user/${user.ID}/`,
  icon: '/bitrix/images/tasks/default_avatar.png',
  workPosition: user.WORK_POSITION,
});

/** One row of a deal's stage history: `type` 1 created, 2 moved on, 3 closed. */
export function addStageHistory(
  data: Pick<DemoData, 'stageHistory' | 'lastIds'>,
  deal: Row,
  stage: StageDefinition,
  type: 1 | 2 | 3,
  at: string,
): void {
  data.stageHistory.push({
    ID: String(nextId(data, 'stageHistory')),
    TYPE_ID: String(type),
    OWNER_ID: deal.ID,
    CREATED_TIME: at,
    CATEGORY_ID: deal.CATEGORY_ID,
    STAGE_SEMANTIC_ID: semanticLetter(stage.semantics),
    STAGE_ID: stage.statusId,
  });
}

function statusRows(): Row[] {
  const rows: Row[] = [];
  let id = 0;
  const add = (entity: string, statusId: string, name: string, sort: number, semantics: string, category?: number) => {
    id += 1;
    const letter = semantics === 'success' ? 'S' : semantics === 'failure' ? 'F' : null;
    const color = letter === 'S' ? '#7BD500' : letter === 'F' ? '#FF5752' : '#39A8EF';
    rows.push({
      ID: String(id),
      ENTITY_ID: entity,
      STATUS_ID: statusId,
      NAME: name,
      NAME_INIT: name,
      SORT: String(sort),
      SYSTEM: /^(C\d+:)?UC_/.test(statusId) ? 'N' : 'Y',
      // The default pipeline's stages carry no pipeline id (null), as crm.status.list documents.
      CATEGORY_ID: category === undefined || category === 0 ? null : String(category),
      COLOR: color,
      SEMANTICS: letter,
      EXTRA: { SEMANTICS: semantics, COLOR: color },
    });
  };
  for (const pipeline of PIPELINES) {
    const entity = pipeline.id === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${pipeline.id}`;
    for (const stage of stagesOf(pipeline.id))
      add(entity, stage.statusId, stage.name, stage.sort, stage.semantics, pipeline.id);
  }
  for (const [index, [code, name]] of SOURCES.entries()) add('SOURCE', code, name, (index + 1) * 10, 'process');
  for (const [index, [code, name, semantics]] of LEAD_STATUSES.entries()) {
    add('STATUS', code, name, (index + 1) * 10, semantics);
  }
  return rows;
}

export function generateCompany(options: CompanyOptions): DemoData {
  const zone = options.timeZone;
  // The first person is the director, the webhook's user by default.
  const directorId = 1;
  const rnd = random(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (from: number, to: number) => Math.floor(from + rnd() * Math.max(0, to - from));
  const now = options.now.getTime();
  const local = DateTime.fromMillis(now, { zone });
  const todayStart = local.startOf('day').toMillis();
  const tomorrowStart = local.startOf('day').plus({ days: 1 }).toMillis();
  const weekStart = local.startOf('week').toMillis();
  /** A wall-clock time `days` from today in the director's zone. */
  const at = (days: number, hour: number, minute = 0, where = zone) =>
    DateTime.fromMillis(now, { zone }).setZone(where).startOf('day').plus({ days }).set({ hour, minute }).toMillis();
  const iso = (ms: number) => isoIn(ms, zone);
  const lastIds: Record<string, number> = {};
  const newId = (kind: string) => nextId({ lastIds }, kind);

  // People ----------------------------------------------------------------------------------------------------
  const departments: Row[] = DEPARTMENTS.map(([id, name, parent, head]) => {
    const row: Row = { ID: String(id), NAME: name, SORT: String(id * 100), UF_HEAD: String(head) };
    if (parent !== null) row.PARENT = String(parent);
    return row;
  });
  const users: Row[] = PEOPLE.map(([name, lastName, secondName, position, department, userZone, gender, active], i) => {
    const id = i + 1;
    const timeZone = id === directorId ? zone : (userZone ?? zone);
    const offset = DateTime.fromMillis(now, { zone: timeZone || zone }).offset * 60;
    return {
      ID: String(id),
      XML_ID: String(10_000 + id),
      ACTIVE: active,
      NAME: name,
      LAST_NAME: lastName,
      SECOND_NAME: secondName,
      EMAIL: `${latin(name)[0]}.${latin(lastName)}@vector-plus.ru`,
      LAST_LOGIN: active ? iso(now - between(1, 40) * HOUR) : iso(now - 60 * DAY),
      DATE_REGISTER: iso(todayStart - (400 + id * 37) * DAY),
      IS_ONLINE: active && rnd() < 0.6 ? 'Y' : 'N',
      TIME_ZONE: timeZone,
      TIME_ZONE_OFFSET: String(timeZone === '' ? 0 : offset),
      PERSONAL_GENDER: gender,
      PERSONAL_MOBILE: `+7 9${String(10 + id).padStart(2, '0')} ${String(100 + id * 7).slice(-3)}-${String(10 + id).slice(-2)}-${String(40 + id).slice(-2)}`,
      PERSONAL_CITY:
        timeZone === 'Asia/Vladivostok' ? 'Владивосток' : timeZone === 'Asia/Yekaterinburg' ? 'Екатеринбург' : 'Москва',
      WORK_PHONE: `+7 495 120-45-${String(10 + id)}`,
      WORK_POSITION: position,
      WORK_COMPANY: 'ООО «Вектор Плюс»',
      UF_DEPARTMENT: [department],
      UF_EMPLOYMENT_DATE: iso(todayStart - (400 + id * 37) * DAY),
      USER_TYPE: 'employee',
    };
  });
  const activeUsers = users.filter((user) => user.ACTIVE === true).map((user) => Number(user.ID));
  const inDepartment = (department: number) =>
    users
      .filter((user) => (user.UF_DEPARTMENT as number[]).includes(department) && user.ACTIVE === true)
      .map((user) => Number(user.ID));
  const sales = inDepartment(2);
  const zoneOf = (id: number) => zoneOfUser({ users, timeZone: zone }, id);

  const workdays = new Map<number, Row>();
  const dayPlan: Record<number, 'OPENED' | 'PAUSED' | 'CLOSED' | 'EXPIRED'> = {
    7: 'CLOSED',
    10: 'PAUSED',
    12: 'EXPIRED',
    17: 'PAUSED',
    20: 'CLOSED',
  };
  const duration = (ms: number) => {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
  };
  for (const user of users) {
    const id = Number(user.ID);
    const userZone = zoneOf(id);
    const plan = dayPlan[id] ?? 'OPENED';
    // Each person's own day: Vladivostok has gone home while Moscow is at lunch.
    const weekday = DateTime.fromMillis(now, { zone: userZone }).weekday;
    const back = weekday === 1 ? 3 : weekday === 7 ? 2 : 1;
    const day = (offset: number) => ({
      start: at(offset, 9, (id * 7) % 40, userZone),
      finish: at(offset, 18, (id * 11) % 50, userZone),
    });
    const today = day(0);
    const previous = day(-back);
    const closed = (worked: { start: number; finish: number }): Row => ({
      STATUS: 'CLOSED',
      TIME_START: isoIn(worked.start, userZone),
      TIME_FINISH: isoIn(worked.finish, userZone),
      DURATION: duration(worked.finish - worked.start - HOUR),
      TIME_LEAKS: '01:00:00',
    });
    let row: Row;
    if (plan === 'EXPIRED') {
      row = {
        STATUS: 'EXPIRED',
        TIME_START: isoIn(previous.start, userZone),
        TIME_FINISH: null,
        DURATION: '00:00:00',
        TIME_LEAKS: '00:00:00',
        TIME_FINISH_DEFAULT: isoIn(previous.finish, userZone),
      };
    } else if (plan === 'CLOSED' || weekday > 5 || now < today.start) {
      row = closed(previous);
    } else if (now >= today.finish) {
      row = closed(today);
    } else {
      row = {
        STATUS: plan,
        TIME_START: isoIn(today.start, userZone),
        TIME_FINISH: null,
        // The portal counts the duration only once the day is closed.
        DURATION: '00:00:00',
        TIME_LEAKS: plan === 'PAUSED' ? '00:25:00' : '00:00:00',
      };
    }
    workdays.set(id, {
      ...row,
      // ACTIVE is "confirmed by the manager", not "at work".
      ACTIVE: true,
      IP_OPEN: '10.0.0.15',
      IP_CLOSE: row.TIME_FINISH ? '10.0.0.15' : null,
      LAT_OPEN: 0,
      LON_OPEN: 0,
      LAT_CLOSE: 0,
      LON_CLOSE: 0,
      TZ_OFFSET: DateTime.fromMillis(now, { zone: userZone }).offset * 60,
    });
  }

  // Clients ---------------------------------------------------------------------------------------------------
  const companies: Row[] = [];
  const companyTitles: string[] = [];
  COMPANIES.forEach(([form, name, industry], index) => {
    const id = newId('company');
    const title = form === 'ИП' ? `ИП ${name}` : `${form} «${name}»`;
    companyTitles.push(title);
    const domain = latin(name.split(' ')[0]!).replace(/[^a-z]/g, '') || `client${id}`;
    const created = todayStart - between(60, 900) * DAY;
    companies.push({
      ID: String(id),
      TITLE: title,
      COMPANY_TYPE: index % 7 === 6 ? 'PARTNER' : 'CUSTOMER',
      INDUSTRY: industry,
      EMPLOYEES: pick(['EMPLOYEES_1', 'EMPLOYEES_2', 'EMPLOYEES_3', 'EMPLOYEES_4']),
      REVENUE: String(between(5, 900) * 1_000_000),
      CURRENCY_ID: 'RUB',
      ADDRESS: pick([
        'Москва, ул. Тверская, 12',
        'Санкт-Петербург, Невский пр., 88',
        'Екатеринбург, ул. Ленина, 5',
        'Казань, ул. Баумана, 41',
        'Новосибирск, Красный пр., 30',
        'Владивосток, ул. Светланская, 9',
      ]),
      ASSIGNED_BY_ID: String(pick(sales)),
      CREATED_BY_ID: String(directorId),
      MODIFY_BY_ID: String(directorId),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(created + between(1, 50) * DAY),
      OPENED: 'Y',
      COMMENTS: '',
      HAS_PHONE: 'Y',
      HAS_EMAIL: 'Y',
      PHONE: [
        {
          ID: String(newId('multifield')),
          VALUE_TYPE: 'WORK',
          VALUE: `+7 495 ${between(200, 999)}-${between(10, 99)}-${between(10, 99)}`,
          TYPE_ID: 'PHONE',
        },
      ],
      EMAIL: [{ ID: String(newId('multifield')), VALUE_TYPE: 'WORK', VALUE: `info@${domain}.ru`, TYPE_ID: 'EMAIL' }],
    });
  });

  const contacts: Row[] = [];
  const contactCount = 80 + (options.size?.contacts ?? 0);
  for (let index = 0; index < contactCount; index++) {
    const id = newId('contact');
    const female = index % 3 === 2;
    // The first contact is the well-known «Иванов Пётр» of ООО «Ромашка».
    const name = index === 0 ? 'Пётр' : female ? pick(FEMALE_NAMES) : pick(MALE_NAMES);
    const surname = index === 0 ? 'Иванов' : pick(SURNAMES);
    const lastName = female ? (surname.endsWith('ий') ? `${surname.slice(0, -2)}ая` : `${surname}а`) : surname;
    const companyId = index === 0 ? 1 : (index % companies.length) + 1;
    const created = todayStart - between(20, 700) * DAY;
    contacts.push({
      ID: String(id),
      NAME: name,
      LAST_NAME: lastName,
      SECOND_NAME: '',
      POST: index === 0 ? 'Коммерческий директор' : pick(CONTACT_POSTS),
      COMPANY_ID: index < 80 || rnd() < 0.5 ? String(companyId) : null,
      TYPE_ID: 'CLIENT',
      SOURCE_ID: pick(SOURCES)[0],
      ASSIGNED_BY_ID: String(pick(sales)),
      CREATED_BY_ID: String(directorId),
      MODIFY_BY_ID: String(directorId),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(created + between(0, 20) * DAY),
      OPENED: 'Y',
      EXPORT: 'Y',
      COMMENTS: '',
      HAS_PHONE: 'Y',
      HAS_EMAIL: 'Y',
      PHONE: [
        {
          ID: String(newId('multifield')),
          VALUE_TYPE: 'WORK',
          VALUE: `+7 9${between(10, 99)} ${between(100, 999)}-${between(10, 99)}-${between(10, 99)}`,
          TYPE_ID: 'PHONE',
        },
      ],
      EMAIL: [
        {
          ID: String(newId('multifield')),
          VALUE_TYPE: 'WORK',
          VALUE: `${latin(name)[0]}.${latin(lastName)}${id}@mail.ru`,
          TYPE_ID: 'EMAIL',
        },
      ],
    });
  }

  // Two people directors ask for by name: «телефон Ромашкина» (of ООО «Ромашка»), «почта Северовой».
  for (const [name, lastName, post, companyId, phone, email] of [
    ['Олег', 'Ромашкин', 'Директор по закупкам', 1, '+7 916 555-12-34', 'o.romashkin@romashka.ru'],
    ['Анна', 'Северова', 'Главный бухгалтер', 3, '+7 903 555-43-21', 'a.severova@technosfera.ru'],
  ] as const) {
    const created = todayStart - 120 * DAY;
    contacts.push({
      ID: String(newId('contact')),
      NAME: name,
      LAST_NAME: lastName,
      SECOND_NAME: '',
      POST: post,
      COMPANY_ID: String(companyId),
      TYPE_ID: 'CLIENT',
      SOURCE_ID: 'CALL',
      ASSIGNED_BY_ID: String(directorId),
      CREATED_BY_ID: String(directorId),
      MODIFY_BY_ID: String(directorId),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(created),
      OPENED: 'Y',
      EXPORT: 'Y',
      COMMENTS: '',
      HAS_PHONE: 'Y',
      HAS_EMAIL: 'Y',
      PHONE: [{ ID: String(newId('multifield')), VALUE_TYPE: 'WORK', VALUE: phone, TYPE_ID: 'PHONE' }],
      EMAIL: [{ ID: String(newId('multifield')), VALUE_TYPE: 'WORK', VALUE: email, TYPE_ID: 'EMAIL' }],
    });
  }

  // Deals with their stage history and activities ------------------------------------------------------------------
  const deals: Row[] = [];
  const stageHistory: Row[] = [];
  const activities: Row[] = [];
  const addHistory = (deal: Row, stage: StageDefinition, at: number, type: 1 | 2 | 3) =>
    addStageHistory({ stageHistory, lastIds }, deal, stage, type, iso(at));
  const SUBJECTS: Record<number, string[]> = {
    1: ['Встреча: презентация решения', 'Встреча: обсуждение условий договора', 'Встреча на объекте'],
    2: ['Звонок: обсуждение условий поставки', 'Звонок: уточнить сроки оплаты', 'Звонок: согласование спецификации'],
    4: ['Письмо: коммерческое предложение', 'Письмо: договор на согласование', 'Письмо: счёт на оплату'],
  };
  const addActivity = (
    ownerType: number,
    ownerId: string,
    responsible: string,
    created: number,
    completed: boolean,
  ) => {
    const type = pick([1, 2, 2, 4, 4]);
    const start = completed ? created : Math.max(created, now) + between(2, 96) * HOUR;
    activities.push({
      ID: String(newId('activity')),
      OWNER_TYPE_ID: String(ownerType),
      OWNER_ID: ownerId,
      TYPE_ID: String(type),
      PROVIDER_ID: type === 4 ? 'CRM_EMAIL' : type === 2 ? 'VOXIMPLANT_CALL' : 'CRM_MEETING',
      PROVIDER_TYPE_ID: type === 4 ? 'EMAIL' : type === 2 ? 'CALL' : 'MEETING',
      SUBJECT: pick(SUBJECTS[type]!),
      DESCRIPTION: '',
      START_TIME: iso(start),
      END_TIME: iso(start + (type === 1 ? HOUR : 15 * 60_000)),
      DEADLINE: iso(start + (type === 1 ? HOUR : 15 * 60_000)),
      COMPLETED: completed ? 'Y' : 'N',
      STATUS: completed ? '2' : '1',
      RESPONSIBLE_ID: responsible,
      AUTHOR_ID: responsible,
      EDITOR_ID: responsible,
      PRIORITY: '2',
      DIRECTION: type === 1 ? '0' : pick(['1', '2']),
      CREATED: iso(created),
      LAST_UPDATED: iso(completed ? start : created),
    });
    return created;
  };

  // Which open deals are stuck is chosen, not left to chance: the views must have something to flag.
  const DIRECTOR_STUCK: Record<number, { moved: number; edited?: number }> = {
    0: { moved: 16 },
    6: { moved: 23, edited: 2 },
    12: { moved: 31 },
  };
  const OTHER_STUCK: Record<number, { moved: number; edited?: number }> = { 7: { moved: 19 }, 13: { moved: 45 } };
  const WON_THIS_WEEK = new Set([3, 27, 30, 51]);
  const LOST_THIS_WEEK = new Set([9, 45]);
  const MOVED_TODAY = new Set([1, 19, 24, 38]);
  const ROMASHKA_SUPPLY = 24;
  // A live deal of the director that has not moved for 20 days but was called lately: active, not stuck.
  const CALLED_LATELY = 18;
  const dealCount = COMPANY_DEALS + (options.size?.deals ?? 0);
  for (let index = 0; index < dealCount; index++) {
    const extra = index >= COMPANY_DEALS;
    const id = newId('deal');
    const categoryId = index % 4 === 3 ? 1 : 0;
    const stages = stagesOf(categoryId);
    const process = stages.filter((stage) => stage.semantics === 'process');
    // The director's supply deal with ООО «Ромашка» moved today: today's meeting is about it.
    const romashka = index === ROMASHKA_SUPPLY;
    const companyIndex = romashka ? 0 : Math.floor(rnd() * companies.length);
    const company = companies[companyIndex]!;
    const contact = contacts[companyIndex] ?? contacts[0]!;
    const director = index % 6 === 0;
    const assigned = director ? directorId : index % 17 === 5 ? 7 : pick(sales);
    const created = extra ? now - between(1, 700) * DAY : now - between(20, 120) * DAY;
    let stage: StageDefinition;
    let moved: number;
    let edited: number | undefined;
    const stuck = director ? DIRECTOR_STUCK[index] : OTHER_STUCK[index];
    if (WON_THIS_WEEK.has(index) || LOST_THIS_WEEK.has(index)) {
      stage = stages.find((s) => s.semantics === (WON_THIS_WEEK.has(index) ? 'success' : 'failure'))!;
      moved = between(weekStart, now);
    } else if (MOVED_TODAY.has(index)) {
      stage = process[Math.min(process.length - 1, 1 + (index % (process.length - 1)))]!;
      moved = between(todayStart, now);
    } else if (index === CALLED_LATELY) {
      stage = process[2]!;
      moved = now - 20 * DAY;
    } else if (stuck) {
      stage = process[1 + (index % (process.length - 1))]!;
      moved = now - stuck.moved * DAY - between(1, 10) * HOUR;
      edited = stuck.edited === undefined ? undefined : now - stuck.edited * DAY;
    } else {
      const roll = rnd();
      if (roll < 0.62 || extra) {
        stage = pick(process);
        // Live deals moved recently; stuck ones are only those chosen above.
        moved = now - between(1, 12 * 24) * HOUR;
      } else if (roll < 0.84) {
        stage = stages.find((s) => s.semantics === 'success')!;
        moved = now - between(8, 60) * DAY;
      } else {
        stage = stages.find((s) => s.semantics === 'failure')!;
        moved = now - between(8, 60) * DAY;
      }
    }
    moved = Math.max(moved, created + HOUR);
    const closed = stage.semantics !== 'process';
    const amount = between(12, 900) * 10_000 + (rnd() < 0.5 ? 0 : 5_000);
    const title = (romashka ? DEAL_TITLES[0]! : pick(DEAL_TITLES)).replace('{c}', company.TITLE as string);
    const deal: Row = {
      ID: String(id),
      TITLE: title,
      TYPE_ID: 'SALE',
      STAGE_ID: stage.statusId,
      PROBABILITY: null,
      CURRENCY_ID: 'RUB',
      OPPORTUNITY: `${amount}.00`,
      IS_MANUAL_OPPORTUNITY: 'N',
      TAX_VALUE: '0.00',
      LEAD_ID: null,
      COMPANY_ID: company.ID,
      CONTACT_ID: contact.ID,
      QUOTE_ID: null,
      BEGINDATE: iso(startOfDayIn(created, zone)),
      CLOSEDATE: iso(startOfDayIn(closed ? moved : created + 60 * DAY, zone)),
      ASSIGNED_BY_ID: String(assigned),
      CREATED_BY_ID: String(assigned),
      MODIFY_BY_ID: String(assigned),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(Math.max(moved, edited ?? 0)),
      OPENED: 'Y',
      CLOSED: closed ? 'Y' : 'N',
      COMMENTS: '',
      ADDITIONAL_INFO: null,
      LOCATION_ID: null,
      CATEGORY_ID: String(categoryId),
      STAGE_SEMANTIC_ID: semanticLetter(stage.semantics),
      IS_NEW: 'N',
      IS_RECURRING: 'N',
      IS_RETURN_CUSTOMER: 'N',
      IS_REPEATED_APPROACH: 'N',
      SOURCE_ID: pick(SOURCES)[0],
      SOURCE_DESCRIPTION: '',
      ORIGINATOR_ID: null,
      ORIGIN_ID: null,
      MOVED_BY_ID: String(assigned),
      MOVED_TIME: iso(moved),
      LAST_ACTIVITY_TIME: iso(created),
      LAST_ACTIVITY_BY: String(assigned),
    };
    deals.push(deal);
    // History: created at the first stage, then step by step to where it stands now.
    addHistory(deal, stages[0]!, created, 1);
    if (extra) {
      if (stage !== stages[0]) addHistory(deal, stage, moved, closed ? 3 : 2);
      continue;
    }
    // A won deal went through every stage; a lost one dropped out somewhere on the way.
    const path =
      stage.semantics === 'success'
        ? [...process.slice(1), stage]
        : closed
          ? [...process.slice(1, 1 + Math.floor(rnd() * process.length)), stage]
          : process.slice(1, process.indexOf(stage) + 1);
    path.forEach((step, position) => {
      const time =
        position === path.length - 1 ? moved : created + ((moved - created) * (position + 1)) / (path.length + 1);
      addHistory(deal, step, Math.floor(time), step.semantics === 'process' ? 2 : 3);
    });
    // Activities: stuck deals have none in their last 14 days, live ones have recent ones and a planned next step.
    const quietSince = stuck ? moved : now;
    let last = created;
    const count = 1 + Math.floor(rnd() * 3);
    for (let n = 0; n < count; n++)
      last = Math.max(
        last,
        addActivity(
          2,
          deal.ID as string,
          deal.ASSIGNED_BY_ID as string,
          between(created, stuck ? quietSince : moved),
          true,
        ),
      );
    if (!closed && !stuck)
      last = Math.max(
        last,
        addActivity(
          2,
          deal.ID as string,
          deal.ASSIGNED_BY_ID as string,
          between(Math.max(created, now - 5 * DAY), now),
          rnd() < 0.5,
        ),
      );
    deal.LAST_ACTIVITY_TIME = iso(last);
  }
  for (const contact of contacts.slice(0, 30))
    addActivity(3, contact.ID as string, contact.ASSIGNED_BY_ID as string, now - between(1, 30) * DAY, true);
  for (const company of companies.slice(0, 15))
    addActivity(4, company.ID as string, company.ASSIGNED_BY_ID as string, now - between(1, 30) * DAY, true);

  // Leads: six from the last 24 hours, four more from yesterday before that, the rest over the month ---------------------------
  const leads: Row[] = [];
  for (let index = 0; index < 30; index++) {
    const id = newId('lead');
    const female = index % 2 === 1;
    const name = female ? pick(FEMALE_NAMES) : pick(MALE_NAMES);
    const surname = pick(SURNAMES);
    const created =
      index < 6
        ? now - Math.floor(((index + 0.5) * 23 * HOUR) / 6)
        : index < 10
          ? between(Math.min(todayStart - DAY, now - DAY - HOUR), Math.min(todayStart, now - DAY - 60_000))
          : now - between(2 * 24, 30 * 24) * HOUR;
    const status = index < 6 ? 'NEW' : pick(['IN_PROCESS', 'PROCESSED', 'CONVERTED', 'JUNK', 'NEW']);
    leads.push({
      ID: String(id),
      TITLE: `${pick(LEAD_TITLES)} (${female ? `${surname}а` : surname})`,
      NAME: name,
      LAST_NAME: female ? `${surname}а` : surname,
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
      CREATED_BY_ID: String(directorId),
      MODIFY_BY_ID: String(directorId),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(created),
      DATE_CLOSED: '',
      OPENED: 'Y',
      IS_RETURN_CUSTOMER: 'N',
      HAS_PHONE: 'Y',
      HAS_EMAIL: 'N',
      PHONE: [
        {
          ID: String(newId('multifield')),
          VALUE_TYPE: 'WORK',
          VALUE: `+7 9${between(10, 99)} ${between(100, 999)}-${between(10, 99)}-${between(10, 99)}`,
          TYPE_ID: 'PHONE',
        },
      ],
    });
  }

  // Tasks ------------------------------------------------------------------------------------------------------------
  const tasks: Row[] = [];
  const person = (id: number) => taskPerson(users[id - 1]!);
  const addTask = (
    responsible: number,
    plan: { deadline?: number | null; status: number; closed?: number; title?: string },
  ) => {
    const id = newId('task');
    const company = pick(companies);
    const contact = pick(contacts);
    const title =
      plan.title ??
      pick(TASK_TITLES)
        .replace('{c}', company.TITLE as string)
        .replace('{p}', `${contact.NAME} ${contact.LAST_NAME}`);
    const creator =
      responsible === directorId ? pick([directorId, directorId, 2, 13]) : pick([directorId, responsible, 2, 8]);
    const created = Math.min(plan.closed ?? now, plan.deadline ?? now, now) - between(2, 20) * DAY;
    const deal = deals[Math.floor(rnd() * COMPANY_DEALS)]!;
    const task: Row = {
      id: String(id),
      parentId: null,
      title,
      description: '',
      mark: null,
      priority: rnd() < 0.2 ? '2' : '1',
      multitask: 'N',
      notViewed: 'N',
      replicate: 'N',
      stageId: '0',
      createdBy: String(creator),
      createdDate: iso(created),
      responsibleId: String(responsible),
      changedBy: String(responsible),
      changedDate: iso(plan.closed ?? created + DAY),
      statusChangedBy: String(responsible),
      closedBy: plan.closed ? String(responsible) : null,
      closedDate: plan.closed ? iso(plan.closed) : null,
      activityDate: iso(plan.closed ?? created + DAY),
      dateStart: null,
      deadline: plan.deadline ? iso(plan.deadline) : null,
      startDatePlan: null,
      endDatePlan: null,
      groupId: '0',
      status: String(plan.status),
      subStatus: String(plan.status),
      favorite: 'N',
      allowChangeDeadline: 'Y',
      taskControl: 'N',
      // Bound to the client its title names, as a task set from the client's card is; some to a deal too.
      ufCrmTask: [
        ...companies.filter((one) => title.includes(String(one.TITLE))).map((one) => `CO_${one.ID}`),
        ...contacts.filter((one) => title.includes(`${one.NAME} ${one.LAST_NAME}`)).map((one) => `C_${one.ID}`),
        ...(rnd() < 0.3 ? [`D_${deal.ID}`] : []),
      ],
      accomplices: [],
      auditors: [],
      creator: person(creator),
      responsible: person(responsible),
    };
    tasks.push(task);
    return task;
  };
  const open = () => pick([2, 2, 3, 3, 1]);
  // The director's own list: overdue, due today (one at 18:00), tomorrow, later, done today and this week.
  for (const days of [1, 2, 3, 5, 8, 12])
    addTask(directorId, { deadline: at(-days, pick([10, 12, 15, 18])), status: open() });
  for (const hour of [12, 15, 18, 20])
    addTask(directorId, { deadline: at(0, hour, hour === 20 ? 30 : 0), status: open() });
  addTask(directorId, {
    deadline: at(0, 18),
    status: 3,
    title: 'Подписать договор с ООО «Ромашка» на поставку оборудования',
  });
  for (const hour of [11, 17, 19]) addTask(directorId, { deadline: at(1, hour), status: open() });
  for (const days of [2, 3, 5, 7, 9, 14])
    addTask(directorId, { deadline: at(days, pick([11, 14, 17])), status: open() });
  addTask(directorId, { deadline: null, status: 2 });
  addTask(directorId, { deadline: null, status: 3 });
  addTask(directorId, { deadline: at(4, 12), status: 6 });
  for (let n = 0; n < 3; n++) addTask(directorId, { deadline: at(0, 19), status: 5, closed: between(todayStart, now) });
  for (let n = 0; n < 4; n++)
    addTask(directorId, {
      deadline: at(1, 12),
      status: 5,
      closed: between(weekStart, Math.max(weekStart + 1, Math.min(todayStart, now))),
    });
  for (let n = 0; n < 3; n++)
    addTask(directorId, { deadline: at(-9, 12), status: 5, closed: between(weekStart - 7 * DAY, weekStart) });
  // The team: everyone active has some work, a few fall behind.
  const team = activeUsers.filter((id) => id !== directorId);
  const teamTasks = 150 - tasks.length + (options.size?.tasks ?? 0);
  for (let n = 0; n < teamTasks; n++) {
    const responsible = team[n % team.length]!;
    const roll = rnd();
    if (roll < 0.15) addTask(responsible, { deadline: now - between(2, 240) * HOUR, status: open() });
    else if (roll < 0.3)
      addTask(responsible, { deadline: between(Math.max(todayStart, now), tomorrowStart), status: open() });
    else if (roll < 0.6) addTask(responsible, { deadline: now + between(1, 20) * DAY, status: open() });
    else if (roll < 0.7) addTask(responsible, { deadline: null, status: open() });
    else if (roll < 0.8)
      addTask(responsible, { deadline: now - between(0, 5) * DAY, status: 5, closed: between(todayStart, now) });
    else
      addTask(responsible, {
        deadline: now - between(1, 10) * DAY,
        status: 5,
        closed: now - between(1, 14 * 24) * HOUR,
      });
  }

  // Calendar: the director's week, with two meetings that clash today ---------------------------------------------
  const events: Row[] = [];
  const addEvent = (plan: {
    owner?: number;
    name: string;
    day: number;
    from: [number, number];
    minutes: number;
    attendees?: number[];
    location?: string;
    description?: string;
    allDay?: boolean;
    importance?: string;
  }) => {
    const owner = plan.owner ?? directorId;
    const eventZone = zoneOf(owner);
    const start = plan.allDay ? at(plan.day, 0, 0, eventZone) : at(plan.day, plan.from[0], plan.from[1], eventZone);
    const end = plan.allDay ? start : start + plan.minutes * 60_000;
    return addCalendarEvent(
      { events, lastIds },
      {
        owner,
        name: plan.name,
        start,
        end,
        zone: eventZone,
        allDay: plan.allDay ?? false,
        attendees: plan.attendees ?? [],
        location: plan.location ?? '',
        description: plan.description ?? '',
        importance: plan.importance ?? 'normal',
        created: now - between(1, 10) * DAY,
      },
    );
  };
  addEvent({
    name: 'Планёрка отдела продаж',
    day: 0,
    from: [9, 30],
    minutes: 30,
    attendees: [2, 3, 4, 5, 24],
    location: 'Переговорная 1',
  });
  addEvent({
    name: 'Встреча с ООО «Ромашка»: условия поставки',
    day: 0,
    from: [11, 0],
    minutes: 90,
    attendees: [5],
    location: 'Переговорная 2',
    description: 'Обсудить график поставок и скидку за объём. Контакт: Пётр Иванов.',
    importance: 'high',
  });
  addEvent({
    name: 'Созвон с АО «СеверСталь Логистика»',
    day: 0,
    from: [12, 0],
    minutes: 60,
    attendees: [16],
    location: 'Онлайн',
  });
  addEvent({
    name: 'Бюджет на декабрь с финансовым отделом',
    day: 0,
    from: [15, 0],
    minutes: 60,
    attendees: [13, 14],
    location: 'Кабинет директора',
  });
  addEvent({ name: 'Звонок инвестору', day: 0, from: [17, 30], minutes: 30 });
  addEvent({
    name: 'Совещание руководителей отделов',
    day: 1,
    from: [10, 0],
    minutes: 60,
    attendees: [2, 8, 13, 16, 21],
    location: 'Большая переговорная',
  });
  addEvent({
    name: 'Презентация для ПАО «Уральские Машины»',
    day: 1,
    from: [14, 0],
    minutes: 90,
    attendees: [2, 9],
    location: 'Офис клиента, ул. Ленина, 5',
  });
  addEvent({
    name: 'Обед с партнёрами из «Техносферы»',
    day: 1,
    from: [13, 0],
    minutes: 60,
    location: 'Ресторан «Пушкин»',
  });
  addEvent({
    name: 'Выставка «Иннопром»',
    day: 2,
    from: [0, 0],
    minutes: 0,
    allDay: true,
    location: 'Екатеринбург-Экспо',
  });
  addEvent({ name: 'Разбор воронки продаж', day: 3, from: [11, 0], minutes: 60, attendees: [2, 5, 24] });
  addEvent({ name: 'Собеседование: менеджер по продажам', day: 3, from: [16, 0], minutes: 45, attendees: [2] });
  addEvent({
    name: 'Встреча с банком по кредитной линии',
    day: 4,
    from: [10, 30],
    minutes: 60,
    attendees: [13],
    location: 'Сбербанк, Кутузовский пр., 32',
  });
  addEvent({
    name: 'Планёрка отдела продаж',
    day: -1,
    from: [9, 30],
    minutes: 30,
    attendees: [2, 3, 4, 5, 24],
    location: 'Переговорная 1',
  });
  addEvent({
    name: 'Переговоры с ООО «Гранит»',
    day: -1,
    from: [14, 0],
    minutes: 60,
    attendees: [3],
    location: 'Переговорная 2',
  });
  addEvent({ name: 'Отчёт отдела проектов', day: -2, from: [11, 0], minutes: 60, attendees: [8, 9, 11] });
  addEvent({
    name: 'Стратегическая сессия',
    day: 7,
    from: [10, 0],
    minutes: 180,
    attendees: [2, 8, 13, 16, 21],
    location: 'Большая переговорная',
  });
  addEvent({
    owner: 16,
    name: 'Приёмка груза в порту',
    day: 0,
    from: [10, 0],
    minutes: 120,
    location: 'Владивосток, морской порт',
  });
  addEvent({ owner: 2, name: 'Встреча с клиентом «Альфа-Трейд»', day: 0, from: [16, 0], minutes: 60, attendees: [4] });

  const data: DemoData = {
    timeZone: zone,
    directorId,
    // The director created the portal: its administrator, who sees everything.
    administrators: [directorId],
    // The driver has no CRM role: what `b24 check` reports when a webhook is made by such a person.
    withoutCrm: [20],
    departments,
    users,
    workdays,
    pipelines: PIPELINES.map((pipeline) => ({ ...pipeline })),
    statuses: statusRows(),
    deals,
    leads,
    contacts,
    companies,
    activities,
    stageHistory,
    comments: [],
    tasks,
    events,
    lastIds,
  };
  addSalesHistory(data, { now: options.now, timeZone: zone });
  return data;
}

export interface EventPlan {
  owner: number;
  name: string;
  start: number;
  end: number;
  zone: string;
  allDay: boolean;
  attendees: number[];
  location: string;
  description: string;
  importance: string;
  created: number;
}

/** Adds a calendar event in the portal's own shape; used by the seed and by `calendar.event.add`. */
export function addCalendarEvent(data: Pick<DemoData, 'events' | 'lastIds'>, plan: EventPlan): Row {
  const id = nextId(data, 'event');
  const offset = (ms: number) => String(DateTime.fromMillis(ms, { zone: plan.zone }).offset * 60);
  const people =
    plan.attendees.includes(plan.owner) || plan.attendees.length === 0
      ? plan.attendees
      : [plan.owner, ...plan.attendees];
  const event: Row = {
    ID: String(id),
    PARENT_ID: String(id),
    DELETED: 'N',
    CAL_TYPE: 'user',
    OWNER_ID: String(plan.owner),
    SECTION_ID: String(plan.owner),
    NAME: plan.name,
    DESCRIPTION: plan.description,
    LOCATION: plan.location,
    DATE_FROM: calendarText(plan.start, plan.zone, !plan.allDay),
    DATE_TO: calendarText(plan.end, plan.zone, !plan.allDay),
    TZ_FROM: plan.zone,
    TZ_TO: plan.zone,
    TZ_OFFSET_FROM: offset(plan.start),
    TZ_OFFSET_TO: offset(plan.end),
    DATE_FROM_TS_UTC: String(Math.floor(plan.start / 1000)),
    DATE_TO_TS_UTC: String(Math.floor((plan.allDay ? plan.end + DAY : plan.end) / 1000)),
    DT_SKIP_TIME: plan.allDay ? 'Y' : 'N',
    DT_LENGTH: plan.allDay ? 86_400 : Math.round((plan.end - plan.start) / 1000),
    TIMESTAMP_X: calendarText(plan.created, plan.zone),
    DATE_CREATE: calendarText(plan.created, plan.zone),
    CREATED_BY: String(plan.owner),
    IS_MEETING: people.length > 0,
    MEETING_STATUS: 'H',
    MEETING_HOST: String(plan.owner),
    MEETING:
      people.length > 0
        ? { HOST_NAME: '', NOTIFY: true, REINVITE: false, ALLOW_INVITE: false, HIDE_GUESTS: false }
        : null,
    ATTENDEE_LIST: people.map((attendee, index) => ({
      id: attendee,
      entryId: String(attendee === plan.owner ? id : id * 100 + index),
      status: attendee === plan.owner ? 'H' : index % 4 === 3 ? 'Q' : 'Y',
    })),
    ACCESSIBILITY: 'busy',
    IMPORTANCE: plan.importance,
    PRIVATE_EVENT: '',
    RRULE: '',
    EXDATE: '',
    COLOR: '#9dcf00',
    TEXT_COLOR: '',
    REMIND: [{ type: 'min', count: 15 }],
    // The rest of the documented fields (calendar.event.get), as an event without sync or recurrence has them.
    ORIGINAL_DATE_FROM: null,
    EVENT_TYPE: null,
    DAV_XML_ID: `${id}@demo.bitrix24`,
    G_EVENT_ID: '',
    DAV_EXCH_LABEL: '',
    CAL_DAV_LABEL: '',
    VERSION: '1',
    ATTENDEES_CODES: (people.length > 0 ? people : [plan.owner]).map((person) => `U${person}`),
    RECURRENCE_ID: null,
    RELATIONS: [],
    SYNC_STATUS: null,
    UF_CRM_CAL_EVENT: false,
    UF_WEBDAV_CAL_EVENT: false,
    SECTION_DAV_XML_ID: null,
    DATE_FROM_FORMATTED: formattedText(plan.start, plan.zone),
    DATE_TO_FORMATTED: formattedText(plan.end, plan.zone),
    SECT_ID: String(plan.owner),
    COLLAB_ID: null,
    attendeesEntityList: (people.length > 0 ? people : [plan.owner]).map((person) => ({
      entityId: 'user',
      id: person,
    })),
  };
  data.events.push(event);
  return event;
}

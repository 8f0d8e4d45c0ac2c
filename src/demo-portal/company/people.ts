// The company's own people: departments, employees and how each one's workday stands right now.
import { DateTime } from 'luxon';
import { zoneOfUser } from '../company.ts';
import { isoIn } from '../dates.ts';
import type { Row } from '../filters.ts';
import { DAY, HOUR, type Seed } from './seed.ts';

/** The first person is the director, the webhook's user by default. */
export const DIRECTOR_ID = 1;

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
export const latin = (text: string) => [...text.toLowerCase()].map((c) => LATIN[c] ?? c).join('');

export const departmentRows = (): Row[] =>
  DEPARTMENTS.map(([id, name, parent, head]) => {
    const row: Row = { ID: String(id), NAME: name, SORT: String(id * 100), UF_HEAD: String(head) };
    if (parent !== null) row.PARENT = String(parent);
    return row;
  });

/** `user.get` rows of the people above; the director lives in the portal's zone. */
export function employees(seed: Seed): Row[] {
  const { zone, now, todayStart, between, rnd, iso } = seed;
  return PEOPLE.map(([name, lastName, secondName, position, department, userZone, gender, active], i) => {
    const id = i + 1;
    const timeZone = id === DIRECTOR_ID ? zone : (userZone ?? zone);
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
}

/** Ids of the active people, of one department or of all. */
export const activePeople = (users: Row[], department?: number): number[] =>
  users
    .filter(
      (user) =>
        user.ACTIVE === true && (department === undefined || (user.UF_DEPARTMENT as number[]).includes(department)),
    )
    .map((user) => Number(user.ID));

// Some people's day is not simply open: a closed day, a pause, one left open overnight.
// Екатерина Васильева is on vacation and Ирина Семёнова on sick leave (calendar.ts): neither opens her day.
const DAY_PLAN: Record<number, 'OPENED' | 'PAUSED' | 'CLOSED' | 'EXPIRED'> = {
  4: 'CLOSED',
  7: 'CLOSED',
  14: 'CLOSED',
  10: 'PAUSED',
  12: 'EXPIRED',
  17: 'PAUSED',
  20: 'CLOSED',
};

const duration = (ms: number) => {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
};

/** `timeman.status` answers by user id. */
export function workdays(seed: Seed, users: Row[]): Map<number, Row> {
  const days = new Map<number, Row>();
  for (const user of users) {
    const id = Number(user.ID);
    const userZone = zoneOfUser({ users, timeZone: seed.zone }, id);
    const row = workdayStatus(seed, id, userZone);
    days.set(id, {
      ...row,
      // ACTIVE is "confirmed by the manager", not "at work".
      ACTIVE: true,
      IP_OPEN: '10.0.0.15',
      IP_CLOSE: row.TIME_FINISH ? '10.0.0.15' : null,
      LAT_OPEN: 0,
      LON_OPEN: 0,
      LAT_CLOSE: 0,
      LON_CLOSE: 0,
      TZ_OFFSET: DateTime.fromMillis(seed.now, { zone: userZone }).offset * 60,
    });
  }
  return days;
}

function workdayStatus(seed: Seed, id: number, userZone: string): Row {
  const { now, at } = seed;
  const plan = DAY_PLAN[id] ?? 'OPENED';
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
  if (plan === 'EXPIRED')
    return {
      STATUS: 'EXPIRED',
      TIME_START: isoIn(previous.start, userZone),
      TIME_FINISH: null,
      DURATION: '00:00:00',
      TIME_LEAKS: '00:00:00',
      TIME_FINISH_DEFAULT: isoIn(previous.finish, userZone),
    };
  if (plan === 'CLOSED' || weekday > 5 || now < today.start) return closed(previous);
  if (now >= today.finish) return closed(today);
  return {
    STATUS: plan,
    TIME_START: isoIn(today.start, userZone),
    TIME_FINISH: null,
    // The portal counts the duration only once the day is closed.
    DURATION: '00:00:00',
    TIME_LEAKS: plan === 'PAUSED' ? '00:25:00' : '00:00:00',
  };
}

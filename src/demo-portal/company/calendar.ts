// The calendar: the director's week, with two meetings that clash today, and two of other people's days.
import { addCalendarEvent, type DemoData, zoneOfUser } from '../company.ts';
import type { Row } from '../filters.ts';
import { DIRECTOR_ID } from './people.ts';
import { DAY, type Seed } from './seed.ts';

/** Days from today; the start in the owner's zone ('' for a whole day); whose calendar: the director's unless said. */
type Meeting = [
  days: number,
  start: string,
  minutes: number,
  name: string,
  attendees: number[],
  location: string,
  more?: { owner?: number; description?: string; importance?: string },
];

const WEEK: Meeting[] = [
  [0, '09:30', 30, 'Планёрка отдела продаж', [2, 3, 4, 5, 24], 'Переговорная 1'],
  [
    0,
    '11:00',
    90,
    'Встреча с ООО «Ромашка»: условия поставки',
    [5],
    'Переговорная 2',
    { description: 'Обсудить график поставок и скидку за объём. Контакт: Пётр Иванов.', importance: 'high' },
  ],
  [0, '12:00', 60, 'Созвон с АО «СеверСталь Логистика»', [16], 'Онлайн'],
  [0, '15:00', 60, 'Бюджет на декабрь с финансовым отделом', [13, 14], 'Кабинет директора'],
  [0, '17:30', 30, 'Звонок инвестору', [], ''],
  [1, '10:00', 60, 'Совещание руководителей отделов', [2, 8, 13, 16, 21], 'Большая переговорная'],
  [1, '14:00', 90, 'Презентация для ПАО «Уральские Машины»', [2, 9], 'Офис клиента, ул. Ленина, 5'],
  [1, '13:00', 60, 'Обед с партнёрами из «Техносферы»', [], 'Ресторан «Пушкин»'],
  [2, '', 0, 'Выставка «Иннопром»', [], 'Екатеринбург-Экспо'],
  [3, '11:00', 60, 'Разбор воронки продаж', [2, 5, 24], ''],
  [3, '16:00', 45, 'Собеседование: менеджер по продажам', [2], ''],
  [4, '10:30', 60, 'Встреча с банком по кредитной линии', [13], 'Сбербанк, Кутузовский пр., 32'],
  [-1, '09:30', 30, 'Планёрка отдела продаж', [2, 3, 4, 5, 24], 'Переговорная 1'],
  [-1, '14:00', 60, 'Переговоры с ООО «Гранит»', [3], 'Переговорная 2'],
  [-2, '11:00', 60, 'Отчёт отдела проектов', [8, 9, 11], ''],
  [7, '10:00', 180, 'Стратегическая сессия', [2, 8, 13, 16, 21], 'Большая переговорная'],
  [0, '10:00', 120, 'Приёмка груза в порту', [], 'Владивосток, морской порт', { owner: 16 }],
  [0, '16:00', 60, 'Встреча с клиентом «Альфа-Трейд»', [4], '', { owner: 2 }],
];

/** The absence chart as the calendar shows it: whole days, first and last, from today. */
const ABSENCES: [owner: number, first: number, last: number, name: string][] = [
  [4, -2, 4, 'Отпуск ежегодный'],
  [14, -1, 1, 'Больничный'],
  [12, 1, 3, 'Командировка в Екатеринбург'],
];

function absences(seed: Seed, users: Row[], calendar: Pick<DemoData, 'events' | 'lastIds'>): void {
  for (const [owner, first, last, name] of ABSENCES) {
    const zone = zoneOfUser({ users, timeZone: seed.zone }, owner);
    addCalendarEvent(calendar, {
      owner,
      name,
      start: seed.at(first, 0, 0, zone),
      end: seed.at(last, 0, 0, zone),
      zone,
      allDay: true,
      attendees: [],
      location: '',
      description: '',
      importance: 'normal',
      created: seed.now - 20 * DAY,
      accessibility: 'absent',
    });
  }
}

export function companyCalendar(seed: Seed, users: Row[]): Row[] {
  const calendar: Pick<DemoData, 'events' | 'lastIds'> = { events: [], lastIds: seed.lastIds };
  for (const [days, from, minutes, name, attendees, location, more] of WEEK) {
    const owner = more?.owner ?? DIRECTOR_ID;
    const zone = zoneOfUser({ users, timeZone: seed.zone }, owner);
    const [hour, minute] = from === '' ? [0, 0] : from.split(':').map(Number);
    const start = seed.at(days, hour!, minute, zone);
    addCalendarEvent(calendar, {
      owner,
      name,
      start,
      end: start + minutes * 60_000,
      zone,
      allDay: from === '',
      attendees,
      location,
      description: more?.description ?? '',
      importance: more?.importance ?? 'normal',
      created: seed.now - seed.between(1, 10) * DAY,
    });
  }
  absences(seed, users, calendar);
  return calendar.events;
}

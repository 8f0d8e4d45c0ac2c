// Tasks: the director's own list (overdue, due today, tomorrow, later, done) and the team's work.
import { COMPANY_DEALS, taskRecord } from '../company.ts';
import type { Row } from '../filters.ts';
import { DIRECTOR_ID } from './people.ts';
import { DAY, HOUR, type Seed } from './seed.ts';

/** What a task may name or be bound to. */
interface Desk {
  users: Row[];
  companies: Row[];
  contacts: Row[];
  deals: Row[];
}

interface TaskPlan {
  deadline?: number | null;
  status: number;
  closed?: number;
  title?: string;
}

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

/** Tasks of the director and the team: 150 in all, and `extra` more for the team. */
export function companyTasks(seed: Seed, desk: Desk, team: number[], extra: number): Row[] {
  const tasks = directorTasks(seed, desk);
  const count = 150 - tasks.length + extra;
  for (let n = 0; n < count; n++) tasks.push(teamTask(seed, desk, team[n % team.length]!));
  return tasks;
}

const open = (seed: Seed) => seed.pick([2, 2, 3, 3, 1]);

/** The director's own list: overdue, due today (one at 18:00), tomorrow, later, done today and this week. */
function directorTasks(seed: Seed, desk: Desk): Row[] {
  const { now, todayStart, weekStart, at, pick, between } = seed;
  const tasks: Row[] = [];
  const add = (plan: TaskPlan) => tasks.push(taskRow(seed, desk, DIRECTOR_ID, plan));
  for (const days of [1, 2, 3, 5, 8, 12]) add({ deadline: at(-days, pick([10, 12, 15, 18])), status: open(seed) });
  for (const hour of [12, 15, 18, 20]) add({ deadline: at(0, hour, hour === 20 ? 30 : 0), status: open(seed) });
  add({ deadline: at(0, 18), status: 3, title: 'Подписать договор с ООО «Ромашка» на поставку оборудования' });
  for (const hour of [11, 17, 19]) add({ deadline: at(1, hour), status: open(seed) });
  for (const days of [2, 3, 5, 7, 9, 14]) add({ deadline: at(days, pick([11, 14, 17])), status: open(seed) });
  add({ deadline: null, status: 2 });
  add({ deadline: null, status: 3 });
  add({ deadline: at(4, 12), status: 6 });
  for (let n = 0; n < 3; n++) add({ deadline: at(0, 19), status: 5, closed: between(todayStart, now) });
  for (let n = 0; n < 4; n++)
    add({
      deadline: at(1, 12),
      status: 5,
      closed: between(weekStart, Math.max(weekStart + 1, Math.min(todayStart, now))),
    });
  for (let n = 0; n < 3; n++) add({ deadline: at(-9, 12), status: 5, closed: between(weekStart - 7 * DAY, weekStart) });
  return tasks;
}

/** Everyone active has some work, a few fall behind. */
function teamTask(seed: Seed, desk: Desk, responsible: number): Row {
  const { now, todayStart, tomorrowStart, rnd, between } = seed;
  const roll = rnd();
  const task = (plan: TaskPlan) => taskRow(seed, desk, responsible, plan);
  if (roll < 0.15) return task({ deadline: now - between(2, 240) * HOUR, status: open(seed) });
  if (roll < 0.3) return task({ deadline: between(Math.max(todayStart, now), tomorrowStart), status: open(seed) });
  if (roll < 0.6) return task({ deadline: now + between(1, 20) * DAY, status: open(seed) });
  if (roll < 0.7) return task({ deadline: null, status: open(seed) });
  if (roll < 0.8) return task({ deadline: now - between(0, 5) * DAY, status: 5, closed: between(todayStart, now) });
  return task({ deadline: now - between(1, 10) * DAY, status: 5, closed: now - between(1, 14 * 24) * HOUR });
}

function taskRow(seed: Seed, desk: Desk, responsible: number, plan: TaskPlan): Row {
  const { now, rnd, pick, between, iso } = seed;
  const { companies, contacts } = desk;
  const id = seed.newId('task');
  const company = pick(companies);
  const contact = pick(contacts);
  const title =
    plan.title ??
    pick(TASK_TITLES)
      .replace('{c}', company.TITLE as string)
      .replace('{p}', `${contact.NAME} ${contact.LAST_NAME}`);
  const creator =
    responsible === DIRECTOR_ID ? pick([DIRECTOR_ID, DIRECTOR_ID, 2, 13]) : pick([DIRECTOR_ID, responsible, 2, 8]);
  const created = Math.min(plan.closed ?? now, plan.deadline ?? now, now) - between(2, 20) * DAY;
  const deal = desk.deals[Math.floor(rnd() * COMPANY_DEALS)]!;
  const user = (id: number) => desk.users[id - 1]!;
  return {
    ...taskRecord(id, user(creator), user(responsible), iso(created)),
    title,
    priority: rnd() < 0.2 ? '2' : '1',
    changedDate: iso(plan.closed ?? created + DAY),
    closedBy: plan.closed ? String(responsible) : null,
    closedDate: plan.closed ? iso(plan.closed) : null,
    activityDate: iso(plan.closed ?? created + DAY),
    deadline: plan.deadline ? iso(plan.deadline) : null,
    status: String(plan.status),
    subStatus: String(plan.status),
    // Bound to the client its title names, as a task set from the client's card is; some to a deal too.
    ufCrmTask: [
      ...companies.filter((one) => title.includes(String(one.TITLE))).map((one) => `CO_${one.ID}`),
      ...contacts.filter((one) => title.includes(`${one.NAME} ${one.LAST_NAME}`)).map((one) => `C_${one.ID}`),
      ...(rnd() < 0.3 ? [`D_${deal.ID}`] : []),
    ],
  };
}

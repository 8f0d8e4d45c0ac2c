// Half a year of sales for the demo company, added after everything else so the rest of the company stays
// as it was: two more sales managers (namesakes of people already there: Мария Орлова and Роман Орлов,
// Мария Орлова and Мария Зайцева, Пётр Волков and Наталья Волкова), deals won and lost by every manager
// across the last two quarters with their stage history, some in dollars and euros, leads over the half
// year from the portal's sources (one of them the company's own), and deals built to catch the naive
// readings of "earned": one won long ago but edited this month, one won this month with a planned close
// date last month.
import { DateTime } from 'luxon';
import { createSeed, DAY, HOUR, type Seed } from './company/seed.ts';
import { addStageHistory, type DemoData, type StageDefinition, semanticLetter, stagesOf } from './company.ts';
import type { Row } from './filters.ts';

/** The added sales managers: [id, name, last name, second name, gender]. */
export const NEW_MANAGERS: [number, string, string, string, 'M' | 'F'][] = [
  [26, 'Мария', 'Орлова', 'Сергеевна', 'F'],
  [27, 'Пётр', 'Волков', 'Андреевич', 'M'],
];

/** What the half year adds to the company: people, deals, tasks and leads. */
export const HALF_YEAR = { people: 2, deals: 43, tasks: 5, leads: 40 } as const;

/** The company's own lead source, named on the portal. */
export const OWN_SOURCE = { code: 'UC_TELEGRAM', name: 'Телеграм-канал' };

// Deal titles of the half year; {c} is the client.
const TITLES = [
  'Поставка серверного оборудования для {c}',
  'Внедрение складского учёта в {c}',
  'Абонентское обслуживание {c}',
  'Аудит ИТ-инфраструктуры {c}',
  'Модернизация сети {c}',
  'Поставка ноутбуков для {c}',
];

// Its own sequence, not the company's: adding the half year left everything generated before it as it was.
function halfYearRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

export function addSalesHistory(data: DemoData, options: { now: Date; timeZone: string }): void {
  const seed = createSeed(options, halfYearRandom(20261201), data.lastIds);
  addManagers(data);
  addManagersTasks(seed, data);
  addHalfYearDeals(seed, data);
  addHalfYearLeads(seed, data);
}

/** The two new sales managers, shaped and working like Дмитрий Попов. */
function addManagers(data: DemoData) {
  const template = data.users.find((user) => user.ID === '3')!;
  for (const [id, name, lastName, secondName, gender] of NEW_MANAGERS) {
    data.users.push({
      ...template,
      ID: String(id),
      XML_ID: String(10_000 + id),
      NAME: name,
      LAST_NAME: lastName,
      SECOND_NAME: secondName,
      PERSONAL_GENDER: gender,
      EMAIL: `${id}.manager@vector-plus.ru`,
      WORK_POSITION: 'Менеджер по продажам',
      UF_DEPARTMENT: [2],
    });
    const day = data.workdays.get(3);
    if (day) data.workdays.set(id, { ...day });
  }
}

// Their tasks: Мария Орлова has two open tasks, one of them overdue; Пётр Волков three, one overdue.
const MANAGERS_TASKS: [number, string, number][] = [
  [26, 'Выставить счёт ООО «Ромашка» за сервис', -2],
  [26, 'Подготовить коммерческое предложение для АО «Альфа-Строй»', 3],
  [27, 'Согласовать спецификацию с ООО «Гранит»', -1],
  [27, 'Позвонить по продлению договора обслуживания', 1],
  [27, 'Собрать отзывы клиентов за квартал', 6],
];

function addManagersTasks(seed: Seed, data: DemoData) {
  const { now, iso } = seed;
  const taskTemplate = data.tasks.find((task) => task.responsibleId === '3')!;
  const person = (id: number) => {
    const user = data.users.find((one) => one.ID === String(id))!;
    return { ...(taskTemplate.responsible as Row), id: String(id), name: `${user.NAME} ${user.LAST_NAME}` };
  };
  for (const [responsible, title, days] of MANAGERS_TASKS) {
    const deadline = seed.local.startOf('day').plus({ days }).set({ hour: 15 }).toMillis();
    data.tasks.push({
      ...taskTemplate,
      id: String(seed.newId('task')),
      title,
      responsibleId: String(responsible),
      createdBy: '1',
      createdDate: iso(now - 10 * DAY),
      changedDate: iso(now - 5 * DAY),
      changedBy: String(responsible),
      closedBy: null,
      closedDate: null,
      deadline: iso(deadline),
      status: '2',
      subStatus: days < 0 ? '-1' : '2',
      ufCrmTask: data.companies.filter((one) => title.includes(String(one.TITLE))).map((one) => `CO_${one.ID}`),
      creator: person(1),
      responsible: person(responsible),
    });
  }
}

const MANAGERS = [2, 3, 4, 5, 6, 24, 26, 27];

interface ClosedDealPlan {
  assigned: number;
  categoryId: number;
  final: 'success' | 'failure';
  closed: number;
  amount: number;
  currency: string;
  modified?: number;
  closeDate?: number;
}

/** Deals closed over the last two quarters by every manager, and the ones built to catch naive readings. */
function addHalfYearDeals(seed: Seed, data: DemoData) {
  const { now, local, rnd, between } = seed;
  const monthStart = local.startOf('month').toMillis();
  const halfYear = local.startOf('quarter').minus({ quarters: 1 }).toMillis();
  const add = (plan: ClosedDealPlan) => addClosedDeal(seed, data, plan);
  for (const [index, assigned] of MANAGERS.entries()) {
    const count = 4 + (index % 3);
    for (let n = 0; n < count; n++) {
      const won = rnd() < 0.6;
      add({
        assigned,
        categoryId: n % 4 === 3 ? 1 : 0,
        final: won ? 'success' : 'failure',
        // Not this week: the week's own wins are the company's, which the weekly report counts.
        closed: between(halfYear, Math.max(halfYear + DAY, local.startOf('week').toMillis() - HOUR)),
        amount: between(15, 400) * 10_000,
        currency: 'RUB',
      });
    }
  }
  // Two currencies: dollars and euros, never added to roubles.
  const earlier = (days: number) => Math.max(monthStart + HOUR, local.startOf('week').toMillis() - days * DAY);
  add({ assigned: 26, categoryId: 0, final: 'success', closed: earlier(1), amount: 12_000, currency: 'USD' });
  add({ assigned: 27, categoryId: 0, final: 'success', closed: monthStart - 20 * DAY, amount: 8_000, currency: 'EUR' });
  // The traps: won in the previous quarter but edited this month (DATE_MODIFY is not "won then"), and won
  // this month with a planned close date last month (CLOSEDATE is not "won then" either).
  const trap = { categoryId: 0, final: 'success', currency: 'RUB' } as const;
  add({ ...trap, assigned: 3, closed: halfYear + 20 * DAY, amount: 990_000, modified: now - 2 * DAY });
  add({ ...trap, assigned: 26, closed: earlier(2), amount: 1_150_000, closeDate: monthStart - 5 * DAY });
}

function addClosedDeal(seed: Seed, data: DemoData, plan: ClosedDealPlan) {
  const { zone, rnd, pick, between, iso } = seed;
  const stages = stagesOf(plan.categoryId);
  const process = stages.filter((stage) => stage.semantics === 'process');
  const final = stages.find((stage) => stage.semantics === plan.final)!;
  const company = pick(data.companies);
  const contact = data.contacts.find((one) => one.COMPANY_ID === company.ID) ?? data.contacts[0]!;
  const created = plan.closed - between(10, 45) * DAY;
  const dayOf = (ms: number) => iso(DateTime.fromMillis(ms, { zone }).startOf('day').toMillis());
  const deal: Row = {
    ...data.deals[0]!,
    ID: String(seed.newId('deal')),
    TITLE: pick(TITLES).replace('{c}', String(company.TITLE)),
    STAGE_ID: final.statusId,
    CATEGORY_ID: String(plan.categoryId),
    STAGE_SEMANTIC_ID: semanticLetter(final.semantics),
    CURRENCY_ID: plan.currency,
    OPPORTUNITY: `${plan.amount}.00`,
    COMPANY_ID: company.ID,
    CONTACT_ID: contact.ID,
    ASSIGNED_BY_ID: String(plan.assigned),
    CREATED_BY_ID: String(plan.assigned),
    MODIFY_BY_ID: String(plan.assigned),
    MOVED_BY_ID: String(plan.assigned),
    BEGINDATE: dayOf(created),
    CLOSEDATE: dayOf(plan.closeDate ?? plan.closed),
    DATE_CREATE: iso(created),
    DATE_MODIFY: iso(plan.modified ?? plan.closed),
    MOVED_TIME: iso(plan.closed),
    LAST_ACTIVITY_TIME: iso(plan.closed),
    LAST_ACTIVITY_BY: String(plan.assigned),
    CLOSED: 'Y',
    SOURCE_ID: pick(['CALL', 'WEB', 'RECOMMENDATION', 'PARTNER', OWN_SOURCE.code]),
  };
  data.deals.push(deal);
  const path: StageDefinition[] = [
    ...process.slice(1, plan.final === 'success' ? process.length : 1 + Math.floor(rnd() * process.length)),
    final,
  ];
  addStageHistory(data, deal, stages[0]!, 1, iso(created));
  path.forEach((stage, index) => {
    const at =
      index === path.length - 1 ? plan.closed : created + ((plan.closed - created) * (index + 1)) / (path.length + 1);
    addStageHistory(data, deal, stage, stage.semantics === 'process' ? 2 : 3, iso(Math.floor(at)));
  });
}

/** Leads over the half year, from the portal's sources and the company's own (named on the portal first). */
function addHalfYearLeads(seed: Seed, data: DemoData) {
  const { now, local, pick, between, iso } = seed;
  const halfYear = local.startOf('quarter').minus({ quarters: 1 }).toMillis();
  const sources = data.statuses.filter((row) => row.ENTITY_ID === 'SOURCE');
  const sort = Math.max(...sources.map((row) => Number(row.SORT))) + 10;
  data.statuses.push({
    ...sources[0]!,
    ID: String(Math.max(...data.statuses.map((row) => Number(row.ID))) + 1),
    STATUS_ID: OWN_SOURCE.code,
    NAME: OWN_SOURCE.name,
    NAME_INIT: '',
    SORT: String(sort),
    SYSTEM: 'N',
  });
  const leadTemplate = data.leads[data.leads.length - 1]!;
  for (let n = 0; n < 40; n++) {
    const created = between(halfYear, now - 3 * DAY);
    const status = pick(['IN_PROCESS', 'PROCESSED', 'CONVERTED', 'JUNK']);
    data.leads.push({
      ...leadTemplate,
      ID: String(seed.newId('lead')),
      TITLE: `${pick(['Заявка с сайта', 'Запрос из Телеграма', 'Звонок с рекламы', 'Рекомендация клиента'])} №${n + 1}`,
      STATUS_ID: status,
      STATUS_SEMANTIC_ID: status === 'CONVERTED' ? 'S' : status === 'JUNK' ? 'F' : 'P',
      SOURCE_ID: n % 3 === 0 ? OWN_SOURCE.code : pick(['WEB', 'CALL', 'ADVERTISING', 'RECOMMENDATION']),
      ASSIGNED_BY_ID: String(pick(MANAGERS)),
      DATE_CREATE: iso(created),
      DATE_MODIFY: iso(created),
    });
  }
}

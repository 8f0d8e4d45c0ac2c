// The company's deals with their stage history, and the activities (calls, meetings, letters) on deals and clients.
import {
  addStageHistory,
  COMPANY_DEALS,
  type DemoData,
  SOURCES,
  type StageDefinition,
  semanticLetter,
  stagesOf,
} from '../company.ts';
import { startOfDayIn } from '../dates.ts';
import type { Row } from '../filters.ts';
import { DIRECTOR_ID } from './people.ts';
import { DAY, HOUR, type Seed } from './seed.ts';

type DealBook = Pick<DemoData, 'deals' | 'stageHistory' | 'activities' | 'lastIds'>;
interface Clients {
  companies: Row[];
  contacts: Row[];
}

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

const SUBJECTS: Record<number, string[]> = {
  1: ['Встреча: презентация решения', 'Встреча: обсуждение условий договора', 'Встреча на объекте'],
  2: ['Звонок: обсуждение условий поставки', 'Звонок: уточнить сроки оплаты', 'Звонок: согласование спецификации'],
  4: ['Письмо: коммерческое предложение', 'Письмо: договор на согласование', 'Письмо: счёт на оплату'],
};

// Which open deals are stuck is chosen, not left to chance: the views must have something to flag.
type Stuck = { moved: number; edited?: number };
const DIRECTOR_STUCK: Record<number, Stuck> = {
  0: { moved: 16 },
  6: { moved: 23, edited: 2 },
  12: { moved: 31 },
};
const OTHER_STUCK: Record<number, Stuck> = { 7: { moved: 19 }, 13: { moved: 45 } };
const WON_THIS_WEEK = new Set([3, 27, 30, 51]);
const LOST_THIS_WEEK = new Set([9, 45]);
const MOVED_TODAY = new Set([1, 19, 24, 38]);
// The director's supply deal with ООО «Ромашка» moved today: today's meeting is about it.
const ROMASHKA_SUPPLY = 24;
// A live deal of the director that has not moved for 20 days but was called lately: active, not stuck.
const CALLED_LATELY = 18;

/** The company's deals (`extra` more after them, with a short history and no activities), then the clients' activities. */
export function companyDeals(seed: Seed, clients: Clients, sales: number[], extra: number): DealBook {
  const book: DealBook = { deals: [], stageHistory: [], activities: [], lastIds: seed.lastIds };
  for (let index = 0; index < COMPANY_DEALS + extra; index++) addDeal(seed, book, index, clients, sales);
  const lately = () => seed.now - seed.between(1, 30) * DAY;
  for (const contact of clients.contacts.slice(0, 30))
    addActivity(seed, book, { ownerType: 3, owner: contact, created: lately(), completed: true });
  for (const company of clients.companies.slice(0, 15))
    addActivity(seed, book, { ownerType: 4, owner: company, created: lately(), completed: true });
  return book;
}

function addDeal(seed: Seed, book: DealBook, index: number, { companies, contacts }: Clients, sales: number[]) {
  const { now, rnd, pick, between } = seed;
  const extra = index >= COMPANY_DEALS;
  const id = seed.newId('deal');
  const categoryId = index % 4 === 3 ? 1 : 0;
  const stages = stagesOf(categoryId);
  const romashka = index === ROMASHKA_SUPPLY;
  const companyIndex = romashka ? 0 : Math.floor(rnd() * companies.length);
  const company = companies[companyIndex]!;
  const director = index % 6 === 0;
  const assigned = director ? DIRECTOR_ID : index % 17 === 5 ? 7 : pick(sales);
  const created = extra ? now - between(1, 700) * DAY : now - between(20, 120) * DAY;
  const stuck = director ? DIRECTOR_STUCK[index] : OTHER_STUCK[index];
  const { stage, moved, edited } = dealPlace(seed, index, stages, stuck, extra);
  const plan: DealPlan = {
    id,
    stage,
    categoryId,
    company,
    contact: contacts[companyIndex] ?? contacts[0]!,
    assigned,
    created,
    moved: Math.max(moved, created + HOUR),
    edited,
    amount: between(12, 900) * 10_000 + (rnd() < 0.5 ? 0 : 5_000),
    title: (romashka ? DEAL_TITLES[0]! : pick(DEAL_TITLES)).replace('{c}', company.TITLE as string),
  };
  const deal = dealRow(seed, plan);
  book.deals.push(deal);
  const history = (step: StageDefinition, at: number, type: 1 | 2 | 3) =>
    addStageHistory(book, deal, step, type, seed.iso(at));
  // History: created at the first stage, then step by step to where it stands now.
  history(stages[0]!, created, 1);
  if (extra) {
    if (stage !== stages[0]) history(stage, plan.moved, stage.semantics === 'process' ? 2 : 3);
    return;
  }
  stagePath(seed, stages, stage).forEach((step, position, path) => {
    const time =
      position === path.length - 1
        ? plan.moved
        : created + ((plan.moved - created) * (position + 1)) / (path.length + 1);
    history(step, Math.floor(time), step.semantics === 'process' ? 2 : 3);
  });
  addDealActivities(seed, book, deal, plan, stuck !== undefined);
}

/** Where a deal stands and since when: the chosen ones first, the rest by chance. */
function dealPlace(
  seed: Seed,
  index: number,
  stages: StageDefinition[],
  stuck: Stuck | undefined,
  extra: boolean,
): { stage: StageDefinition; moved: number; edited?: number } {
  const { now, todayStart, weekStart, rnd, pick, between } = seed;
  const process = stages.filter((stage) => stage.semantics === 'process');
  const final = (semantics: StageDefinition['semantics']) => stages.find((s) => s.semantics === semantics)!;
  if (WON_THIS_WEEK.has(index) || LOST_THIS_WEEK.has(index))
    return { stage: final(WON_THIS_WEEK.has(index) ? 'success' : 'failure'), moved: between(weekStart, now) };
  if (MOVED_TODAY.has(index))
    return {
      stage: process[Math.min(process.length - 1, 1 + (index % (process.length - 1)))]!,
      moved: between(todayStart, now),
    };
  if (index === CALLED_LATELY) return { stage: process[2]!, moved: now - 20 * DAY };
  if (stuck)
    return {
      stage: process[1 + (index % (process.length - 1))]!,
      moved: now - stuck.moved * DAY - between(1, 10) * HOUR,
      edited: stuck.edited === undefined ? undefined : now - stuck.edited * DAY,
    };
  const roll = rnd();
  // Live deals moved recently; stuck ones are only those chosen above.
  if (roll < 0.62 || extra) return { stage: pick(process), moved: now - between(1, 12 * 24) * HOUR };
  return { stage: final(roll < 0.84 ? 'success' : 'failure'), moved: now - between(8, 60) * DAY };
}

/** The stages a deal went through after the first: a won deal every one, a lost one dropped out on the way. */
function stagePath(seed: Seed, stages: StageDefinition[], stage: StageDefinition): StageDefinition[] {
  const process = stages.filter((one) => one.semantics === 'process');
  if (stage.semantics === 'success') return [...process.slice(1), stage];
  if (stage.semantics !== 'process') return [...process.slice(1, 1 + Math.floor(seed.rnd() * process.length)), stage];
  return process.slice(1, process.indexOf(stage) + 1);
}

interface DealPlan {
  id: number;
  title: string;
  stage: StageDefinition;
  categoryId: number;
  company: Row;
  contact: Row;
  assigned: number;
  created: number;
  moved: number;
  edited?: number;
  amount: number;
}

function dealRow(seed: Seed, plan: DealPlan): Row {
  const { iso, zone } = seed;
  const closed = plan.stage.semantics !== 'process';
  return {
    ID: String(plan.id),
    TITLE: plan.title,
    TYPE_ID: 'SALE',
    STAGE_ID: plan.stage.statusId,
    PROBABILITY: null,
    CURRENCY_ID: 'RUB',
    OPPORTUNITY: `${plan.amount}.00`,
    IS_MANUAL_OPPORTUNITY: 'N',
    TAX_VALUE: '0.00',
    LEAD_ID: null,
    COMPANY_ID: plan.company.ID,
    CONTACT_ID: plan.contact.ID,
    QUOTE_ID: null,
    BEGINDATE: iso(startOfDayIn(plan.created, zone)),
    CLOSEDATE: iso(startOfDayIn(closed ? plan.moved : plan.created + 60 * DAY, zone)),
    ASSIGNED_BY_ID: String(plan.assigned),
    CREATED_BY_ID: String(plan.assigned),
    MODIFY_BY_ID: String(plan.assigned),
    DATE_CREATE: iso(plan.created),
    DATE_MODIFY: iso(Math.max(plan.moved, plan.edited ?? 0)),
    OPENED: 'Y',
    CLOSED: closed ? 'Y' : 'N',
    COMMENTS: '',
    ADDITIONAL_INFO: null,
    LOCATION_ID: null,
    CATEGORY_ID: String(plan.categoryId),
    STAGE_SEMANTIC_ID: semanticLetter(plan.stage.semantics),
    IS_NEW: 'N',
    IS_RECURRING: 'N',
    IS_RETURN_CUSTOMER: 'N',
    IS_REPEATED_APPROACH: 'N',
    SOURCE_ID: seed.pick(SOURCES)[0],
    SOURCE_DESCRIPTION: '',
    ORIGINATOR_ID: null,
    ORIGIN_ID: null,
    MOVED_BY_ID: String(plan.assigned),
    MOVED_TIME: iso(plan.moved),
    LAST_ACTIVITY_TIME: iso(plan.created),
    LAST_ACTIVITY_BY: String(plan.assigned),
  };
}

/** Stuck deals have no activity since they stopped; live ones have recent ones and a planned next step. */
function addDealActivities(seed: Seed, book: DealBook, deal: Row, plan: DealPlan, stuck: boolean) {
  const { now, rnd, between } = seed;
  const { created, moved } = plan;
  let last = created;
  const count = 1 + Math.floor(rnd() * 3);
  for (let n = 0; n < count; n++)
    last = Math.max(
      last,
      addActivity(seed, book, { ownerType: 2, owner: deal, created: between(created, moved), completed: true }),
    );
  if (plan.stage.semantics === 'process' && !stuck)
    last = Math.max(
      last,
      addActivity(seed, book, {
        ownerType: 2,
        owner: deal,
        created: between(Math.max(created, now - 5 * DAY), now),
        completed: rnd() < 0.5,
      }),
    );
  deal.LAST_ACTIVITY_TIME = seed.iso(last);
}

/** A call, meeting or letter on a deal (owner type 2), contact (3) or company (4), by its responsible person. */
function addActivity(
  seed: Seed,
  book: Pick<DemoData, 'activities'>,
  plan: { ownerType: number; owner: Row; created: number; completed: boolean },
): number {
  const { now, pick, between, iso } = seed;
  const { created, completed } = plan;
  const responsible = plan.owner.ASSIGNED_BY_ID as string;
  const type = pick([1, 2, 2, 4, 4]);
  const start = completed ? created : Math.max(created, now) + between(2, 96) * HOUR;
  const end = start + (type === 1 ? HOUR : 15 * 60_000);
  book.activities.push({
    ID: String(seed.newId('activity')),
    OWNER_TYPE_ID: String(plan.ownerType),
    OWNER_ID: plan.owner.ID,
    TYPE_ID: String(type),
    PROVIDER_ID: type === 4 ? 'CRM_EMAIL' : type === 2 ? 'VOXIMPLANT_CALL' : 'CRM_MEETING',
    PROVIDER_TYPE_ID: type === 4 ? 'EMAIL' : type === 2 ? 'CALL' : 'MEETING',
    SUBJECT: pick(SUBJECTS[type]!),
    DESCRIPTION: '',
    START_TIME: iso(start),
    END_TIME: iso(end),
    DEADLINE: iso(end),
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
}

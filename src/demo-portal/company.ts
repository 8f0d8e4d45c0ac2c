// The demo company «Вектор Плюс»: people, clients, deals, tasks and a calendar, generated from a seed and
// placed relative to `now` in the director's time zone, so every view has something true to say on any day.
import { DateTime } from 'luxon';
import { companyCalendar } from './company/calendar.ts';
import { clientCompanies, clientContacts } from './company/clients.ts';
import { companyDeals } from './company/deals.ts';
import { companyLeads } from './company/leads.ts';
import { activePeople, DIRECTOR_ID, departmentRows, employees, workdays } from './company/people.ts';
import { createSeed, DAY, random } from './company/seed.ts';
import { companyTasks } from './company/tasks.ts';
import { calendarText, formattedText } from './dates.ts';
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

/** The company's own deals; `size.deals` adds generated ones after them. */
export const COMPANY_DEALS = 120;

// The same seed every time: the same `now` gives the same company.
const SEED = 20261125;

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

export const SOURCES: [string, string][] = [
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

/** A new task as `tasks.task.*` keep it: open, set by `creator` for `responsible`, untitled and bound to nothing. */
export function taskRecord(id: number, creator: Row, responsible: Row, at: string): Row {
  return {
    id: String(id),
    parentId: null,
    title: '',
    description: '',
    mark: null,
    priority: '1',
    multitask: 'N',
    notViewed: 'N',
    replicate: 'N',
    stageId: '0',
    createdBy: String(creator.ID),
    createdDate: at,
    responsibleId: String(responsible.ID),
    changedBy: String(responsible.ID),
    changedDate: at,
    statusChangedBy: String(responsible.ID),
    closedBy: null,
    closedDate: null,
    activityDate: at,
    dateStart: null,
    deadline: null,
    startDatePlan: null,
    endDatePlan: null,
    groupId: '0',
    status: '2',
    subStatus: '2',
    favorite: 'N',
    allowChangeDeadline: 'Y',
    taskControl: 'N',
    ufCrmTask: [],
    accomplices: [],
    auditors: [],
    creator: taskPerson(creator),
    responsible: taskPerson(responsible),
  };
}

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
  const lastIds: Record<string, number> = {};
  const seed = createSeed(options, random(SEED), lastIds);
  // The steps draw from one sequence: their order is part of the company.
  const users = employees(seed);
  const sales = activePeople(users, 2);
  const companies = clientCompanies(seed, sales);
  const contacts = clientContacts(seed, companies, sales, options.size?.contacts ?? 0);
  const { deals, stageHistory, activities } = companyDeals(
    seed,
    { companies, contacts },
    sales,
    options.size?.deals ?? 0,
  );
  const leads = companyLeads(seed, companies, sales);
  const team = activePeople(users).filter((id) => id !== DIRECTOR_ID);
  const tasks = companyTasks(seed, { users, companies, contacts, deals }, team, options.size?.tasks ?? 0);
  const data: DemoData = {
    timeZone: options.timeZone,
    directorId: DIRECTOR_ID,
    // The director created the portal: its administrator, who sees everything.
    administrators: [DIRECTOR_ID],
    // The driver has no CRM role: what `b24 check` reports when a webhook is made by such a person.
    withoutCrm: [20],
    departments: departmentRows(),
    users,
    workdays: workdays(seed, users),
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
    events: companyCalendar(seed, users),
    lastIds,
  };
  addSalesHistory(data, options);
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
  /** `absent` for the absence chart's entries (vacation, sick leave, a trip); `busy` by default. */
  accessibility?: 'busy' | 'absent';
}

/** Adds a calendar event in the portal's own shape; used by the seed and by `calendar.event.add`. */
export function addCalendarEvent(data: Pick<DemoData, 'events' | 'lastIds'>, plan: EventPlan): Row {
  const id = nextId(data, 'event');
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
    ...eventTimes(plan),
    TIMESTAMP_X: calendarText(plan.created, plan.zone),
    DATE_CREATE: calendarText(plan.created, plan.zone),
    CREATED_BY: String(plan.owner),
    ...meetingFields(id, plan.owner, people),
    ACCESSIBILITY: plan.accessibility ?? 'busy',
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

/** When an event takes place, in the owner's zone; a whole-day event's end is its last day. */
function eventTimes(plan: EventPlan): Row {
  const offset = (ms: number) => String(DateTime.fromMillis(ms, { zone: plan.zone }).offset * 60);
  return {
    DATE_FROM: calendarText(plan.start, plan.zone, !plan.allDay),
    DATE_TO: calendarText(plan.end, plan.zone, !plan.allDay),
    TZ_FROM: plan.zone,
    TZ_TO: plan.zone,
    TZ_OFFSET_FROM: offset(plan.start),
    TZ_OFFSET_TO: offset(plan.end),
    DATE_FROM_TS_UTC: String(Math.floor(plan.start / 1000)),
    DATE_TO_TS_UTC: String(Math.floor((plan.allDay ? plan.end + DAY : plan.end) / 1000)),
    DT_SKIP_TIME: plan.allDay ? 'Y' : 'N',
    // An all-day entry's end is its last day: a week's vacation lasts seven days.
    DT_LENGTH: Math.round((plan.allDay ? plan.end - plan.start + DAY : plan.end - plan.start) / 1000),
  };
}

/** The owner hosts; a few guests have not answered yet. */
function meetingFields(id: number, owner: number, people: number[]): Row {
  return {
    IS_MEETING: people.length > 0,
    MEETING_STATUS: 'H',
    MEETING_HOST: String(owner),
    MEETING:
      people.length > 0
        ? { HOST_NAME: '', NOTIFY: true, REINVITE: false, ALLOW_INVITE: false, HIDE_GUESTS: false }
        : null,
    ATTENDEE_LIST: people.map((attendee, index) => ({
      id: attendee,
      entryId: String(attendee === owner ? id : id * 100 + index),
      status: attendee === owner ? 'H' : index % 4 === 3 ? 'Q' : 'Y',
    })),
  };
}

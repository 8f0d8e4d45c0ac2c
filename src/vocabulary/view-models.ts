// What each scenario returns: plain data, already in the director's words (names, not codes) and times
// (ISO date-times carrying the director's own offset). The views turn these into text; nothing here knows
// of Telegram or the model.
import type { PlanSummary, PlanViewBody } from './plan-view-model.ts';
import type { Period, Query } from './query.ts';
import type { RecordLinks } from './record-links.ts';
import type { LocalDate } from './requests.ts';

/** A portal user as the director knows them. */
export interface Person {
  id: number;
  name: string;
  /** The job title; empty when the profile has none. */
  position: string;
}

/** Money of one currency: a deal's sum, or the total of several deals. */
export interface Amount {
  amount: number;
  currency: string;
}

/** When the view was built, in the director's zone: «today» and «overdue» are relative to it. */
export interface Moment {
  /** ISO date-time with the director's offset. */
  now: string;
  today: LocalDate;
  timeZone: string;
}

export interface TaskItem {
  id: number;
  title: string;
  /** ISO date-time with the director's offset. */
  deadline?: string;
  overdue: boolean;
  /** For a closed task: when it was closed. */
  closedAt?: string;
  responsible?: Person;
}

export interface EventItem {
  id: number;
  title: string;
  from: string;
  to: string;
  allDay: boolean;
  location?: string;
}

/** Two meetings that overlap in time. */
export interface Clash {
  first: EventItem;
  second: EventItem;
}

export interface DealItem {
  id: number;
  title: string;
  amount: Amount;
  stageName: string;
  pipelineName: string;
  /** Days without a stage change or an activity, when the deal is stuck (14 or more). */
  stuckDays?: number;
  responsible?: Person;
  companyTitle?: string;
  contactName?: string;
}

/** A deal changing stage, from the stage history. */
export interface DealMove {
  dealId: number;
  dealTitle: string;
  fromStage?: string;
  toStage: string;
  outcome: 'process' | 'success' | 'failure';
  at: string;
}

export interface LeadItem {
  id: number;
  title: string;
  createdAt: string;
  sourceName?: string;
  statusName?: string;
  responsible?: Person;
}

export interface ActivityItem {
  id: number;
  subject: string;
  kind: 'meeting' | 'call' | 'task' | 'email' | 'other';
  at?: string;
  completed: boolean;
}

export interface ContactCard {
  kind: 'contact';
  id: number;
  name: string;
  position?: string;
  companyTitle?: string;
  phones: string[];
  emails: string[];
}

export interface CompanyCard {
  kind: 'company';
  id: number;
  title: string;
  phones: string[];
  emails: string[];
}

/** A record to pick from a list: its label, and what tapping it shows. */
export interface Choice {
  kind: 'contact' | 'company' | 'deal' | 'lead' | 'event';
  id: number;
  label: string;
  detail?: string;
}

/** A list cut short: the items shown and how many there are in all. */
export interface Listed<T> {
  items: T[];
  total: number;
}

export interface StageSummary {
  stageId: string;
  name: string;
  count: number;
  sums: Amount[];
}

/** From the work-day tracker; `unknown` when the portal does not track work days. */
export type WorkDay = 'working' | 'paused' | 'finished' | 'notStarted' | 'leftOpen' | 'unknown';

export interface TeamMember {
  person: Person;
  activeTasks: number;
  overdueTasks: number;
  workDay: WorkDay;
}

/** The filters of a question as applied: who, which client, stage, pipeline (names, for the header). */
export interface QueryFilters {
  person?:
    | { kind: 'me' }
    | { kind: 'team' }
    | { kind: 'sales' }
    /** «задачи отдела проектов»: a department by its name in the portal. */
    | { kind: 'department'; name: string }
    | { kind: 'person'; person: Person }
    /** «сделки Соколова и Морозовой»: several employees, each named. */
    | { kind: 'people'; people: Person[] };
  client?: string;
  /** «сделки Альфы и Беты»: several clients, each named. */
  clients?: string[];
  /** Words a meeting's title was searched for («встреча с банком»): meetings name their clients in words. */
  named?: string;
  stage?: string;
  pipeline?: string;
  /** The portal's names of the lead or deal sources asked about («Веб-сайт»). */
  source?: string[];
  /** The currencies' codes asked about («USD»). */
  currency?: string[];
}

/** A client record in a list of contacts or companies. */
export interface RecordItem {
  kind: 'contact' | 'company';
  id: number;
  label: string;
  detail?: string;
}

/** One row of a grouped answer: a manager, stage, source, week or month. */
export interface GroupRow {
  key: string;
  label: string;
  count: number;
  /** Per currency, never added together. */
  sums: Amount[];
  /** Each currency's sum over its own deals. */
  averages: Amount[];
}

export type QueryResult =
  | { kind: 'tasks'; items: TaskItem[]; overdue: number }
  | { kind: 'deals'; items: DealItem[]; sums: Amount[] }
  | { kind: 'leads'; items: LeadItem[] }
  | { kind: 'events'; items: EventItem[] }
  | { kind: 'activities'; items: ActivityItem[] }
  | { kind: 'records'; items: RecordItem[] }
  | { kind: 'total'; count: number; sums: Amount[]; averages: Amount[] }
  | { kind: 'groups'; rows: GroupRow[] }
  /** «конверсия по менеджерам»: each manager's deals won and lost in the period, the best first. */
  | { kind: 'conversion'; won: number; lost: number; rows?: { label: string; won: number; lost: number }[] };

/** What a comparison counts: earned (won deals' sums), new deals, new leads, or tasks done. */
export type ComparedMeasure = 'earned' | 'deals' | 'leads' | 'tasksDone';

/** One side of a comparison: its period, how many, and (earned) the sums per currency. */
export interface ComparedPeriod {
  period: Period;
  count: number;
  sums: Amount[];
}

/** Why someone is away, from the absence chart's entry. */
export type AbsenceReason = 'vacation' | 'sick' | 'trip' | 'other';

export interface Absent {
  person: Person;
  reason: AbsenceReason;
  /** The entry's own words («Отпуск ежегодный»). */
  title: string;
  first: LocalDate;
  last: LocalDate;
}

/** Every view: its items open on the portal's own pages when `links` is set. */
export type ViewModel = ViewBody & { links?: RecordLinks };

type ViewBody =
  | PlanViewBody
  | {
      view: 'schedule';
      at: Moment;
      date: LocalDate;
      /** The last day shown, when the schedule covers several days. */
      to?: LocalDate;
      events: EventItem[];
      tasks: TaskItem[];
      clashes: Clash[];
    }
  | { view: 'tasks'; at: Moment; tasks: Listed<TaskItem>; overdue: number }
  | { view: 'deals'; at: Moment; deals: Listed<DealItem>; sums: Amount[]; stuck: number }
  | {
      view: 'dealCard';
      at: Moment;
      deal: DealItem & { createdAt?: string; comments?: string };
      activities: ActivityItem[];
      tasks: TaskItem[];
    }
  | {
      view: 'briefing';
      at: Moment;
      /** A digest's name when it is sent on schedule: the header and the hint differ. */
      digest?: 'dayPlan' | 'morningDigest';
      events: EventItem[];
      clashes: Clash[];
      dueToday: TaskItem[];
      overdue: Listed<TaskItem>;
      /** Absent in the day plan. */
      deals?: { deals: Listed<DealItem>; sums: Amount[]; stuck: number };
      /** Yesterday's new leads (morning digest only). */
      newLeads?: Listed<LeadItem>;
      /** The company's plan with its fact and forecast, when one is set. */
      plan?: PlanSummary;
    }
  | {
      view: 'weeklyReport';
      at: Moment;
      from: LocalDate;
      to: LocalDate;
      closedTasks: Listed<TaskItem>;
      moves: Listed<DealMove>;
      won: Amount[];
      /** The company's plan with its fact and forecast, when one is set. */
      plan?: PlanSummary;
    }
  /** `missing`: a department asked for that the portal has none called so; `departments`: the ones it has. */
  | { view: 'teamStatus'; at: Moment; scope: string; members: TeamMember[]; missing?: string; departments?: string[] }
  | { view: 'choice'; at: Moment; about: 'dossier' | 'search' | 'meeting'; query: string; choices: Listed<Choice> }
  | {
      view: 'notFound';
      at: Moment;
      about: 'dossier' | 'search' | 'meeting' | 'deal';
      query: string;
      /** The day a meeting was looked for. */
      date?: LocalDate;
      /** A word in lower case taken for a name by its place alone («что с оплатами»): maybe not a client at all. */
      guessed?: boolean;
    }
  | {
      view: 'dossier';
      at: Moment;
      card: ContactCard | CompanyCard;
      /** A company's people. */
      people?: Listed<ContactCard>;
      deals: Listed<DealItem>;
      activities: ActivityItem[];
    }
  | {
      view: 'meetingPrep';
      at: Moment;
      event: EventItem & { description?: string };
      attendees: Person[];
      deals: DealItem[];
      clashes: EventItem[];
    }
  | {
      view: 'dayResults';
      at: Moment;
      date: LocalDate;
      /** Set when sent as the evening digest. */
      digest?: 'eveningSummary';
      closedTasks: Listed<TaskItem>;
      meetingsHeld: EventItem[];
      moves: Listed<DealMove>;
    }
  | {
      view: 'pipeline';
      at: Moment;
      pipelineName: string;
      /** The other pipelines, to switch to. */
      pipelines: { id: number; name: string }[];
      stages: StageSummary[];
      sums: Amount[];
      stuck: Listed<DealItem>;
      newLeads: number;
    }
  /** The people to reach: of one company, or found by their own name. */
  | { view: 'contacts'; at: Moment; query: string; companyTitle?: string; people: Listed<ContactCard> }
  | { view: 'leadCard'; at: Moment; lead: LeadItem & { name?: string; phones: string[]; emails: string[] } }
  | { view: 'overdueAlert'; at: Moment; overdue: Listed<TaskItem>; stuck: Listed<DealItem> }
  | { view: 'newLeads'; at: Moment; leads: Listed<LeadItem> }
  /** A typed question's answer; `result` holds the part from `offset` of a long list, `total` counts all. */
  | {
      view: 'query';
      at: Moment;
      query: Query;
      filters: QueryFilters;
      offset: number;
      total: number;
      result: QueryResult;
    }
  /** Two periods side by side: the asked one first, the one it is compared with second. */
  | {
      view: 'comparison';
      at: Moment;
      query: Query;
      filters: QueryFilters;
      measure: ComparedMeasure;
      periods: [ComparedPeriod, ComparedPeriod];
    }
  /** Who is away in [from, to]; `notStarted`: today, who has not opened the work day though not away. */
  | {
      view: 'absence';
      at: Moment;
      from: LocalDate;
      to: LocalDate;
      asked: AbsenceReason | 'away' | 'notWorking';
      /** The department or the employees asked about, by name; none: everyone. */
      scope?: string;
      away: Absent[];
      notStarted?: Person[];
    }
  /** «у кого нет ни одной закрытой задачи»: the employees in scope with none of the tasks asked about. */
  | { view: 'withNone'; at: Moment; query: Query; filters: QueryFilters; people: Person[]; scope: number }
  /** A name that fits several people or clients: each option is the same question about one of them. */
  | {
      view: 'queryChoice';
      at: Moment;
      about: 'person' | 'client';
      name: string;
      /** Nobody is called so; these are nearly (a typo): «did you mean …?». */
      near?: boolean;
      options: { label: string; query: Query }[];
    }
  | {
      view: 'queryNotFound';
      at: Moment;
      query: Query;
      /** `topic`: a word after «по» found neither in the portal's directory nor in any title. */
      about: 'person' | 'client' | 'someone' | 'stage' | 'pipeline' | 'topic' | 'department';
      name: string;
    };

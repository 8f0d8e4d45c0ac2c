// One catalogue of what the assistant can read and write, in zod. From it come the types (ScenarioRequest,
// WriteRequest), the button-data codec's field tables (src/telegram/callback-data.ts), the model's view tools
// (src/understanding/model/tools.ts) and the checks on requests read back from storage (stored proposals, memory).
// A field's button form (how it is written into ≤ 64 bytes of callback data) is part of its schema here.
import { z } from 'zod';
import { field } from './fields.ts';
import { PLAN_READS, PLAN_WRITES } from './plan-catalogue.ts';
import { querySchema } from './query.ts';

export { type ButtonForm, buttonFormOf, field } from './fields.ts';

const read = <K extends string, S extends z.ZodRawShape>(scenario: K, shape: S) =>
  z.object({ scenario: z.literal(scenario), ...shape });
const write = <K extends string, S extends z.ZodRawShape>(type: K, shape: S) =>
  z.object({ type: z.literal(type), ...shape });

// Field order is the order on a button: text last, so absent trailing fields cost nothing.
/** What a director can ask to see: the scenario and its arguments. */
export const READS = {
  /** One day, or the days from `date` to `to` (both included): «что у меня на неделе». */
  schedule: read('schedule', { date: field.date(), to: field.date().optional() }),
  myTasks: read('myTasks', {}),
  deals: read('deals', {}),
  dealCard: read('dealCard', { dealId: field.id() }),
  briefing: read('briefing', {}),
  /** This week, or `weeksAgo` weeks before it (1: last week). */
  weeklyReport: read('weeklyReport', { weeksAgo: field.count().optional() }),
  /** One department by its name in the portal («отдел проектов»), or the director's own people. */
  teamStatus: read('teamStatus', { department: field.text().optional() }),
  /** By a name (any part of a person's or company's name), or an exact record picked from a list. */
  dossier: read('dossier', {
    contactId: field.id().optional(),
    companyId: field.id().optional(),
    query: field.text().optional(),
  }),
  /** By a local time `HH:mm`, a name, or an exact event; on `date` (default today). */
  meetingPrep: read('meetingPrep', {
    eventId: field.id().optional(),
    time: field.time().optional(),
    date: field.date().optional(),
    query: field.text().optional(),
  }),
  dayResults: read('dayResults', { date: field.date().optional() }),
  pipeline: read('pipeline', { categoryId: field.count().optional() }),
  search: read('search', { query: field.text() }),
  /** A typed question; `offset` is where the shown part of a long list starts (its buttons are «ещё» and picks). */
  query: read('query', { query: querySchema, offset: z.number().int().min(0).optional() }),
  /** Who is away from `date` to `to`; `reason`: vacation, sick, trip, away (any), notWorking (also the day not begun). */
  absence: read('absence', { date: field.date(), to: field.date().optional(), reason: field.text(20).optional() }),
  /** The people of a company, or people by their name, with position, phone and e-mail. */
  contacts: read('contacts', { query: field.text() }),
  // Digest contents (also reachable as views).
  dayPlan: read('dayPlan', {}),
  morningDigest: read('morningDigest', {}),
  overdueAlert: read('overdueAlert', {}),
  newLeads: read('newLeads', {}),
  eveningSummary: read('eveningSummary', {}),
  ...PLAN_READS,
};

/** A CRM record a new task or deal is bound to, with the name the director knows it by (shown in the question). */
const crmLink = z.object({
  kind: z.enum(['company', 'contact', 'deal']),
  id: z.number().int().positive(),
  title: z.string(),
});
export type CrmLink = z.output<typeof crmLink>;

/** Every change the assistant can make, with its exact arguments, as stored in a proposal. */
export const WRITES = {
  createTask: write('createTask', {
    responsibleId: field.id().optional(),
    deadline: field.instant().optional(),
    title: field.text(),
    // Not carried by a button: a task offered under a view has no description and no links.
    description: z.string().max(5000).optional(),
    /** The clients and deals the task is about: it shows on their cards in the portal. */
    links: z.array(crmLink).optional(),
  }),
  completeTask: write('completeTask', { taskId: field.id(), title: field.portalTitle() }),
  deleteTask: write('deleteTask', { taskId: field.id(), title: field.portalTitle() }),
  /** A new deadline for an open task. */
  moveTask: write('moveTask', { taskId: field.id(), deadline: field.instant(), title: field.portalTitle() }),
  createDeal: write('createDeal', {
    amount: field.amount().optional(),
    currency: field.text().optional(),
    categoryId: field.count().optional(),
    stageId: field.text().optional(),
    title: field.text(),
    /** The company or contact the deal is with (not carried by a button). */
    client: crmLink.optional(),
  }),
  moveDeal: write('moveDeal', {
    dealId: field.id(),
    stageId: field.text(),
    title: field.portalTitle(),
    stageName: field.portalTitle(),
  }),
  deleteDeal: write('deleteDeal', { dealId: field.id(), title: field.portalTitle() }),
  addComment: write('addComment', {
    entity: field.entity(),
    entityId: field.id(),
    entityTitle: field.portalTitle(),
    text: field.text(),
  }),
  createMeeting: write('createMeeting', {
    from: field.instant(),
    to: field.instant(),
    attendeeIds: field.ids().optional(),
    location: field.text().optional(),
    title: field.text(),
  }),
  moveMeeting: write('moveMeeting', {
    eventId: field.id(),
    from: field.instant(),
    to: field.instant(),
    title: field.portalTitle(),
  }),
  deleteMeeting: write('deleteMeeting', { eventId: field.id(), title: field.portalTitle() }),
  createContact: write('createContact', {
    companyId: field.id().optional(),
    phone: field.text().optional(),
    email: field.text().optional(),
    lastName: field.text().optional(),
    name: field.text(),
  }),
  createCompany: write('createCompany', {
    phone: field.text().optional(),
    email: field.text().optional(),
    title: field.text(),
  }),
  ...PLAN_WRITES,
};

const valuesOf = <T extends Record<string, z.ZodObject>>(table: T) =>
  Object.values(table) as [T[keyof T], ...T[keyof T][]];

export const scenarioRequestSchema = z.discriminatedUnion('scenario', valuesOf(READS));
export const writeRequestSchema = z.discriminatedUnion('type', valuesOf(WRITES));

export type ScenarioRequest = z.output<typeof scenarioRequestSchema>;
export type WriteRequest = z.output<typeof writeRequestSchema>;

/** One entry of the catalogue as the codec and the tools read it: its name and its fields in order. */
export interface CatalogueEntry {
  name: string;
  fields: readonly (readonly [name: string, schema: z.ZodType])[];
  schema: z.ZodType;
}

/** A catalogue table as entries, the discriminator (`scenario` or `type`) left out of the fields. */
export function entriesOf(table: Record<string, z.ZodObject>, discriminator: string): CatalogueEntry[] {
  return Object.entries(table).map(([name, schema]) => ({
    name,
    schema,
    fields: Object.entries(schema.shape as Record<string, z.ZodType>).filter(([key]) => key !== discriminator),
  }));
}

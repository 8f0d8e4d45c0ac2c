// A write as the director said it (names) becomes a write with ids: the task, deal, contact, company,
// meeting, person or stage is looked up in the portal. Several matches become a choice, none a plain
// "not found". Only reads happen here; the write itself waits for the director's tap.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { WriteDraft } from '../assistant/understanding.ts';
import { isPortalError } from '../portal/errors.ts';
import type { PortalClient } from '../portal/port.ts';
import { isoOf, localDateAt } from './day-window.ts';
import type { Director } from './director.ts';
import { calendarCommand, eventsIn, meetingsMatching, meetingWindow, soonestFitting } from './events.ts';
import { matchesName, needlesOf, sameName } from './matcher.ts';
import type { NameDirectory, Stage } from './names.ts';
import { eventSchema, parseItems, personName } from './portal-data.ts';
import type { LocalDate } from './requests.ts';
import type { WriteRequest } from './writes.ts';

export type LookupSubject = 'task' | 'deal' | 'contact' | 'company' | 'meeting' | 'person' | 'stage';

/** One record to pick, as plain text for a button: the write it leads to, or (a deal) its stages next. */
export type LookupOption = { label: string; write: WriteRequest } | { label: string; stagesOfDeal: number };

export type WriteLookup =
  | { kind: 'ready'; write: WriteRequest }
  /** Several records fit the name: the director picks one (each option is a complete write). */
  | { kind: 'choose'; subject: LookupSubject; query: string; options: LookupOption[]; more?: boolean }
  | { kind: 'notFound'; subject: LookupSubject; query: string };

export interface WriteLookupService {
  resolve(director: Director, draft: WriteDraft): Promise<WriteLookup>;
  /**
   * The titles of the records a write names, read again from the portal (a button carries ids only).
   * Undefined when a record is gone or the stage does not belong to the deal's pipeline.
   */
  refresh(write: WriteRequest): Promise<WriteRequest | undefined>;
  /** Every other stage of the deal's pipeline, as moves to pick from. */
  stageChoices(dealId: number): Promise<WriteLookup>;
}

// Only the fields a lookup selects: a write needs an id and the name the director knows it by.
const id = z.coerce.number().int();
const words = z.string().catch('');
const taskSchema = z.object({ id, title: words, deadline: z.string().optional().catch(undefined) }).loose();
const dealSchema = z
  .object({ ID: id, TITLE: words, STAGE_ID: words, CATEGORY_ID: z.coerce.number().int().catch(0) })
  .loose();
const contactSchema = z.object({ ID: id, NAME: words, LAST_NAME: words }).loose();
const companySchema = z.object({ ID: id, TITLE: words }).loose();

const MAX_OPTIONS = 6;
const DEFAULT_MEETING_MINUTES = 60;

/** True when every word of the query names a word of the text, in any case («Кузнецовым» fits «Кузнецов»). */
const matchesQuery = (text: string, query: string) => matchesName(text, query, { prefix: true });

/** One list command per needle, all in one round trip; the union of their first pages. */
async function listByNeedles(
  portal: PortalClient,
  method: string,
  field: string,
  query: string,
  params: { filter?: Record<string, unknown>; select: string[]; order?: Record<string, string> },
): Promise<unknown[]> {
  const commands = Object.fromEntries(
    needlesOf(query).map((needle, index) => [
      `n${index}`,
      { method, params: { ...params, filter: { ...params.filter, [`%${field}`]: needle } } },
    ]),
  );
  const { results } = await portal.batch(commands);
  return Object.values(results).flatMap((result) => (Array.isArray(result) ? result : []));
}

const uniqueBy = <T>(items: T[], key: (item: T) => number): T[] => [
  ...new Map(items.map((item) => [key(item), item])).values(),
];

const exactly = sameName;

/** Every word of the query is a whole word of the text («Иванов Пётр» fits «Пётр Иванов», not «Иван Петров»). */
const wholeWords = (text: string, query: string) => matchesName(text, query);

/** Of the matches: the exact one if there is exactly one, else those matching by whole words, else all. */
function narrowed<T>(items: T[], titleOf: (item: T) => string, query: string): T[] {
  const exact = items.filter((item) => exactly(titleOf(item), query));
  if (exact.length === 1) return exact;
  const whole = items.filter((item) => wholeWords(titleOf(item), query));
  return whole.length ? whole : items;
}

function outcome(subject: LookupSubject, query: string, options: LookupOption[]): WriteLookup {
  const [only] = options;
  if (!only) return { kind: 'notFound', subject, query };
  if (options.length === 1 && 'write' in only) return { kind: 'ready', write: only.write };
  const more = options.length > MAX_OPTIONS;
  return { kind: 'choose', subject, query, options: options.slice(0, MAX_OPTIONS), ...(more ? { more } : {}) };
}

const label = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

export function createWriteLookup(deps: {
  portal: PortalClient;
  names: NameDirectory;
  now?: () => Date;
}): WriteLookupService {
  const { portal, names } = deps;
  const now = deps.now ?? (() => new Date());

  // The director's own tasks and the ones they set for others, in one round trip; nobody else's.
  const findTasks = async (director: Director, query: string, openOnly: boolean) => {
    const filter: Record<string, unknown> = { '%TITLE': needlesOf(query, 1)[0] };
    if (openOnly) filter['<REAL_STATUS'] = 5;
    const params = (role: string) => ({
      filter: { ...filter, [role]: director.portalUserId },
      select: ['ID', 'TITLE', 'DEADLINE', 'STATUS', 'RESPONSIBLE_ID'],
      order: { DEADLINE: 'ASC' },
    });
    const { results } = await portal.batch({
      mine: { method: 'tasks.task.list', params: params('RESPONSIBLE_ID') },
      set: { method: 'tasks.task.list', params: params('CREATED_BY') },
    });
    const found = new Map<number, ReturnType<typeof taskSchema.parse>>();
    for (const task of [...parseItems(taskSchema, results.mine), ...parseItems(taskSchema, results.set)])
      if (matchesQuery(task.title, query)) found.set(task.id, task);
    return narrowed([...found.values()], (task) => task.title, query);
  };

  const findDeals = async (query: string, openOnly: boolean) => {
    const raw = await listByNeedles(portal, 'crm.deal.list', 'TITLE', query, {
      filter: openOnly ? { STAGE_SEMANTIC_ID: 'P' } : {},
      select: ['ID', 'TITLE', 'STAGE_ID', 'CATEGORY_ID', 'OPPORTUNITY', 'CURRENCY_ID'],
      order: { ID: 'DESC' },
    });
    const deals = uniqueBy(parseItems(dealSchema, raw), (deal) => deal.ID).filter((deal) =>
      matchesQuery(deal.TITLE, query),
    );
    return narrowed(deals, (deal) => deal.TITLE, query);
  };

  const findContacts = async (query: string) => {
    const [needle] = needlesOf(query, 1);
    const select = ['ID', 'NAME', 'LAST_NAME', 'POST', 'COMPANY_ID'];
    // A person may be named by the first or the last name: both in one round trip.
    const { results } = await portal.batch({
      byLast: { method: 'crm.contact.list', params: { filter: { '%LAST_NAME': needle }, select } },
      byFirst: { method: 'crm.contact.list', params: { filter: { '%NAME': needle }, select } },
    });
    const seen = new Map<number, ReturnType<typeof contactSchema.parse>>();
    for (const contact of [...parseItems(contactSchema, results.byLast), ...parseItems(contactSchema, results.byFirst)])
      if (matchesQuery(personName(contact), query)) seen.set(contact.ID, contact);
    return narrowed([...seen.values()], personName, query);
  };

  const findCompanies = async (query: string) => {
    const raw = await listByNeedles(portal, 'crm.company.list', 'TITLE', query, { select: ['ID', 'TITLE'] });
    const companies = uniqueBy(parseItems(companySchema, raw), (company) => company.ID).filter((company) =>
      matchesQuery(company.TITLE, query),
    );
    return narrowed(companies, (company) => company.TITLE, query);
  };

  // The director's meetings that fit: on the day said, else the nearest ones around today (upcoming first).
  const findMeetings = async (director: Director, query: string, date: LocalDate | undefined) => {
    const { timeZone, portalUserId } = director;
    const window = meetingWindow(date, now(), timeZone);
    const read = calendarCommand(portalUserId, window);
    const { result } = await portal.call(read.method, read.params);
    const events = eventsIn(parseItems(eventSchema, result), window, timeZone, portalUserId);
    const time = /^\d{1,2}:\d{2}$/.test(query.trim()) ? query.trim().padStart(5, '0') : undefined;
    const fitting = meetingsMatching(events, time ? { time } : { query }, now());
    return soonestFitting(fitting, now()).map((event) => ({
      event,
      from: DateTime.fromISO(event.from, { setZone: true }),
      to: DateTime.fromISO(event.to, { setZone: true }),
    }));
  };

  /** «14:00 Title», with the day when the meetings are not all on the director's today. */
  const meetingLabel = (director: Director, from: DateTime, title: string) => {
    const today = localDateAt(now(), director.timeZone);
    return label(`${from.toISODate() === today ? '' : `${from.toFormat('dd.MM')} `}${from.toFormat('HH:mm')} ${title}`);
  };

  const stageMatches = (stages: Stage[], query: string) => {
    const exact = stages.filter((stage) => exactly(stage.name, query) || stage.id === query);
    return exact.length ? exact : stages.filter((stage) => matchesQuery(stage.name, query));
  };

  type DealRef = { ID: number; TITLE: string; STAGE_ID: string; CATEGORY_ID: number };
  const otherStages = async (deal: DealRef) =>
    (await names.stages(deal.CATEGORY_ID)).filter((stage) => stage.id !== deal.STAGE_ID);
  const moveTo = (deal: DealRef, stage: Stage): LookupOption => ({
    label: label(stage.name),
    write: { type: 'moveDeal', dealId: deal.ID, title: deal.TITLE, stageId: stage.id, stageName: stage.name },
  });

  const findPeople = async (query: string) => {
    return names.findUsers(query);
  };

  const resolve = async (director: Director, draft: WriteDraft): Promise<WriteLookup> => {
    switch (draft.type) {
      case 'createTask': {
        const base = { type: 'createTask', title: draft.title, deadline: draft.deadline } as const;
        if (!draft.responsibleName) return { kind: 'ready', write: { ...base, responsibleId: director.portalUserId } };
        const people = await findPeople(draft.responsibleName);
        return outcome(
          'person',
          draft.responsibleName,
          people.map((person) => ({
            label: label(person.position ? `${person.name}, ${person.position}` : person.name),
            write: { ...base, responsibleId: person.id },
          })),
        );
      }
      case 'completeTask':
      case 'deleteTask': {
        const tasks = await findTasks(director, draft.taskQuery, draft.type === 'completeTask');
        return outcome(
          'task',
          draft.taskQuery,
          tasks.map((task, _, all) => ({
            // Tasks with the same title are told apart by their deadline.
            label: label(
              all.filter((other) => other.title === task.title).length > 1 && task.deadline
                ? `${task.title} · ${DateTime.fromISO(task.deadline, { zone: director.timeZone }).toFormat('dd.MM HH:mm')}`
                : task.title,
            ),
            write: { type: draft.type, taskId: task.id, title: task.title },
          })),
        );
      }
      case 'createDeal':
        return {
          kind: 'ready',
          write: {
            type: 'createDeal',
            title: draft.title,
            amount: draft.amount,
            currency: draft.amount === undefined ? draft.currency : (draft.currency ?? 'RUB'),
          },
        };
      case 'moveDeal': {
        const deals = await findDeals(draft.dealQuery, true);
        if (deals.length === 0) return { kind: 'notFound', subject: 'deal', query: draft.dealQuery };
        const options: LookupOption[] = [];
        for (const deal of deals.slice(0, MAX_OPTIONS)) {
          const stages = await otherStages(deal);
          const fitting = stageMatches(stages, draft.stageQuery);
          // One deal but no such stage: offer the stages it can move to.
          if (deals.length === 1 && fitting.length === 0)
            return stages.length
              ? {
                  kind: 'choose',
                  subject: 'stage',
                  query: draft.stageQuery,
                  options: stages.map((s) => moveTo(deal, s)),
                }
              : { kind: 'notFound', subject: 'stage', query: draft.stageQuery };
          for (const stage of fitting)
            options.push({
              ...moveTo(deal, stage),
              label: label(deals.length > 1 ? `${deal.TITLE} → ${stage.name}` : stage.name),
            });
        }
        if (options.length) return outcome('deal', draft.dealQuery, options);
        // Several deals and none has such a stage: pick the deal first, then one of its stages.
        return outcome(
          'deal',
          draft.dealQuery,
          deals.map((deal) => ({ label: label(deal.TITLE), stagesOfDeal: deal.ID })),
        );
      }
      case 'deleteDeal': {
        const deals = await findDeals(draft.dealQuery, false);
        return outcome(
          'deal',
          draft.dealQuery,
          deals.map((deal) => ({
            label: label(deal.TITLE),
            write: { type: 'deleteDeal', dealId: deal.ID, title: deal.TITLE },
          })),
        );
      }
      case 'addComment': {
        const comment = (entityId: number, entityTitle: string): LookupOption => ({
          label: label(entityTitle),
          write: { type: 'addComment', entity: draft.entity, entityId, entityTitle, text: draft.text },
        });
        if (draft.entity === 'deal') {
          const deals = await findDeals(draft.entityQuery, false);
          return outcome(
            'deal',
            draft.entityQuery,
            deals.map((deal) => comment(deal.ID, deal.TITLE)),
          );
        }
        if (draft.entity === 'contact') {
          const contacts = await findContacts(draft.entityQuery);
          return outcome(
            'contact',
            draft.entityQuery,
            contacts.map((contact) => comment(contact.ID, personName(contact))),
          );
        }
        const companies = await findCompanies(draft.entityQuery);
        return outcome(
          'company',
          draft.entityQuery,
          companies.map((company) => comment(company.ID, company.TITLE)),
        );
      }
      case 'createMeeting': {
        const from = DateTime.fromISO(draft.from, { setZone: true });
        const to = draft.to ?? isoOf(from.plus({ minutes: DEFAULT_MEETING_MINUTES }));
        return { kind: 'ready', write: { type: 'createMeeting', title: draft.title, from: draft.from, to } };
      }
      case 'moveMeeting': {
        const meetings = await findMeetings(director, draft.meetingQuery, draft.date);
        return outcome(
          'meeting',
          draft.meetingQuery,
          meetings.map(({ event, from: was, to: wasTo }) => {
            // Whatever the director did not say of the new start stays as the meeting has it now.
            const from = draft.from
              ? DateTime.fromISO(draft.from, { setZone: true })
              : DateTime.fromISO(`${draft.toDate ?? was.toISODate()}T${draft.toTime ?? was.toFormat('HH:mm')}`, {
                  zone: director.timeZone,
                });
            return {
              label: meetingLabel(director, was, event.title),
              write: {
                type: 'moveMeeting',
                eventId: event.id,
                title: event.title,
                from: isoOf(from),
                to: draft.to ?? isoOf(from.plus(wasTo.diff(was))),
              },
            };
          }),
        );
      }
      case 'deleteMeeting': {
        const meetings = await findMeetings(director, draft.meetingQuery, draft.date);
        return outcome(
          'meeting',
          draft.meetingQuery,
          meetings.map(({ event, from }) => ({
            label: meetingLabel(director, from, event.title),
            write: { type: 'deleteMeeting', eventId: event.id, title: event.title },
          })),
        );
      }
      case 'createContact':
        return {
          kind: 'ready',
          write: {
            type: 'createContact',
            name: draft.name,
            lastName: draft.lastName,
            phone: draft.phone,
            email: draft.email,
          },
        };
      case 'createCompany':
        return {
          kind: 'ready',
          write: { type: 'createCompany', title: draft.title, phone: draft.phone, email: draft.email },
        };
    }
  };

  // A record that is gone answers with an error on `get`; that is "not there", not a failure.
  const gone = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (isPortalError(error) && error.kind === 'badRequest') return undefined;
      throw error;
    }
  };

  const taskTitle = (taskId: number) =>
    gone(async () => {
      const { result } = await portal.call<{ task?: unknown }>('tasks.task.get', { taskId, select: ['ID', 'TITLE'] });
      const task = taskSchema.safeParse(result?.task);
      return task.success ? task.data.title : undefined;
    });

  const deal = (id: number) =>
    gone(async () => {
      const parsed = dealSchema.safeParse((await portal.call('crm.deal.get', { id })).result);
      return parsed.success ? parsed.data : undefined;
    });

  const entityTitle = async (entity: 'deal' | 'contact' | 'company', id: number) => {
    if (entity === 'deal') return (await deal(id))?.TITLE;
    return gone(async () => {
      const { result } = await portal.call(`crm.${entity}.get`, { id });
      if (entity === 'contact') {
        const contact = contactSchema.safeParse(result);
        return contact.success ? personName(contact.data) : undefined;
      }
      const company = companySchema.safeParse(result);
      return company.success ? company.data.TITLE : undefined;
    });
  };

  const eventTitle = (id: number) =>
    gone(async () => {
      const { result } = await portal.call('calendar.event.getbyid', { id });
      const event = eventSchema.safeParse(result);
      return event.success ? event.data.NAME : undefined;
    });

  const refresh = async (write: WriteRequest): Promise<WriteRequest | undefined> => {
    switch (write.type) {
      case 'completeTask':
      case 'deleteTask': {
        const title = await taskTitle(write.taskId);
        return title === undefined ? undefined : { ...write, title };
      }
      case 'moveDeal': {
        const found = await deal(write.dealId);
        const stage = found
          ? (await names.stages(found.CATEGORY_ID)).find((one) => one.id === write.stageId)
          : undefined;
        return found && stage ? { ...write, title: found.TITLE, stageName: stage.name } : undefined;
      }
      case 'deleteDeal': {
        const found = await deal(write.dealId);
        return found ? { ...write, title: found.TITLE } : undefined;
      }
      case 'addComment': {
        const title = await entityTitle(write.entity, write.entityId);
        return title === undefined ? undefined : { ...write, entityTitle: title };
      }
      case 'moveMeeting':
      case 'deleteMeeting': {
        const title = await eventTitle(write.eventId);
        return title === undefined ? undefined : { ...write, title };
      }
      default:
        return write;
    }
  };

  const stageChoices = async (dealId: number): Promise<WriteLookup> => {
    const found = await deal(dealId);
    if (!found) return { kind: 'notFound', subject: 'deal', query: String(dealId) };
    const moves = (await otherStages(found)).map((stage) => moveTo(found, stage));
    return moves.length
      ? { kind: 'choose', subject: 'stage', query: found.TITLE, options: moves }
      : { kind: 'notFound', subject: 'stage', query: found.TITLE };
  };

  return { resolve, refresh, stageChoices };
}

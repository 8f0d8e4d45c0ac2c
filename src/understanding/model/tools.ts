// The model's tools: one per scenario (a view the director sees as it is), one per write (a draft the director
// confirms with a tap), a guarded read for questions no scenario covers, and "the portal cannot do this".
// Schemas are zod, sent as plain JSON Schema (not strict-only) so local servers accept them; the same schemas
// validate what the model sends back. A view whose arguments are its request's takes its schema from the one
// catalogue (src/vocabulary/catalogue.ts), so a field added there reaches the model without another edit; the read
// tool is the typed question's own schema.
import { DateTime } from 'luxon';
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { ScenarioEntry } from '../../scenarios/entry.ts';
import { SCENARIO_ENTRIES } from '../../scenarios/registry.ts';
import { field, READS } from '../../vocabulary/catalogue.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import { querySchema } from '../../vocabulary/query.ts';
import type { LocalDate, ScenarioRequest } from '../../vocabulary/requests.ts';

/** A model's tool call turned into something the loop acts on. */
export type ToolEffect =
  | { kind: 'view'; request: ScenarioRequest }
  | { kind: 'write'; draft: WriteDraft }
  | { kind: 'cannotDo'; what: 'call' | 'email' | 'sms' }
  | { kind: 'read'; method: string; params: Record<string, unknown> }
  /** The pipeline view of one pipeline the director named: its id is looked up on the portal. */
  | { kind: 'pipelineNamed'; name: string };

/** What a tool's arguments are interpreted against: dates and times are the director's local ones. */
export interface ToolContext {
  timeZone: string;
  /** The director's local date today, `YYYY-MM-DD`. */
  today: LocalDate;
}

interface ToolSpec<S extends z.ZodType> {
  description: string;
  schema: S;
  effect: (args: z.output<S>, context: ToolContext) => ToolEffect;
}

const localDate = field.date;
const localTime = () =>
  z
    .string()
    .describe('HH:mm')
    .refine((value) => /^([01]?\d|2[0-3]):[0-5]\d$/.test(value), 'expected a time HH:mm')
    .transform((value) => value.padStart(5, '0'));
// A model writes date-times with or without an offset; without one it means the director's own clock.
const dateTime = field.instant;
// Limits checked but not sent: every schema keyword costs prompt tokens on each request.
const text = (max: number) =>
  z
    .string()
    .refine((value) => value.trim() !== '' && value.length <= max, `expected a non-empty text up to ${max} characters`)
    .transform((value) => value.trim());

/** A valid ISO date-time as the director's local time with the zone's offset (no offset = the director's clock). */
function zonedDateTime(value: string, timeZone: string): string {
  const hasOffset = /(?:[+-]\d{2}(?::?\d{2})?|Z)$/i.test(value);
  const parsed = DateTime.fromISO(value, { zone: timeZone, setZone: hasOffset });
  return parsed.setZone(timeZone).toISO({ suppressMilliseconds: true }) ?? value;
}

// Each spec is typed by its own schema; the table holds them alike.
const tool = <S extends z.ZodType>(spec: ToolSpec<S>) => spec as unknown as ToolSpec<z.ZodType>;
const view = (request: ScenarioRequest): ToolEffect => ({ kind: 'view', request });
const write = (draft: WriteDraft): ToolEffect => ({ kind: 'write', draft });

const present = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));

/** The scenarios whose tool arguments are their request's own fields: their registry entry's text and request. */
function registryTools(entries: readonly ScenarioEntry[]): Record<string, ToolSpec<z.ZodType>> {
  const tools = entries.flatMap(({ name, tool: description, request }) => {
    if (!description) return [];
    const spec = tool({
      description,
      schema: request.omit({ scenario: true }),
      effect: (args) => view({ scenario: name, ...present(args as Record<string, unknown>) } as ScenarioRequest),
    });
    return [[name, spec] as const];
  });
  return Object.fromEntries(tools);
}

const toolsOf = (entries: readonly ScenarioEntry[]): Record<string, ToolSpec<z.ZodType>> => ({
  ...registryTools(entries),
  ...OWN_TOOLS,
});

/** Tools whose arguments are the director's words (names, not ids), turned into requests or drafts here. */
const OWN_TOOLS: Record<string, ToolSpec<z.ZodType>> = {
  schedule: tool({
    description: 'Расписание на день (или с date по to): встречи и задачи со сроком',
    // A model that leaves the day out means today: no second call to ask it again.
    schema: READS.schedule.omit({ scenario: true }).partial(),
    effect: ({ date, to }, { today }) =>
      view({ scenario: 'schedule', date: date ?? today, ...(to && to > (date ?? today) ? { to } : {}) }),
  }),
  dossier: tool({
    description: 'Досье на клиента (контакт или компания)',
    schema: z.object({ name: text(100) }),
    effect: ({ name }) => view({ scenario: 'dossier', query: name }),
  }),
  meetingPrep: tool({
    description: 'Подготовка к встрече: по времени или названию',
    schema: z.object({ time: localTime().optional(), name: text(100).optional(), date: localDate().optional() }),
    effect: ({ time, name, date }) =>
      view({
        scenario: 'meetingPrep',
        ...(time ? { time } : {}),
        ...(name ? { query: name } : {}),
        ...(date ? { date } : {}),
      }),
  }),
  pipeline: tool({
    description: 'Воронка продаж: стадии с суммами, зависшие, новые лиды (name: одна воронка)',
    schema: z.object({ name: text(100).optional() }),
    effect: ({ name }) => (name ? { kind: 'pipelineNamed', name } : view({ scenario: 'pipeline' })),
  }),
  contacts: tool({
    description: 'Контакты клиента: люди компании или человек по имени, с должностью, телефоном и почтой',
    schema: z.object({ name: text(100) }),
    effect: ({ name }) => view({ scenario: 'contacts', query: name }),
  }),
  query: tool({
    description: 'Вопрос с условиями (person: me, team, sales или имена; period, compare: даты включительно)',
    // The same zod schema the router fills: one question, one view, no second model call.
    schema: querySchema,
    effect: (query) => view({ scenario: 'query', query }),
  }),
  createTask: tool({
    description: 'Предложить создать задачу',
    schema: z.object({
      title: text(250),
      deadline: dateTime().optional(),
      responsibleName: text(100).optional(),
      // The client or deal the task is about: the task is bound to it.
      about: text(250).optional(),
    }),
    effect: ({ title, deadline, responsibleName, about }, { timeZone }) =>
      write({
        type: 'createTask',
        title,
        ...(deadline ? { deadline: zonedDateTime(deadline, timeZone) } : {}),
        ...(responsibleName ? { responsibleName } : {}),
        ...(about ? { about } : {}),
      }),
  }),
  completeTask: tool({
    description: 'Предложить закрыть задачу',
    schema: z.object({ task: text(250) }),
    effect: ({ task }) => write({ type: 'completeTask', taskQuery: task }),
  }),
  moveTask: tool({
    description: 'Предложить перенести срок задачи',
    schema: z.object({ task: text(250), deadline: dateTime() }),
    effect: ({ task, deadline }, { timeZone }) =>
      write({ type: 'moveTask', taskQuery: task, deadline: zonedDateTime(deadline, timeZone) }),
  }),
  deleteTask: tool({
    description: 'Предложить удалить задачу',
    schema: z.object({ task: text(250) }),
    effect: ({ task }) => write({ type: 'deleteTask', taskQuery: task }),
  }),
  createDeal: tool({
    description: 'Предложить создать сделку',
    schema: z.object({
      title: text(250),
      amount: z
        .number()
        .refine((value) => value >= 0, 'expected an amount ≥ 0')
        .optional(),
      currency: z.string().optional(),
      // The company or contact the deal is with.
      client: text(250).optional(),
    }),
    effect: ({ title, amount, currency, client }) =>
      write({
        type: 'createDeal',
        title,
        ...(amount !== undefined ? { amount } : {}),
        ...(currency ? { currency: currency.toUpperCase() } : {}),
        ...(client ? { clientName: client } : {}),
      }),
  }),
  moveDeal: tool({
    description: 'Предложить перевести сделку на стадию',
    schema: z.object({ deal: text(250), stage: text(100) }),
    effect: ({ deal, stage }) => write({ type: 'moveDeal', dealQuery: deal, stageQuery: stage }),
  }),
  deleteDeal: tool({
    description: 'Предложить удалить сделку',
    schema: z.object({ deal: text(250) }),
    effect: ({ deal }) => write({ type: 'deleteDeal', dealQuery: deal }),
  }),
  addComment: tool({
    description: 'Предложить комментарий к сделке, контакту или компании',
    schema: z.object({ entity: z.enum(['deal', 'contact', 'company']), name: text(250), text: text(2000) }),
    effect: ({ entity, name, text }) => write({ type: 'addComment', entity, entityQuery: name, text }),
  }),
  createMeeting: tool({
    description: 'Предложить создать встречу',
    schema: z.object({ title: text(250), from: dateTime(), to: dateTime().optional() }),
    effect: ({ title, from, to }, { timeZone }) =>
      write({
        type: 'createMeeting',
        title,
        from: zonedDateTime(from, timeZone),
        ...(to ? { to: zonedDateTime(to, timeZone) } : {}),
      }),
  }),
  moveMeeting: tool({
    description: 'Предложить перенести встречу (meeting: название или HH:mm, date: её день)',
    schema: z.object({ meeting: text(250), date: localDate().optional(), from: dateTime(), to: dateTime().optional() }),
    effect: ({ meeting, date, from, to }, { timeZone }) =>
      write({
        type: 'moveMeeting',
        meetingQuery: meeting,
        ...(date ? { date } : {}),
        from: zonedDateTime(from, timeZone),
        ...(to ? { to: zonedDateTime(to, timeZone) } : {}),
      }),
  }),
  deleteMeeting: tool({
    description: 'Предложить отменить встречу (meeting: название или HH:mm)',
    schema: z.object({ meeting: text(250), date: localDate().optional() }),
    effect: ({ meeting, date }) => write({ type: 'deleteMeeting', meetingQuery: meeting, ...(date ? { date } : {}) }),
  }),
  createContact: tool({
    description: 'Предложить создать контакт',
    schema: z.object({
      name: text(100),
      lastName: text(100).optional(),
      phone: text(40).optional(),
      email: text(100).optional(),
    }),
    effect: ({ name, lastName, phone, email }) =>
      write({
        type: 'createContact',
        name,
        ...(lastName ? { lastName } : {}),
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      }),
  }),
  plan: tool({
    description: 'План продаж: факт и прогноз; why — почему; risk — сделки под угрозой; amount — задать план',
    schema: z.object({
      kind: z.enum(['month', 'quarter', 'year']).optional(),
      start: localDate().optional(),
      manager: text(100).optional(),
      why: z.boolean().optional(),
      risk: z.boolean().optional(),
      amount: z.number().positive().optional(),
    }),
    effect: ({ kind, start, manager, why, risk, amount }, context) => {
      const who = manager ? { manager } : {};
      if (risk) return view({ scenario: 'dealsAtRisk', ...who });
      if (amount === undefined)
        return view({
          scenario: 'plan',
          ...(kind ? { kind } : {}),
          ...(start ? { start } : {}),
          ...who,
          ...(why ? { why: 1 } : {}),
        });
      const period = kind ?? 'month';
      const first =
        DateTime.fromISO(start ?? context.today)
          .startOf(period)
          .toISODate() ?? context.today;
      return write({
        type: 'setPlan',
        amount,
        kind: period,
        start: first,
        ...(manager ? { managerName: manager } : {}),
      });
    },
  }),
  createCompany: tool({
    description: 'Предложить создать компанию',
    schema: z.object({ title: text(250), phone: text(40).optional(), email: text(100).optional() }),
    effect: ({ title, phone, email }) =>
      write({ type: 'createCompany', title, ...(phone ? { phone } : {}), ...(email ? { email } : {}) }),
  }),
  portal_read: tool({
    description: 'Чтение других данных Битрикс24, если сценарий не подходит (только методы чтения)',
    schema: z.object({
      method: z.string().regex(/^[a-z][\w.]*$/i),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
    effect: ({ method, params }) => ({ kind: 'read', method, params: params ?? {} }),
  }),
  cannot_do: tool({
    description: 'Звонок, письмо или SMS: портал этого не умеет',
    schema: z.object({ what: z.enum(['call', 'email', 'sms']) }),
    effect: ({ what }) => ({ kind: 'cannotDo', what }),
  }),
};

/** A bound that only says "a safe integer" tells the model nothing and costs tokens on every request. */
function withoutSafeBounds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSafeBounds);
  if (!value || typeof value !== 'object') return value;
  const safe = (key: string, item: unknown) =>
    (key === 'maximum' && item === Number.MAX_SAFE_INTEGER) || (key === 'minimum' && item === Number.MIN_SAFE_INTEGER);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => !safe(key, item))
      .map(([key, item]) => [key, withoutSafeBounds(item)]),
  );
}

function toolSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  return withoutSafeBounds(rest) as Record<string, unknown>;
}

const TOOLS = toolsOf(SCENARIO_ENTRIES);

/** The tool list of the scenarios. */
export const toolDefinitionsOf = (entries: readonly ScenarioEntry[]): ChatCompletionFunctionTool[] =>
  Object.entries(toolsOf(entries)).map(([name, spec]) => ({
    type: 'function',
    function: { name, description: spec.description, parameters: toolSchema(spec.schema) },
  }));

/** The tool list sent with every request (built once). */
export const TOOL_DEFINITIONS: ChatCompletionFunctionTool[] = toolDefinitionsOf(SCENARIO_ENTRIES);

/** A tool call the loop cannot act on; its message goes back to the model, never to the director. */
export class ToolCallError extends Error {}

/** Validates one tool call and says what it means; throws ToolCallError with a short reason otherwise. */
export function toolEffect(name: string, rawArguments: string, context: ToolContext): ToolEffect {
  const spec = Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
  if (!spec) throw new ToolCallError(`unknown tool "${name.slice(0, 40)}"; use one of the listed tools`);
  let args: unknown;
  try {
    args = rawArguments.trim() === '' ? {} : JSON.parse(rawArguments);
  } catch {
    throw new ToolCallError('arguments are not valid JSON');
  }
  const parsed = spec.schema.safeParse(args ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`);
    throw new ToolCallError(`invalid arguments: ${problems.join('; ')}`);
  }
  return spec.effect(parsed.data, context);
}

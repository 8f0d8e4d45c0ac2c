// Telegram callback data for every button Action: compact, ≤ 64 bytes of UTF-8, written and read here only.
// Layout: `<kind>[:<code>][:field…]`, fields in a fixed order per code, empty = absent, trailing empties dropped.
// A `propose` button carries ids, never the titles of existing records: the assistant reads those again from
// the portal before asking, so a stale or forged button cannot put words into the question.
// The field tables come from the one catalogue (src/vocabulary/catalogue.ts): a field added there rides on buttons.

import { DateTime, FixedOffsetZone } from 'luxon';
import type { z } from 'zod';
import type { ScenarioEntry } from '../scenarios/entry.ts';
import { SCENARIO_ENTRIES } from '../scenarios/registry.ts';
import type { Action } from '../vocabulary/actions.ts';
import { ALERT_KINDS, type AlertKind } from '../vocabulary/alert-kinds.ts';
import { type ButtonForm, buttonFormOf, type CatalogueEntry, entriesOf, WRITES } from '../vocabulary/catalogue.ts';
import { EXPORT_LISTS } from '../vocabulary/export-tables.ts';
import type { DigestName, ScenarioRequest } from '../vocabulary/requests.ts';
import type { WriteRequest, WriteType } from '../vocabulary/writes.ts';

const CALLBACK_DATA_LIMIT = 64;
/** Room left for the portal's tag in front (workspace-tag.ts: `@` + 3 + `:`). */
const TAG_ROOM = 5;

/** The connect button's data: the Telegram side answers it before the assistant sees it. */
export const CONNECT_DATA = 'cn';

type FieldKind = ButtonForm;

interface Shape {
  code: string;
  type: string;
  fields: readonly (readonly [name: string, kind: FieldKind])[];
  /** The catalogue's check: a decoded request is what the catalogue allows, or nothing. */
  schema: z.ZodType;
}

const WRITE_CODES: Record<WriteType, string> = {
  createTask: 'nt',
  completeTask: 'ct',
  deleteTask: 'xt',
  moveTask: 'mt',
  createDeal: 'nd',
  moveDeal: 'md',
  deleteDeal: 'xd',
  addComment: 'cm',
  createMeeting: 'nm',
  moveMeeting: 'mm',
  deleteMeeting: 'xm',
  createContact: 'nc',
  createCompany: 'nco',
  setPlan: 'sp',
};

/** The field tables of a catalogue table: each entry's fields in order, as their button forms. */
export function shapesOf(entries: readonly CatalogueEntry[], codes: Record<string, string | null>): Shape[] {
  return entries.flatMap(({ name, fields, schema }) => {
    const code = codes[name];
    if (!code) return [];
    const carriedFields = fields.flatMap(([field, fieldSchema]) => {
      const kind = buttonFormOf(fieldSchema);
      return kind ? [[field, kind] as const] : [];
    });
    return [{ code, type: name, fields: carriedFields, schema }];
  });
}

const DIGESTS: Record<DigestName, string> = {
  dayPlan: 'dp',
  morningBriefing: 'mb',
  overdueAlert: 'oa',
  newLeads: 'nl',
  eveningSummary: 'es',
  weeklyReport: 'wr',
};
const digestByCode = new Map(Object.entries(DIGESTS).map(([name, code]) => [code, name as DigestName]));

// An alert kind by its index in ALERT_KINDS: `as:<index or *>:<0|1>`.
const alertCode = (alert: AlertKind | undefined) => (alert === undefined ? '*' : String(ALERT_KINDS.indexOf(alert)));

const ENTITIES = ['deal', 'contact', 'company'] as const;
const PROPOSAL_ID = /^[A-Za-z0-9_-]{1,32}$/;

// Only the separator and the escape sign are escaped, so Cyrillic stays at two bytes a letter.
const escapeField = (text: string) => text.replace(/%/g, '%25').replace(/:/g, '%3A');
const unescapeField = (text: string) => text.replace(/%3A/g, ':').replace(/%25/g, '%');

class Unfit extends Error {}

function encodeField(value: unknown, kind: FieldKind): string {
  if (value === undefined || value === null || kind === 'blank') return '';
  switch (kind) {
    case 'int':
      if (!Number.isSafeInteger(value)) throw new Unfit('not an integer');
      return String(value);
    case 'num':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Unfit('not a number');
      return String(value);
    case 'ints':
      if (!Array.isArray(value) || !value.every((id) => Number.isSafeInteger(id))) throw new Unfit('not ids');
      return value.join(',');
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Unfit('not a date');
      return value.replace(/-/g, '');
    case 'time':
      if (typeof value !== 'string' || !/^\d{2}:\d{2}$/.test(value)) throw new Unfit('not a time');
      return value.replace(':', '');
    case 'instant': {
      const moment = typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : undefined;
      if (!moment?.isValid) throw new Unfit('not a date-time');
      return `${Math.floor(moment.toSeconds()).toString(36)}${moment.offset < 0 ? '-' : '+'}${Math.abs(moment.offset)}`;
    }
    case 'entity':
    case 'text':
      if (typeof value !== 'string') throw new Unfit('not text');
      return escapeField(value);
  }
}

function decodeField(raw: string, kind: FieldKind): unknown {
  if (kind === 'blank') return '';
  if (raw === '') return undefined;
  switch (kind) {
    case 'int':
      return /^-?\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
    case 'num': {
      const number = Number(raw);
      return raw.trim() !== '' && Number.isFinite(number) ? number : Number.NaN;
    }
    case 'ints':
      return /^\d{1,15}(,\d{1,15})*$/.test(raw) ? raw.split(',').map(Number) : Number.NaN;
    case 'date': {
      const date = /^\d{8}$/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6)}` : '';
      return DateTime.fromISO(date).isValid ? date : Number.NaN;
    }
    case 'time':
      return /^([01]\d|2[0-3])[0-5]\d$/.test(raw) ? `${raw.slice(0, 2)}:${raw.slice(2)}` : Number.NaN;
    case 'instant': {
      const parts = /^([0-9a-z]{1,9})([+-])(\d{1,3})$/.exec(raw);
      if (!parts) return Number.NaN;
      const offset = Number(parts[3]) * (parts[2] === '-' ? -1 : 1);
      const moment = DateTime.fromSeconds(Number.parseInt(parts[1]!, 36), { zone: FixedOffsetZone.instance(offset) });
      return moment.isValid ? moment.toISO({ suppressMilliseconds: true }) : Number.NaN;
    }
    case 'entity': {
      const entity = unescapeField(raw);
      return (ENTITIES as readonly string[]).includes(entity) ? entity : Number.NaN;
    }
    case 'text':
      return unescapeField(raw);
  }
}

function encodeShape(prefix: string, shapes: readonly Shape[], type: string, value: Record<string, unknown>): string {
  const shape = shapes.find((candidate) => candidate.type === type);
  if (!shape) throw new Unfit(`no button form for ${type}`);
  const fields = shape.fields.map(([name, kind]) => encodeField(value[name], kind));
  while (fields.length && fields[fields.length - 1] === '') fields.pop();
  return [prefix, shape.code, ...fields].join(':');
}

function decodeShape(shapes: readonly Shape[], key: string, parts: string[]): Record<string, unknown> | undefined {
  const shape = shapes.find((candidate) => candidate.code === parts[0]);
  if (!shape || parts.length - 1 > shape.fields.length) return undefined;
  const value: Record<string, unknown> = { [key]: shape.type };
  for (const [index, [name, kind]] of shape.fields.entries()) {
    const decoded = decodeField(parts[index + 1] ?? '', kind);
    if (typeof decoded === 'number' && Number.isNaN(decoded)) return undefined;
    if (decoded !== undefined) value[name] = decoded;
  }
  const checked = shape.schema.safeParse(value);
  return checked.success ? (checked.data as Record<string, unknown>) : undefined;
}

function encodeParts(action: Action, { reads, writes }: Tables): string {
  switch (action.kind) {
    case 'confirm':
    case 'cancel':
      if (!PROPOSAL_ID.test(action.proposalId)) throw new Unfit('bad proposal id');
      return `${action.kind === 'confirm' ? 'c' : 'x'}:${action.proposalId}`;
    case 'connect':
      return CONNECT_DATA;
    case 'chooseStage':
      return `g:${encodeField(action.dealId, 'int')}`;
    case 'pick':
      if (!PROPOSAL_ID.test(action.listId) || !Number.isInteger(action.index) || action.index < 0)
        throw new Unfit('bad pick');
      return `k:${action.listId}:${action.index}`;
    case 'digestToggle':
      return `dt:${DIGESTS[action.digest]}`;
    case 'digestTime':
      return `dm:${DIGESTS[action.digest]}:${encodeField(action.time, 'time')}`;
    case 'digestSettings':
      return 'dg';
    case 'show':
      return encodeShape(action.inPlace ? 'e' : 's', reads, action.request.scenario, action.request);
    case 'chart':
      return encodeShape('gr', reads, action.request.scenario, action.request);
    case 'export':
      return `xl:${action.list}`;
    case 'answerFile':
      if (!PROPOSAL_ID.test(action.key)) throw new Unfit('bad answer key');
      return `${action.file === 'chart' ? 'ag' : 'ax'}:${action.key}`;
    case 'propose':
      return encodeShape('p', writes, action.write.type, action.write);
    case 'queryMore':
      return 'qm';
    case 'queryPick':
      return `qp:${encodeField(action.option, 'int')}`;
    case 'alertSwitch':
      return `as:${alertCode(action.alert)}:${action.on ? 1 : 0}${action.inSettings ? ':s' : ''}`;
  }
}

/** The action behind callback data, or undefined for anything this bot did not write. */
function decodeParts(data: string, tables: Tables): Action | undefined {
  const [kind = '', ...parts] = data.split(':');
  return Object.hasOwn(DECODERS, kind) ? DECODERS[kind]!(parts, tables) : undefined;
}

type Decoder = (parts: string[], tables: Tables) => Action | undefined;

/** A button with nothing after its kind. */
const bare =
  (action: Action): Decoder =>
  (parts) =>
    parts.length === 0 ? { ...action } : undefined;

/** The one field of a button that carries a proposal's, list's or answer's key. */
const keyOf = (parts: string[]) => (parts.length === 1 && PROPOSAL_ID.test(parts[0]!) ? parts[0]! : undefined);

/** The one number field of a button. */
const numberOf = (parts: string[]) => {
  const value = parts.length === 1 ? decodeField(parts[0]!, 'int') : undefined;
  return typeof value === 'number' ? value : Number.NaN;
};

/** A read on a button: shown as a new message, in place of the old one, or as a chart. */
const readDecoder =
  (to: (request: ScenarioRequest) => Action): Decoder =>
  (parts, { reads }) => {
    const request = decodeShape(reads, 'scenario', parts) as ScenarioRequest | undefined;
    return request ? to(request) : undefined;
  };

const DECODERS: Record<string, Decoder> = {
  c: (parts) => {
    const proposalId = keyOf(parts);
    return proposalId ? { kind: 'confirm', proposalId } : undefined;
  },
  x: (parts) => {
    const proposalId = keyOf(parts);
    return proposalId ? { kind: 'cancel', proposalId } : undefined;
  },
  [CONNECT_DATA]: bare({ kind: 'connect' }),
  k: (parts) => {
    const [listId = '', index = ''] = parts;
    if (parts.length !== 2 || !PROPOSAL_ID.test(listId) || !/^\d{1,2}$/.test(index)) return undefined;
    return { kind: 'pick', listId, index: Number(index) };
  },
  g: (parts) => {
    const dealId = numberOf(parts);
    return dealId > 0 ? { kind: 'chooseStage', dealId } : undefined;
  },
  dt: (parts) => {
    const digest = parts.length === 1 ? digestByCode.get(parts[0]!) : undefined;
    return digest ? { kind: 'digestToggle', digest } : undefined;
  },
  dm: (parts) => {
    const digest = parts.length === 2 ? digestByCode.get(parts[0]!) : undefined;
    const time = decodeField(parts[1] ?? '', 'time');
    return digest && typeof time === 'string' ? { kind: 'digestTime', digest, time } : undefined;
  },
  dg: bare({ kind: 'digestSettings' }),
  as: (parts) => {
    const [code = '', on = '', place] = parts;
    const alert = code === '*' ? undefined : ALERT_KINDS[Number(code)];
    if (parts.length > 3 || !/^[01]$/.test(on) || (place !== undefined && place !== 's')) return undefined;
    if (code !== '*' && (!/^\d$/.test(code) || !alert)) return undefined;
    return { kind: 'alertSwitch', ...(alert ? { alert } : {}), on: on === '1', ...(place ? { inSettings: true } : {}) };
  },
  xl: (parts) => {
    const list = EXPORT_LISTS.find((name) => parts.length === 1 && name === parts[0]);
    return list ? { kind: 'export', list } : undefined;
  },
  ag: (parts) => {
    const key = keyOf(parts);
    return key ? { kind: 'answerFile', file: 'chart', key } : undefined;
  },
  ax: (parts) => {
    const key = keyOf(parts);
    return key ? { kind: 'answerFile', file: 'excel', key } : undefined;
  },
  s: readDecoder((request) => ({ kind: 'show', request })),
  e: readDecoder((request) => ({ kind: 'show', request, inPlace: true })),
  gr: readDecoder((request) => ({ kind: 'chart', request })),
  p: (parts, { writes }) => {
    const write = decodeShape(writes, 'type', parts);
    return write ? { kind: 'propose', write: write as unknown as WriteRequest } : undefined;
  },
  qm: bare({ kind: 'queryMore' }),
  qp: (parts) => {
    const option = numberOf(parts);
    return option >= 0 && option < 50 ? { kind: 'queryPick', option } : undefined;
  },
};

interface Tables {
  reads: readonly Shape[];
  writes: readonly Shape[];
}

export interface ButtonCodec {
  /** The callback data of a button. Throws when the action cannot fit Telegram's 64 bytes. */
  encodeAction(action: Action): string;
  /** The action behind callback data, or undefined for anything this bot did not write. */
  decodeAction(data: string): Action | undefined;
  /** True when the action fits a button (the assistant checks before offering one). */
  fitsButton(action: Action): boolean;
}

/** The codec of the scenarios (each with its request and its short code) and of the writes. */
export function buttonCodecOf(catalogue: {
  scenarios: readonly ScenarioEntry[];
  writes: Record<string, z.ZodObject>;
  writeCodes?: Record<string, string>;
}): ButtonCodec {
  const reads = Object.fromEntries(catalogue.scenarios.map((entry) => [entry.name, entry.request]));
  const codes = Object.fromEntries(catalogue.scenarios.map((entry) => [entry.name, entry.code]));
  const tables: Tables = {
    reads: shapesOf(entriesOf(reads, 'scenario'), codes),
    writes: shapesOf(entriesOf(catalogue.writes, 'type'), catalogue.writeCodes ?? WRITE_CODES),
  };
  const encodeAction = (action: Action): string => {
    let data: string;
    try {
      data = encodeParts(action, tables);
    } catch (error) {
      throw new Error(`button cannot be encoded: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT - TAG_ROOM) {
      throw new Error('button data exceeds 64 bytes with its portal tag');
    }
    return data;
  };
  const fitsButton = (action: Action): boolean => {
    try {
      encodeAction(action);
      return true;
    } catch {
      return false;
    }
  };
  const decodeAction = (data: string): Action | undefined =>
    typeof data === 'string' && data !== '' && Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_LIMIT
      ? decodeParts(data, tables)
      : undefined;
  return { encodeAction, decodeAction, fitsButton };
}

export const { encodeAction, decodeAction, fitsButton } = buttonCodecOf({
  scenarios: SCENARIO_ENTRIES,
  writes: WRITES,
});

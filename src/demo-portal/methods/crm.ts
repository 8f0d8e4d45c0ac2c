// crm.*: UPPER_CASE fields, ids and numbers as strings, Y/N flags, multi-fields (PHONE, EMAIL) as arrays.
import { addStageHistory, type DemoData, nextId, semanticLetter, stageById, stagesOf } from '../company.ts';
import { isoIn, momentOf } from '../dates.ts';
import { listRows, type Row } from '../filters.ts';
import { crmIdRequired, notFound, RestError } from '../rest-error.ts';
import { accessDenied, canReadDeal, readableDeals } from '../rights.ts';
import {
  listRequest,
  type Method,
  type MethodContext,
  objectParam,
  pageReply,
  param,
  positiveId,
  requireObject,
} from './context.ts';

const FIELDS_MUST_BE_ARRAY = "Parameter 'fields' must be array.";

const MULTI_FIELDS = new Set(['PHONE', 'EMAIL', 'WEB', 'IM']);
// A list without a select leaves out multi-fields, as the portal does; `get` returns them.
const listDefaults = (key: string) => !MULTI_FIELDS.has(key);

type Collection = 'deals' | 'leads' | 'contacts' | 'companies' | 'activities';

/** The records of a collection this user may read: a deal list leaves out the pipelines closed to them. */
function readable(collection: Collection, { data, userId }: MethodContext): Row[] | (() => Row[]) {
  if (collection !== 'deals') return data[collection];
  return () => readableDeals(data, userId);
}

// Fields of the types crm_status, crm_contact and crm_company: the documentation says LIKE does not work on them
// (crm.deal.list), so `%STAGE_ID` compares the whole stage here, never a part of it.
const NO_LIKE = new Set([
  'STAGE_ID',
  'STATUS_ID',
  'TYPE_ID',
  'SOURCE_ID',
  'COMPANY_TYPE',
  'INDUSTRY',
  'CONTACT_ID',
  'COMPANY_ID',
  'LEAD_ID',
]);

/** The old CRM list methods refuse a filter or an order that is not an object, in these words. */
function crmListRequest(params: Record<string, unknown>) {
  const request = listRequest(params);
  for (const name of ['filter', 'order'] as const) {
    const value = request[name];
    if (value !== undefined && (value === null || typeof value !== 'object')) {
      throw new RestError('', `Parameter '${name}' must be array.`, 400);
    }
  }
  return request;
}

function listOf(collection: Collection): Method {
  return (params, context) =>
    pageReply(
      listRows(
        readable(collection, context),
        crmListRequest(params),
        { idField: 'ID', timeZone: context.data.timeZone, defaults: listDefaults, noLike: NO_LIKE },
        // One memo per user: what one person may see is not what another may.
        { lists: context.lists, name: `${collection}@${context.userId}` },
      ),
    );
}

function findIn(collection: Collection, params: Record<string, unknown>, context: MethodContext): Row {
  const { data } = context;
  const id = positiveId(param(params, 'id'));
  if (id === undefined) throw crmIdRequired();
  const row = data[collection].find((candidate) => candidate.ID === String(id));
  if (!row) throw notFound();
  if (collection === 'deals' && !canReadDeal(data, context.userId, row)) throw accessDenied();
  return row;
}

function getOf(collection: Collection): Method {
  return (params, context) => ({ result: { ...findIn(collection, params, context) } });
}

/** Multi-field values as the portal stores them: each with its own ID and TYPE_ID. */
function multiField(data: DemoData, type: string, value: unknown): Row[] {
  const items = Array.isArray(value) ? value : Object.values(objectParam(value));
  return items
    .map((item) => objectParam(item))
    .filter((item) => String(item.VALUE ?? '').trim() !== '')
    .map((item) => ({
      ID: String(nextId(data, 'multifield')),
      VALUE_TYPE: String(item.VALUE_TYPE ?? 'WORK'),
      VALUE: String(item.VALUE),
      TYPE_ID: type,
    }));
}

// The deal fields a caller may write (crm.deal.fields, read-only ones left out). Anything else in `fields` is
// skipped without an error, as the portal skips it; custom (UF_CRM_…) and relation (PARENT_ID_…) fields are kept.
const DEAL_WRITABLE = new Set([
  'TITLE',
  'TYPE_ID',
  'CATEGORY_ID',
  'STAGE_ID',
  'IS_RECURRING',
  'IS_RETURN_CUSTOMER',
  'IS_REPEATED_APPROACH',
  'PROBABILITY',
  'CURRENCY_ID',
  'OPPORTUNITY',
  'IS_MANUAL_OPPORTUNITY',
  'TAX_VALUE',
  'COMPANY_ID',
  'CONTACT_ID',
  'CONTACT_IDS',
  'QUOTE_ID',
  'BEGINDATE',
  'CLOSEDATE',
  'OPENED',
  'CLOSED',
  'COMMENTS',
  'ASSIGNED_BY_ID',
  'SOURCE_ID',
  'SOURCE_DESCRIPTION',
  'LEAD_ID',
  'ADDITIONAL_INFO',
  'LOCATION_ID',
  'ORIGINATOR_ID',
  'ORIGIN_ID',
  'UTM_SOURCE',
  'UTM_MEDIUM',
  'UTM_CAMPAIGN',
  'UTM_CONTENT',
  'UTM_TERM',
]);

function dealFields(fields: Record<string, unknown>): Record<string, unknown> {
  const writable = Object.entries(fields).filter(([key]) => {
    const name = key.toUpperCase();
    return DEAL_WRITABLE.has(name) || name.startsWith('UF_CRM_') || name.startsWith('PARENT_ID_');
  });
  // The deal's contacts: the first of CONTACT_IDS is the one the deal shows as CONTACT_ID.
  return Object.fromEntries(
    writable.map(([key, value]) =>
      key.toUpperCase() === 'CONTACT_IDS' ? ['CONTACT_ID', firstContact(value)] : [key, value],
    ),
  );
}

const firstContact = (ids: unknown): string | null => {
  const first = Array.isArray(ids) ? ids[0] : ids;
  return first === undefined || first === null || first === '' ? null : String(first);
};

// A deal's stage and pipeline are set by the deal methods themselves, never as plain fields.
const DEAL_STAGE_FIELDS = new Set(['STAGE_ID', 'CATEGORY_ID', 'STAGE_SEMANTIC_ID', 'CLOSED']);

const MONEY = new Set(['OPPORTUNITY', 'TAX_VALUE', 'REVENUE']);
const DATES = new Set(['BEGINDATE', 'CLOSEDATE', 'BIRTHDATE']);

/** Writes `fields` into a CRM row, keeping the portal's string forms. Stage and pipeline are handled by deals. */
function applyFields(row: Row, fields: Record<string, unknown>, data: DemoData, skip: Set<string>): void {
  for (const [rawKey, value] of Object.entries(fields)) {
    const key = rawKey.toUpperCase();
    if (skip.has(key) || key === 'ID') continue;
    if (MULTI_FIELDS.has(key)) {
      const items = multiField(data, key, value);
      row[key] = [...(Array.isArray(row[key]) ? (row[key] as Row[]) : []), ...items];
      row[`HAS_${key}`] = (row[key] as Row[]).length > 0 ? 'Y' : 'N';
    } else if (MONEY.has(key)) {
      const amount = Number(
        String(value ?? '0')
          .replace(',', '.')
          .replace(/\s/g, ''),
      );
      if (!Number.isFinite(amount)) throw new RestError('', `Wrong value of the field ${key}`, 400);
      row[key] = amount.toFixed(2);
    } else if (DATES.has(key)) {
      const moment = momentOf(value, data.timeZone);
      row[key] = moment === undefined ? '' : isoIn(moment, data.timeZone);
    } else if (value === null || Array.isArray(value) || typeof value === 'object') {
      row[key] = value;
    } else if (typeof value === 'boolean') {
      row[key] = value ? 'Y' : 'N';
    } else {
      row[key] = String(value);
    }
  }
}

function stamp(row: Row, context: MethodContext, created: boolean): void {
  const now = isoIn(context.now(), context.data.timeZone);
  if (created) {
    row.DATE_CREATE = now;
    row.CREATED_BY_ID = String(context.userId);
  }
  row.DATE_MODIFY = now;
  row.MODIFY_BY_ID = String(context.userId);
}

function stageIn(categoryId: number, statusId: unknown) {
  const stage = stageById(String(statusId));
  if (!stage || stage.categoryId !== categoryId) {
    throw new RestError('', `Stage "${String(statusId)}" is not found in the pipeline ${categoryId}`, 400);
  }
  return stage;
}

const dealAdd: Method = (params, context) => {
  const { data } = context;
  const fields = requireObject(param(params, 'fields'), FIELDS_MUST_BE_ARRAY);
  const categoryId = positiveId(fields.CATEGORY_ID) ?? 0;
  const category = data.pipelines.find((pipeline) => pipeline.id === categoryId);
  if (!category) throw new RestError('', `Category ${categoryId} is not found`, 400);
  const stage = fields.STAGE_ID === undefined ? stagesOf(categoryId)[0]! : stageIn(categoryId, fields.STAGE_ID);
  const id = nextId(data, 'deal');
  const deal: Row = {
    ID: String(id),
    TITLE: `Сделка #${id}`,
    TYPE_ID: 'SALE',
    STAGE_ID: stage.statusId,
    CURRENCY_ID: 'RUB',
    OPPORTUNITY: '0.00',
    COMPANY_ID: null,
    CONTACT_ID: null,
    ASSIGNED_BY_ID: String(context.userId),
    OPENED: 'Y',
    CLOSED: stage.semantics === 'process' ? 'N' : 'Y',
    COMMENTS: '',
    CATEGORY_ID: String(categoryId),
    STAGE_SEMANTIC_ID: semanticLetter(stage.semantics),
    SOURCE_ID: null,
    IS_NEW: 'Y',
  };
  applyFields(deal, dealFields(fields), data, DEAL_STAGE_FIELDS);
  stamp(deal, context, true);
  deal.BEGINDATE ??= deal.DATE_CREATE;
  deal.MOVED_TIME = deal.DATE_CREATE;
  deal.MOVED_BY_ID = String(context.userId);
  deal.LAST_ACTIVITY_TIME = deal.DATE_CREATE;
  data.deals.push(deal);
  addStageHistory(data, deal, stage, 1, deal.DATE_CREATE as string);
  return { result: id };
};

const dealUpdate: Method = (params, context) => {
  const { data } = context;
  const deal = findIn('deals', params, context);
  const fields = requireObject(param(params, 'fields'), FIELDS_MUST_BE_ARRAY);
  // The pipeline cannot be changed here on a real portal: it has its own move operation.
  const stage = fields.STAGE_ID === undefined ? undefined : stageIn(Number(deal.CATEGORY_ID), fields.STAGE_ID);
  const draft = { ...deal };
  applyFields(draft, dealFields(fields), data, DEAL_STAGE_FIELDS);
  stamp(draft, context, false);
  if (stage && stage.statusId !== deal.STAGE_ID) {
    Object.assign(draft, {
      STAGE_ID: stage.statusId,
      STAGE_SEMANTIC_ID: semanticLetter(stage.semantics),
      CLOSED: stage.semantics === 'process' ? 'N' : 'Y',
      MOVED_TIME: draft.DATE_MODIFY,
      MOVED_BY_ID: String(context.userId),
    });
    if (stage.semantics !== 'process') draft.CLOSEDATE = draft.DATE_MODIFY;
    Object.assign(deal, draft);
    addStageHistory(data, deal, stage, stage.semantics === 'process' ? 2 : 3, deal.MOVED_TIME as string);
  } else {
    Object.assign(deal, draft);
  }
  return { result: true };
};

function removeFrom(collection: Collection): Method {
  return (params, context) => {
    const { data } = context;
    const row = findIn(collection, params, context);
    data[collection].splice(data[collection].indexOf(row), 1);
    return { result: true };
  };
}

function addTo(collection: 'contacts' | 'companies', defaults: (id: number) => Row): Method {
  return (params, context) => {
    const { data } = context;
    const fields = requireObject(param(params, 'fields'), FIELDS_MUST_BE_ARRAY);
    const id = nextId(data, collection === 'contacts' ? 'contact' : 'company');
    const row: Row = {
      ID: String(id),
      ...defaults(id),
      ASSIGNED_BY_ID: String(context.userId),
      OPENED: 'Y',
      HAS_PHONE: 'N',
      HAS_EMAIL: 'N',
    };
    applyFields(row, fields, data, new Set());
    stamp(row, context, true);
    data[collection].push(row);
    return { result: id };
  };
}

function updateIn(collection: 'contacts' | 'companies'): Method {
  return (params, context) => {
    const row = findIn(collection, params, context);
    const draft = { ...row };
    applyFields(draft, requireObject(param(params, 'fields'), FIELDS_MUST_BE_ARRAY), context.data, new Set());
    stamp(draft, context, false);
    Object.assign(row, draft);
    return { result: true };
  };
}

// Stage history answers with numbers where the other CRM lists answer with strings.
const HISTORY_NUMBERS = ['ID', 'TYPE_ID', 'OWNER_ID', 'CATEGORY_ID'];
const HISTORY_FIELDS = new Set([...HISTORY_NUMBERS, 'CREATED_TIME', 'STAGE_SEMANTIC_ID', 'STAGE_ID']);
const ENTITY_NAMES: Record<number, string> = { 3: 'CONTACT', 4: 'COMPANY', 7: 'QUOTE', 8: 'REQUISITE' };

/** A filter or order field stage history does not know is refused, never read as "nothing matches". */
function checkHistoryFields(request: { filter?: unknown; order?: unknown }): void {
  for (const key of Object.keys(objectParam(request.filter))) {
    const field = key.replace(/^[!=<>%@]+/, '');
    if (!HISTORY_FIELDS.has(field)) {
      throw new RestError('INVALID_ARG_VALUE', `Invalid filter: field '${field}' is not allowed in filter`, 400);
    }
  }
  for (const [field, direction] of Object.entries(objectParam(request.order))) {
    if (!HISTORY_FIELDS.has(field)) {
      throw new RestError('INVALID_ARG_VALUE', `Invalid order: field '${field}' is not allowed in order`, 400);
    }
    if (!/^(asc|desc)$/i.test(String(direction))) {
      throw new RestError(
        'INVALID_ARG_VALUE',
        `Invalid order: allowed sort directions are ASC, DESC. But got '${String(direction)}' for field '${field}'`,
        400,
      );
    }
  }
}

const asHistoryItem = (row: Row): Row => {
  const item = { ...row };
  for (const key of HISTORY_NUMBERS) if (item[key] !== undefined && item[key] !== null) item[key] = Number(item[key]);
  return item;
};

const stageHistoryList: Method = (params, { data, lists, userId }) => {
  const entityType = positiveId(param(params, 'entityTypeId'));
  if (entityType === undefined) throw new RestError('', 'entityTypeId is required', 400);
  if (![1, 2].includes(entityType)) {
    const name = ENTITY_NAMES[entityType];
    if (!name) throw new RestError('NOT_FOUND', 'Smart process not found', 400);
    throw new RestError('ENTITY_TYPE_NOT_SUPPORTED', `Entity type ${name} is not supported`, 400);
  }
  const request = listRequest(params);
  checkHistoryFields(request);
  const rows = () => {
    if (entityType !== 2) return [];
    const visible = new Set(readableDeals(data, userId).map((deal) => deal.ID));
    return data.stageHistory.filter((row) => visible.has(String(row.OWNER_ID)));
  };
  const page = listRows(
    rows,
    request,
    { idField: 'ID', timeZone: data.timeZone, item: asHistoryItem },
    // Each entity type has its own history: the memo must never give one type's list for another's.
    { lists, name: `stageHistory${entityType}@${userId}` },
  );
  return pageReply(page, (items) => ({ items }));
};

const statusList: Method = (params, { data }) =>
  pageReply(
    listRows(
      data.statuses,
      {
        filter: param(params, 'filter'),
        order: param(params, 'order') ?? { SORT: 'ASC' },
        start: param(params, 'start'),
      },
      { idField: 'ID', timeZone: data.timeZone },
    ),
  );

const categoryList: Method = (params, { data }) => {
  const entityType = positiveId(param(params, 'entityTypeId'));
  if (entityType === undefined) throw new RestError('', 'entityTypeId is required', 400);
  // Leads, contacts and companies have no pipelines; anything else that is not a smart process is unknown.
  if ([1, 3, 4].includes(entityType)) {
    const name = { 1: 'LEAD', 3: 'CONTACT', 4: 'COMPANY' }[entityType as 1 | 3 | 4];
    throw new RestError('ENTITY_TYPE_NOT_SUPPORTED', `Entity type ${name} is not supported`, 400);
  }
  if (entityType !== 2) throw new RestError('NOT_FOUND', 'Smart process not found', 400);
  const categories = data.pipelines.map((pipeline) => ({
    id: pipeline.id,
    name: pipeline.name,
    sort: pipeline.sort,
    entityTypeId: 2,
    isDefault: pipeline.id === 0 ? 'Y' : 'N',
  }));
  return { result: { categories }, total: categories.length };
};

const dealCategoryList: Method = (_params, { data }) => {
  // The old method lists the extra pipelines only, never the default one.
  const rows = data.pipelines
    .filter((pipeline) => pipeline.id !== 0)
    .map((pipeline) => ({ ID: String(pipeline.id), NAME: pipeline.name, SORT: String(pipeline.sort), IS_LOCKED: 'N' }));
  return { result: rows, total: rows.length };
};

// The portal's currencies, the base one first: the demo company sells in roubles, some deals in dollars and euros.
const CURRENCIES = [
  { CURRENCY: 'RUB', FULL_NAME: 'Российский рубль', BASE: 'Y', SORT: '100' },
  { CURRENCY: 'USD', FULL_NAME: 'Доллар США', BASE: 'N', SORT: '200' },
  { CURRENCY: 'EUR', FULL_NAME: 'Евро', BASE: 'N', SORT: '300' },
];
const currencyList: Method = () => ({ result: CURRENCIES, total: CURRENCIES.length });

const dealCategoryStages: Method = (params, { data }) => {
  const raw = param(params, 'id');
  const id = raw === undefined || raw === '0' || raw === 0 ? 0 : positiveId(raw);
  if (id === undefined || !data.pipelines.some((pipeline) => pipeline.id === id)) throw notFound();
  return {
    result: stagesOf(id).map((stage) => ({ NAME: stage.name, SORT: String(stage.sort), STATUS_ID: stage.statusId })),
  };
};

const ENTITY_COLLECTION: Record<string, Collection> = {
  deal: 'deals',
  lead: 'leads',
  contact: 'contacts',
  company: 'companies',
};

const commentAdd: Method = (params, context) => {
  const { data } = context;
  const fields = objectParam(param(params, 'fields'));
  const missing = ['ENTITY_ID', 'ENTITY_TYPE', 'COMMENT'].filter((name) => fields[name] === undefined);
  if (missing.length > 0) throw new RestError('100', `Required fields are not provided: ${missing.join(', ')}`, 400);
  const entityType = String(fields.ENTITY_TYPE ?? '').toLowerCase();
  const collection = ENTITY_COLLECTION[entityType];
  const entityId = positiveId(fields.ENTITY_ID);
  const owner =
    collection && entityId !== undefined ? data[collection].find((row) => row.ID === String(entityId)) : undefined;
  if (!collection || !owner) throw new RestError('OWNER_NOT_FOUND', 'Owner of the item not found', 400);
  if (collection === 'deals' && !canReadDeal(data, context.userId, owner)) {
    throw new RestError('ACCESS_DENIED', 'Access denied.', 400);
  }
  if (String(fields.COMMENT ?? '').trim() === '') throw new RestError('INVALID_ARG_VALUE', 'Empty comment', 400);
  const id = nextId(data, 'comment');
  data.comments.push({
    ID: String(id),
    CREATED: isoIn(context.now(), data.timeZone),
    ENTITY_ID: String(entityId),
    ENTITY_TYPE: entityType,
    AUTHOR_ID: String(context.userId),
    COMMENT: String(fields.COMMENT),
  });
  return { result: id };
};

const commentList: Method = (params, { data }) =>
  pageReply(listRows(data.comments, listRequest(params), { idField: 'ID', timeZone: data.timeZone }));

const FIELD_TITLES: Record<string, string> = {
  ID: 'ID',
  TITLE: 'Название',
  NAME: 'Имя',
  LAST_NAME: 'Фамилия',
  SECOND_NAME: 'Отчество',
  POST: 'Должность',
  STAGE_ID: 'Стадия сделки',
  CATEGORY_ID: 'Воронка',
  STAGE_SEMANTIC_ID: 'Группа стадии',
  STATUS_ID: 'Стадия',
  OPPORTUNITY: 'Сумма',
  CURRENCY_ID: 'Валюта',
  COMPANY_ID: 'Компания',
  CONTACT_ID: 'Контакт',
  ASSIGNED_BY_ID: 'Ответственный',
  SOURCE_ID: 'Источник',
  DATE_CREATE: 'Дата создания',
  DATE_MODIFY: 'Дата изменения',
  BEGINDATE: 'Дата начала',
  CLOSEDATE: 'Предполагаемая дата закрытия',
  CLOSED: 'Закрыта',
  COMMENTS: 'Комментарий',
  PHONE: 'Телефон',
  EMAIL: 'E-mail',
  SUBJECT: 'Тема',
  DEADLINE: 'Срок',
  COMPLETED: 'Выполнено',
  RESPONSIBLE_ID: 'Ответственный',
};

function fieldType(key: string, value: unknown): string {
  if (MULTI_FIELDS.has(key)) return 'crm_multifield';
  if (key === 'ID') return 'integer';
  if (key.endsWith('_BY_ID') || key === 'RESPONSIBLE_ID') return 'user';
  if (MONEY.has(key)) return 'double';
  if (DATES.has(key)) return 'date';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return 'datetime';
  if (value === 'Y' || value === 'N') return 'char';
  if (key.endsWith('STAGE_ID') || key === 'STATUS_ID' || key === 'SOURCE_ID') return 'crm_status';
  return 'string';
}

/** `crm.<entity>.fields`: each field's type and title, read off the entity's own records. */
function fieldsOf(collection: Collection): Method {
  return (_params, { data }) => {
    const sample = data[collection][0] ?? {};
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(sample)) {
      const type = fieldType(key, value);
      result[key] = {
        type,
        isRequired: false,
        isReadOnly: key === 'ID' || key.startsWith('DATE_') || key.endsWith('SEMANTIC_ID'),
        isImmutable: false,
        isMultiple: MULTI_FIELDS.has(key),
        isDynamic: false,
        title: FIELD_TITLES[key] ?? key,
      };
    }
    return { result };
  };
}

export const crmMethods: Record<string, Method> = {
  'crm.deal.fields': fieldsOf('deals'),
  'crm.lead.fields': fieldsOf('leads'),
  'crm.contact.fields': fieldsOf('contacts'),
  'crm.company.fields': fieldsOf('companies'),
  'crm.activity.fields': fieldsOf('activities'),
  'crm.deal.list': listOf('deals'),
  'crm.deal.get': getOf('deals'),
  'crm.deal.add': dealAdd,
  'crm.deal.update': dealUpdate,
  'crm.deal.delete': removeFrom('deals'),
  'crm.lead.list': listOf('leads'),
  'crm.lead.get': getOf('leads'),
  'crm.contact.list': listOf('contacts'),
  'crm.contact.get': getOf('contacts'),
  'crm.contact.add': addTo('contacts', () => ({
    NAME: '',
    LAST_NAME: '',
    POST: '',
    COMPANY_ID: null,
    TYPE_ID: 'CLIENT',
  })),
  'crm.contact.update': updateIn('contacts'),
  'crm.company.list': listOf('companies'),
  'crm.company.get': getOf('companies'),
  'crm.company.add': addTo('companies', (id) => ({
    TITLE: `Компания #${id}`,
    COMPANY_TYPE: 'CUSTOMER',
    CURRENCY_ID: 'RUB',
  })),
  'crm.company.update': updateIn('companies'),
  'crm.activity.list': listOf('activities'),
  'crm.activity.get': getOf('activities'),
  'crm.stagehistory.list': stageHistoryList,
  'crm.status.list': statusList,
  'crm.currency.list': currencyList,
  'crm.category.list': categoryList,
  'crm.dealcategory.list': dealCategoryList,
  'crm.dealcategory.stage.list': dealCategoryStages,
  'crm.timeline.comment.add': commentAdd,
  'crm.timeline.comment.list': commentList,
};

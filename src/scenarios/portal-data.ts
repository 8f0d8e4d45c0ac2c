// The portal's raw shapes, checked at the boundary. CRM sends ids and numbers as strings, tasks use
// camelCase, users UPPER_CASE: everything is coerced here once, so scenarios see plain numbers and strings.
import { z } from 'zod';
import { itemsOf } from '../portal/list.ts';

const id = z.coerce.number().int();
// `.optional()` before each transform: a field the portal leaves out is read as empty, not as a bad row.
const text = z
  .unknown()
  .optional()
  .transform((value) => (value === null || value === undefined ? '' : String(value)).trim());
const optionalText = z
  .unknown()
  .transform((value) => (value === null || value === undefined || value === '' ? undefined : String(value)))
  .optional();
const number = z
  .unknown()
  .optional()
  .transform((value) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : 0;
  });
// A number the portal may leave out or garble: read as absent rather than failing the row.
const optionalNumber = z.coerce.number().optional().catch(undefined);
const yes = z
  .unknown()
  .optional()
  .transform((value) => value === true || value === 'Y' || value === 'y' || value === 1);
const multiField = z
  .array(z.object({ VALUE: text }).loose())
  .optional()
  .catch(undefined)
  .transform((values) => (values ?? []).map((value) => value.VALUE).filter(Boolean));

export const userSchema = z
  .object({
    ID: id,
    NAME: text,
    LAST_NAME: text,
    SECOND_NAME: text.optional(),
    WORK_POSITION: text,
    TIME_ZONE: text,
    UF_DEPARTMENT: z.array(z.coerce.number()).catch([]).optional(),
    ACTIVE: z.unknown().optional(),
  })
  .loose();
export type PortalUser = z.output<typeof userSchema>;

export const departmentSchema = z.object({ ID: id, NAME: text, PARENT: optionalNumber, UF_HEAD: optionalText }).loose();
export type PortalDepartment = z.output<typeof departmentSchema>;

export const statusSchema = z
  .object({
    ENTITY_ID: text,
    STATUS_ID: text,
    NAME: text,
    SORT: number,
    SEMANTICS: optionalText,
    CATEGORY_ID: optionalNumber,
    EXTRA: z.object({ SEMANTICS: optionalText }).loose().optional().catch(undefined),
  })
  .loose();

/** One of the portal's currencies (crm.currency.list): its code and full name («USD», «Доллар США»). */
export const currencySchema = z.object({ CURRENCY: text, FULL_NAME: optionalText }).loose();

export const categorySchema = z.object({ id, name: text, sort: number.optional() }).loose();

export const taskSchema = z
  .object({
    id,
    title: text,
    deadline: optionalText,
    status: z.coerce.number().catch(0),
    responsibleId: optionalNumber,
    closedDate: optionalText,
    createdDate: optionalText,
    /** The CRM records the task is bound to: «CO_12» a company, «D_5» a deal. */
    ufCrmTask: z.array(z.string()).optional().catch(undefined),
  })
  .loose();
export type PortalTask = z.output<typeof taskSchema>;

export const dealSchema = z
  .object({
    ID: id,
    TITLE: text,
    STAGE_ID: text,
    CATEGORY_ID: z.coerce.number().catch(0),
    STAGE_SEMANTIC_ID: optionalText,
    OPPORTUNITY: number,
    CURRENCY_ID: text,
    ASSIGNED_BY_ID: optionalNumber,
    CONTACT_ID: optionalNumber,
    COMPANY_ID: optionalNumber,
    DATE_CREATE: optionalText,
    DATE_MODIFY: optionalText,
    MOVED_TIME: optionalText,
    LAST_ACTIVITY_TIME: optionalText,
    /** The expected close date. */
    CLOSEDATE: optionalText,
    COMMENTS: optionalText,
  })
  .loose();
export type PortalDeal = z.output<typeof dealSchema>;

export const leadSchema = z
  .object({
    ID: id,
    TITLE: text,
    NAME: text,
    LAST_NAME: text,
    STATUS_ID: text,
    SOURCE_ID: text,
    DATE_CREATE: optionalText,
    ASSIGNED_BY_ID: optionalNumber,
    COMPANY_TITLE: optionalText,
    PHONE: multiField,
    EMAIL: multiField,
  })
  .loose();
export type PortalLead = z.output<typeof leadSchema>;

export const contactSchema = z
  .object({
    ID: id,
    NAME: text,
    LAST_NAME: text,
    SECOND_NAME: text.optional(),
    POST: text,
    COMPANY_ID: optionalNumber,
    PHONE: multiField,
    EMAIL: multiField,
  })
  .loose();
export type PortalContact = z.output<typeof contactSchema>;

export const companySchema = z.object({ ID: id, TITLE: text, PHONE: multiField, EMAIL: multiField }).loose();
export type PortalCompany = z.output<typeof companySchema>;

export const activitySchema = z
  .object({
    ID: id,
    SUBJECT: text,
    TYPE_ID: z.coerce.number().catch(0),
    OWNER_TYPE_ID: z.coerce.number().catch(0),
    OWNER_ID: z.coerce.number().catch(0),
    DEADLINE: optionalText,
    START_TIME: optionalText,
    CREATED: optionalText,
    COMPLETED: yes,
    RESPONSIBLE_ID: z.coerce.number().optional().catch(undefined),
  })
  .loose();
export type PortalActivity = z.output<typeof activitySchema>;

export const stageHistorySchema = z
  .object({
    ID: id,
    TYPE_ID: z.coerce.number().catch(0),
    OWNER_ID: id,
    CREATED_TIME: text,
    CATEGORY_ID: optionalNumber,
    STAGE_SEMANTIC_ID: optionalText,
    STAGE_ID: text,
  })
  .loose();
export type PortalStageHistory = z.output<typeof stageHistorySchema>;

// When a deal last moved needs only the deal and the moment: a row read whole would be hundreds of values a view.
export const stageMoveSchema = stageHistorySchema.pick({ OWNER_ID: true, CREATED_TIME: true }).strip();
export type StageMove = z.output<typeof stageMoveSchema>;
/** A deal's stage before a window: only where it stood, to name where a move came from. */
export const earlierStageSchema = stageHistorySchema.pick({ ID: true, OWNER_ID: true, STAGE_ID: true }).strip();
export type EarlierStage = z.output<typeof earlierStageSchema>;
export const activityMoveSchema = activitySchema.pick({ OWNER_ID: true, CREATED: true }).strip();
export type ActivityMove = z.output<typeof activityMoveSchema>;

export const eventSchema = z
  .object({
    ID: id,
    NAME: text,
    DATE_FROM: optionalText,
    DATE_TO: optionalText,
    DATE_FROM_TS_UTC: optionalNumber,
    DATE_TO_TS_UTC: optionalNumber,
    TZ_FROM: optionalText,
    TZ_TO: optionalText,
    DT_SKIP_TIME: yes,
    LOCATION: optionalText,
    DESCRIPTION: optionalText,
    IS_MEETING: yes,
    MEETING_HOST: optionalNumber,
    ATTENDEE_LIST: z
      .array(z.object({ id: z.coerce.number(), status: optionalText }).loose())
      .optional()
      .catch(undefined),
    DELETED: yes.optional(),
  })
  .loose();
export type PortalEvent = z.output<typeof eventSchema>;

export const timemanSchema = z.object({ STATUS: text }).loose();

/** Parses each item, dropping the ones that do not fit (a portal may add odd rows; one must not sink a view). */
export function parseItems<T extends z.ZodType>(schema: T, result: unknown): z.output<T>[] {
  const parsed: z.output<T>[] = [];
  for (const item of itemsOf(result)) {
    const one = schema.safeParse(item);
    if (one.success) parsed.push(one.data);
  }
  return parsed;
}

export const personName = (user: { NAME: string; LAST_NAME: string }): string =>
  [user.NAME, user.LAST_NAME].filter(Boolean).join(' ');

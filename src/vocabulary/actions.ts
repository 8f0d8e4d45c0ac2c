// What a button means. Views and the assistant attach these; the callback codec (assistant) turns
// them into ≤64-byte Telegram callback data and back, so a button's data is written and read by one module.

import { z } from 'zod';
import { ALERT_KINDS, type AlertKind } from './alert-kinds.ts';
import { scenarioRequestSchema, writeRequestSchema } from './catalogue.ts';
import { EXPORT_LISTS, type ExportList } from './export-tables.ts';
import { DIGEST_NAMES, type DigestName, type ScenarioRequest } from './requests.ts';
import type { WriteRequest } from './writes.ts';

export type Action =
  /** Show another view (a card picked from a list, the next day's schedule …). */
  /** `inPlace`: the view replaces the one tapped on (the next day, another pipeline) instead of piling up. */
  | { kind: 'show'; request: ScenarioRequest; inPlace?: boolean }
  /** The same view as a picture (the pipeline's funnel, the week's money …). */
  | { kind: 'chart'; request: ScenarioRequest }
  /** A whole list as a spreadsheet. */
  | { kind: 'export'; list: ExportList }
  /** An answer to a question as a picture or a spreadsheet: the question is stored, the button holds its key. */
  | { kind: 'answerFile'; file: 'chart' | 'excel'; key: string }
  /** Ask the director to confirm this write (e.g. "complete" under a task). */
  | { kind: 'propose'; write: WriteRequest }
  /** Offer the stages a deal can move to, as buttons. */
  | { kind: 'chooseStage'; dealId: number }
  /** One option of a pick-one list, by its place in the chat's current list: it only chooses, never writes. */
  | { kind: 'pick'; listId: string; index: number }
  /** Yes / no on a stored proposal: bound to the stored arguments, never to text. */
  | { kind: 'confirm'; proposalId: string }
  | { kind: 'cancel'; proposalId: string }
  /** Digest settings: switch one on or off, or set its local time `HH:mm`. */
  | { kind: 'digestToggle'; digest: DigestName }
  | { kind: 'digestTime'; digest: DigestName; time: string }
  /** The next part of the last long list. */
  | { kind: 'queryMore' }
  /** One option of the last pick list (a person or client a name fitted several of). */
  | { kind: 'queryPick'; option: number }
  /** Connect the director's own portal (the Bitrix24 application): the Telegram side asks for its address. */
  | { kind: 'connect' }
  /** Open the whole digest settings message (under a one-line change said in words). */
  | { kind: 'digestSettings' }
  /** Alerts of one kind (or all of them) on or off: «Не присылать такие», and the switches of /alerts. */
  /** `inSettings`: tapped on the settings message, which then shows the change. */
  | { kind: 'alertSwitch'; alert?: AlertKind; on: boolean; inSettings?: boolean };

const digestName = z.enum(DIGEST_NAMES);
const proposalId = z.string().min(1);

/** The check on an Action read back from storage (the rest of a digest left by an instance that stopped). */
export const actionSchema: z.ZodType<Action> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('show'), request: scenarioRequestSchema, inPlace: z.boolean().optional() }),
  z.object({ kind: z.literal('chart'), request: scenarioRequestSchema }),
  z.object({ kind: z.literal('export'), list: z.enum(EXPORT_LISTS as [ExportList, ...ExportList[]]) }),
  z.object({ kind: z.literal('answerFile'), file: z.enum(['chart', 'excel']), key: z.string().min(1) }),
  z.object({ kind: z.literal('propose'), write: writeRequestSchema }),
  z.object({ kind: z.literal('chooseStage'), dealId: z.number().int().positive() }),
  z.object({ kind: z.literal('pick'), listId: z.string().min(1), index: z.number().int().min(0) }),
  z.object({ kind: z.literal('confirm'), proposalId }),
  z.object({ kind: z.literal('cancel'), proposalId }),
  z.object({ kind: z.literal('digestToggle'), digest: digestName }),
  z.object({ kind: z.literal('digestTime'), digest: digestName, time: z.string().regex(/^\d{2}:\d{2}$/) }),
  z.object({ kind: z.literal('queryMore') }),
  z.object({ kind: z.literal('queryPick'), option: z.number().int().min(0) }),
  z.object({ kind: z.literal('connect') }),
  z.object({ kind: z.literal('digestSettings') }),
  z.object({
    kind: z.literal('alertSwitch'),
    alert: z.enum(ALERT_KINDS).optional(),
    on: z.boolean(),
    inSettings: z.boolean().optional(),
  }),
]);

// The answers whose «📈 График» and «📥 Excel» buttons are still under them: each question is stored under a short
// key (a button's data holds 64 bytes, a question does not fit), so a tap sends the picture or the spreadsheet of
// exactly that question, filters and all. The last few answers of a chat are kept.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { chartQueryOf } from '../scenarios/files/chart-data.ts';
import type { AnswerFiles } from '../scenarios/files/file-buttons.ts';
import { hasSpreadsheet } from '../scenarios/files/query-table.ts';
import { storedQuerySchema } from '../vocabulary/query.ts';
import type { ViewModel } from '../vocabulary/view-models.ts';

const KEPT_ANSWERS = 10;

const storedAnswer = z.object({
  key: z.string(),
  /** The question as answered (its defaults filled in): the spreadsheet's rows. */
  query: storedQuerySchema,
  /** The same question grouped for its picture. */
  chart: storedQuerySchema.optional(),
});
export const storedAnswers = z.array(storedAnswer);
export type StoredAnswer = z.output<typeof storedAnswer>;

/** The answer's files and the kept answers with it, or undefined when the answer has no file to offer. */
export function storeAnswer(
  kept: StoredAnswer[] | undefined,
  view: ViewModel,
): { answers: StoredAnswer[]; files: AnswerFiles } | undefined {
  if (view.view !== 'query' && view.view !== 'comparison') return undefined;
  // Two periods side by side draw as themselves (earned only).
  const chart = view.view === 'query' ? chartQueryOf(view) : view.measure === 'earned' ? view.query : undefined;
  const excel = hasSpreadsheet(view);
  if (!chart && !excel) return undefined;
  const key = randomBytes(6).toString('base64url');
  const answer: StoredAnswer = { key, query: view.query, ...(chart ? { chart } : {}) };
  return {
    answers: [...(kept ?? []).slice(-(KEPT_ANSWERS - 1)), answer],
    files: { key, chart: Boolean(chart), excel },
  };
}

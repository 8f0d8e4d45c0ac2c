// The buttons that send a view as a file: «📈 График» under a view that has a picture, «📥 Excel» under a list;
// under an answer to a question they carry the key of the stored question (Telegram allows 64 bytes).

import { exportListOf } from '../scenarios/files/exports.ts';
import type { Language } from '../vocabulary/director.ts';
import type { ScenarioName, ScenarioRequest } from '../vocabulary/requests.ts';
import type { Button, Reply } from './reply.ts';
import { say } from './words.ts';

/** The views that have a picture (see chartOfView). */
const CHARTED: ReadonlySet<ScenarioName> = new Set(['pipeline', 'weeklyReport', 'teamStatus', 'newLeads', 'plan']);

/** An answer to a question whose picture and spreadsheet are offered: the key its question is stored under. */
export interface AnswerFiles {
  key: string;
  chart: boolean;
  excel: boolean;
}

function answerButtons(answer: AnswerFiles, language: Language): Button[] {
  const buttons: Button[] = [];
  if (answer.chart)
    buttons.push({
      text: say(language, '📈 График', '📈 Chart'),
      action: { kind: 'answerFile', file: 'chart', key: answer.key },
    });
  if (answer.excel) buttons.push({ text: '📥 Excel', action: { kind: 'answerFile', file: 'excel', key: answer.key } });
  return buttons;
}

function fileButtons(request: ScenarioRequest, language: Language, answer?: AnswerFiles): Button[] {
  if (answer) return answerButtons(answer, language);
  const buttons: Button[] = [];
  if (CHARTED.has(request.scenario))
    buttons.push({ text: say(language, '📈 График', '📈 Chart'), action: { kind: 'chart', request } });
  const list = exportListOf(request.scenario);
  if (list) buttons.push({ text: '📥 Excel', action: { kind: 'export', list } });
  return buttons;
}

/** The view's replies with its file buttons in one more row under the last one. */
export function withFileButtons(
  replies: Reply[],
  request: ScenarioRequest,
  language: Language,
  answer?: AnswerFiles,
): Reply[] {
  const row = fileButtons(request, language, answer);
  const last = replies.at(-1);
  if (row.length === 0 || !last) return replies;
  return [...replies.slice(0, -1), { ...last, buttons: [...(last.buttons ?? []), row] }];
}

// The buttons that send a view as a file: «📈 График» under a view that has a picture, «📥 Excel» under a list;
// under an answer to a question they carry the key of the stored question (Telegram allows 64 bytes).

import { CHART_BUTTON } from '../../views/messages-files.ts';
import type { Button, Reply } from '../../views/reply.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import { REGISTRY } from '../registry.ts';

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
      text: CHART_BUTTON[language],
      action: { kind: 'answerFile', file: 'chart', key: answer.key },
    });
  if (answer.excel) buttons.push({ text: '📥 Excel', action: { kind: 'answerFile', file: 'excel', key: answer.key } });
  return buttons;
}

function fileButtons(request: ScenarioRequest, language: Language, answer?: AnswerFiles): Button[] {
  if (answer) return answerButtons(answer, language);
  const buttons: Button[] = [];
  if (REGISTRY.hasChartButton(request.scenario))
    buttons.push({ text: CHART_BUTTON[language], action: { kind: 'chart', request } });
  const list = REGISTRY.exportListOf(request.scenario);
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

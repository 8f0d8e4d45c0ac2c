// Reads (promise 1): a view at once, as text, as a picture or as a spreadsheet. A long list is remembered so
// «ещё» goes on with it; a pick list so its buttons know their questions; an answer to a question so its picture
// and spreadsheet buttons know it.

import { withFileButtons } from '../scenarios/files/file-buttons.ts';
import { pictureReply } from '../scenarios/files/picture.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { QUERY_PAGE } from '../scenarios/questions/query-run.ts';
import { localDateAt } from '../scenarios/schedule/day-window.ts';
import type { Conversations } from '../understanding/conversation.ts';
import type { Format } from '../understanding/router/formats.ts';
import { openingOf, shownItemsOf } from '../understanding/shown-items.ts';
import { storeAnswer } from '../understanding/stored-answers.ts';
import { escapeHtml } from '../views/html.ts';
import { NOTHING_MORE, NOTHING_TO_REPORT, STALE_BUTTON, STATUS_EXPORTING } from '../views/messages.ts';
import { NO_SUCH_ITEM, taskNotOpened } from '../views/messages-words.ts';
import type { Reply } from '../views/reply.ts';
import { spreadsheetReply } from '../views/sheets/lists.ts';
import type { Director } from '../vocabulary/director.ts';
import type { ExportList } from '../vocabulary/export-tables.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';

type OnStatus = ((status: string) => void) | undefined;
type Asker = Director & { telegramUserId?: number };

export interface Reads {
  /** A view in the form the director asked for; a view that is not a list is shown as it is. */
  show(director: Asker, request: ScenarioRequest, format?: Format, onStatus?: OnStatus): Promise<Reply[]>;
  view(director: Asker, request: ScenarioRequest, onStatus?: OnStatus): Promise<Reply[]>;
  chart(director: Director, request: ScenarioRequest): Promise<Reply[]>;
  spreadsheet(director: Director, list: ExportList): Promise<Reply[]>;
  /** The next part of the last long list, or one option of the last pick list. */
  continued(director: Director & { telegramUserId: number }, option?: number): Promise<Reply[]>;
  /** «открой третью»: the item at `index` of the last list shown, opened. */
  opened(director: Director & { telegramUserId: number }, index: number): Promise<Reply[]>;
  /** The picture or the whole spreadsheet of a stored answer to a question. */
  answerFile(director: Director & { telegramUserId: number }, file: 'chart' | 'excel', key: string): Promise<Reply[]>;
}

const text = (html: string): Reply => ({ html });

export function createReads(deps: { scenarios: Scenarios; conversations: Conversations; now: () => Date }): Reads {
  const { scenarios, conversations } = deps;
  const { registry } = scenarios;
  const renderView = registry.renderView;
  const statusFor = registry.statusFor;

  const view: Reads['view'] = async (director, request, onStatus) => {
    onStatus?.(statusFor(request.scenario, director.language));
    const model = await scenarios.run(director, request);
    const tg = director.telegramUserId;
    if (tg !== undefined && model?.view === 'query' && request.scenario === 'query' && 'items' in model.result)
      await conversations.remember(tg, { list: { query: request.query, offset: model.offset } });
    const shown = model && shownItemsOf(model);
    if (tg !== undefined && shown) await conversations.remember(tg, { shown });
    if (tg !== undefined && model?.view === 'queryChoice')
      await conversations.remember(tg, { picks: model.options.map((option) => option.query) });
    if (!model) return [text(NOTHING_TO_REPORT[director.language])];
    const stored = tg !== undefined ? storeAnswer((await conversations.read(tg)).answers, model) : undefined;
    if (stored && tg !== undefined) await conversations.remember(tg, { answers: stored.answers });
    return withFileButtons(renderView(model, director.language), request, director.language, stored?.files);
  };

  /** The view as a picture; a view without one is shown as text. */
  const chart = async (director: Director, request: ScenarioRequest, onStatus?: OnStatus): Promise<Reply[]> => {
    onStatus?.(statusFor(request.scenario, director.language));
    const picture = await scenarios.picture(director, request);
    if (!picture) return [text(NOTHING_TO_REPORT[director.language])];
    if (!picture.chart) return renderView(picture.view, director.language);
    return [pictureReply(picture.view, renderView(picture.view, director.language), picture.chart, director.language)];
  };

  const spreadsheet = async (director: Director, list: ExportList, onStatus?: OnStatus) => {
    onStatus?.(STATUS_EXPORTING[director.language]);
    const table = await scenarios.exportTable(director, list);
    return [await spreadsheetReply(table, localDateAt(deps.now(), director.timeZone), director.language)];
  };

  const answerFile: Reads['answerFile'] = async (director, file, key) => {
    const answer = (await conversations.read(director.telegramUserId)).answers?.find((one) => one.key === key);
    if (!answer) return [text(STALE_BUTTON[director.language])];
    if (file === 'chart')
      return answer.chart
        ? chart(director, { scenario: 'query', query: answer.chart })
        : [text(STALE_BUTTON[director.language])];
    const table = await scenarios.queryTable(director, answer.query);
    if (!table) return [text(NOTHING_TO_REPORT[director.language])];
    return [await spreadsheetReply(table, localDateAt(deps.now(), director.timeZone), director.language)];
  };

  const show: Reads['show'] = (director, request, format, onStatus) => {
    // A file of the whole list would drop the department asked about: the view names it instead.
    const scoped = request.scenario === 'teamStatus' && request.department !== undefined;
    const list = format === 'excel' && !scoped ? registry.exportListOf(request.scenario) : undefined;
    if (list) return spreadsheet(director, list, onStatus);
    return format === 'chart' ? chart(director, request, onStatus) : view(director, request, onStatus);
  };

  const continued: Reads['continued'] = async (director, option) => {
    const memory = await conversations.read(director.telegramUserId);
    const request: ScenarioRequest | undefined =
      option === undefined
        ? memory.list && { scenario: 'query', query: memory.list.query, offset: memory.list.offset + QUERY_PAGE }
        : memory.picks?.[option] && { scenario: 'query', query: memory.picks[option]! };
    if (!request) return [text((option === undefined ? NOTHING_MORE : STALE_BUTTON)[director.language])];
    return view(director, request);
  };

  const opened: Reads['opened'] = async (director, index) => {
    const item = (await conversations.read(director.telegramUserId)).shown?.[index];
    if (!item) return [text(NO_SUCH_ITEM[director.language])];
    const request = openingOf(item);
    if (!request) return [text(taskNotOpened(escapeHtml(item.title), director.language))];
    return view(director, request);
  };

  return { show, view, chart, spreadsheet, continued, opened, answerFile };
}

// Reads (promise 1): a view at once, as text, as a picture or as a spreadsheet. A long list is remembered so
// «ещё» goes on with it; a pick list so its buttons know their questions; an answer to a question so its picture
// and spreadsheet buttons know it.

import type { Shown } from '../scenarios/entry.ts';
import { withFileButtons } from '../scenarios/files/file-buttons.ts';
import { pictureReply } from '../scenarios/files/picture.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { QUERY_PAGE } from '../scenarios/questions/query-run.ts';
import { localDateAt } from '../scenarios/schedule/day-window.ts';
import { completeButtons } from '../scenarios/tasks/tasks-view.ts';
import type { ConversationContext, Conversations, ShownList } from '../understanding/conversation.ts';
import type { Format } from '../understanding/router/formats.ts';
import { openingOf } from '../understanding/shown-items.ts';
import { storeAnswer } from '../understanding/stored-answers.ts';
import { escapeHtml } from '../views/html.ts';
import { NOTHING_MORE, NOTHING_TO_REPORT, STALE_BUTTON, STATUS_EXPORTING, type Texts } from '../views/messages.ts';
import { LIST_ENDED, LIST_NOT_PAGED, WHAT_TO_DRAW, WHAT_TO_EXPORT } from '../views/messages-references.ts';
import { NO_SUCH_ITEM, taskNotOpened } from '../views/messages-words.ts';
import type { Reply } from '../views/reply.ts';
import { spreadsheetReply } from '../views/sheets/lists.ts';
import type { Director, Language } from '../vocabulary/director.ts';
import type { ExportList } from '../vocabulary/export-tables.ts';
import type { ScenarioRequest } from '../vocabulary/requests.ts';
import type { ShownItem } from '../vocabulary/shown-items.ts';

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
  /** «подробнее про вторую», «открой её»: one record just shown, opened. */
  open(director: Director & { telegramUserId: number }, item: ShownItem): Promise<Reply[]>;
  /** «нарисуй», «выгрузи это»: the picture or the spreadsheet of what was just shown, or what it can be made of. */
  lastFile(director: Director & { telegramUserId: number }, file: 'chart' | 'excel'): Promise<Reply[]>;
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
    if (tg !== undefined && model) await rememberShown(conversations, tg, registry.shownOf(model));
    if (tg !== undefined && model?.view === 'queryChoice')
      await conversations.remember(tg, { picks: model.options.map((option) => option.query) });
    if (!model) return [text(NOTHING_TO_REPORT[director.language])];
    const stored = tg !== undefined ? storeAnswer((await conversations.read(tg)).answers, model) : undefined;
    // «выгрузи это» after an answer to a question: its files, or none when it has none (an older answer's are not it).
    if (tg !== undefined && (model.view === 'query' || model.view === 'comparison'))
      await conversations.remember(
        tg,
        stored ? { answers: stored.answers, lastAnswer: stored.files.key } : { lastAnswer: undefined },
      );
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
    if (option === undefined) return goneOn(memory.list, director.language, (request) => view(director, request));
    const picked = memory.picks?.[option];
    return picked ? view(director, { scenario: 'query', query: picked }) : [text(STALE_BUTTON[director.language])];
  };

  const opened: Reads['opened'] = async (director, index) => {
    const item = (await conversations.read(director.telegramUserId)).shown?.[index];
    return item ? open(director, item) : [text(NO_SUCH_ITEM[director.language])];
  };

  const open: Reads['open'] = (director, item) => openedItem(conversations, view, director, item);
  const lastFile: Reads['lastFile'] = async (director, file) => {
    const memory = await conversations.read(director.telegramUserId);
    return fileOfLast({ chart, spreadsheet, answerFile }, registry, memory, director, file);
  };

  return { show, view, chart, spreadsheet, continued, opened, open, lastFile, answerFile };
}

/** One record just shown, opened; it is then what «её» means. */
async function openedItem(
  conversations: Conversations,
  view: Reads['view'],
  director: Director & { telegramUserId: number },
  item: ShownItem,
): Promise<Reply[]> {
  const request = openingOf(item);
  if (request) return view(director, request);
  await conversations.remember(director.telegramUserId, { focus: item });
  // A task has no card: its title, and the way to close it at a tap.
  const buttons = completeButtons([{ id: item.id, title: item.title, overdue: false }], director.language);
  return [{ html: taskNotOpened(escapeHtml(item.title), director.language), buttons }];
}

/** «нарисуй», «выгрузи это»: the picture or the spreadsheet of the last view, or what can be drawn or exported. */
function fileOfLast(
  reads: Pick<Reads, 'chart' | 'spreadsheet' | 'answerFile'>,
  registry: Scenarios['registry'],
  memory: ConversationContext,
  director: Director & { telegramUserId: number },
  file: 'chart' | 'excel',
): Promise<Reply[]> {
  const shown = memory.previous?.kind === 'view' ? memory.previous.request : undefined;
  const nothing = Promise.resolve([text((file === 'chart' ? WHAT_TO_DRAW : WHAT_TO_EXPORT)[director.language])]);
  if (shown?.scenario === 'query') {
    const answer = memory.answers?.find((one) => one.key === memory.lastAnswer);
    return answer && (file === 'excel' || answer.chart) ? reads.answerFile(director, file, answer.key) : nothing;
  }
  if (shown && file === 'chart' && registry.hasChartButton(shown.scenario)) return reads.chart(director, shown);
  const list = shown && file === 'excel' ? registry.exportListOf(shown.scenario) : undefined;
  return list ? reads.spreadsheet(director, list) : nothing;
}

/**
 * What a view leaves for the next message: the lines of its list («открой третью») and the list itself («ещё»,
 * which a newer list replaces), and the one record it is about or its only line («закрой её»).
 */
async function rememberShown(conversations: Conversations, tg: number, shown: Shown): Promise<void> {
  const { items, one, total, more } = shown;
  const change: ConversationContext = {};
  if (items) {
    change.shown = items;
    change.list = more
      ? { query: more.query, offset: Math.max(0, more.from - items.length), next: more.from, total: total ?? more.from }
      : { offset: 0, next: items.length, total: total ?? items.length };
  }
  // A list of several leaves nothing for «её» to mean until one of them is opened.
  if (one || items) change.focus = one ?? (items?.length === 1 ? items[0] : undefined);
  if (Object.keys(change).length) await conversations.remember(tg, change);
}

/** The next part of the last list, or why there is none: no list, a list shown whole, one that does not go on. */
export function nextPart(list: ShownList | undefined): ScenarioRequest | Texts {
  if (!list) return NOTHING_MORE;
  const next = list.next ?? list.offset + QUERY_PAGE;
  if (list.total !== undefined && next >= list.total) return LIST_ENDED;
  return list.query ? { scenario: 'query', query: list.query, offset: next } : LIST_NOT_PAGED;
}

/** «ещё»: the next part of the last list, or one sentence saying why there is none. */
function goneOn(list: ShownList | undefined, language: Language, show: (request: ScenarioRequest) => Promise<Reply[]>) {
  const part = nextPart(list);
  return 'scenario' in part ? show(part) : Promise.resolve([text(part[language])]);
}

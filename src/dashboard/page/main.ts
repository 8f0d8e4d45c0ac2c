// The dashboard page: proves who is looking with Telegram's signed data on every request, shows the sections,
// the filters and the lists behind the numbers. It keeps nothing in the browser: each visit asks the server again.
import './style.css';
import { NO_CONNECTION } from '../../views/messages-dashboard.ts';
import { charts } from './charts-loader.ts';
import { el, tappable } from './dom.ts';
import type { DashboardPayload, ListAsk, ListPayload, PeriodChoice, Refusal } from './payload.ts';
import { sections } from './sections.ts';
import { followTheme, initData, onEvent, openLink, ready, showBackButton } from './telegram.ts';

interface Filters {
  period: PeriodChoice;
  from?: string;
  to?: string;
  managerId?: number;
}

const root = document.getElementById('app') as HTMLElement;
let filters: Filters = { period: 'month' };
let shown: DashboardPayload | undefined;
/** What a tap on Telegram's back button closes: the open list. */
let closeList: (() => void) | undefined;

const offline = (): Refusal => ({ message: NO_CONNECTION[shown?.language ?? 'ru'] });

const send = (path: string, body: Record<string, unknown>) =>
  fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, initData }),
    cache: 'no-store',
  });

async function ask<T>(path: string, body: Record<string, unknown>): Promise<T | Refusal> {
  try {
    return (await (await send(path, body)).json()) as T | Refusal;
  } catch {
    return offline();
  }
}

/** An answer's lines as they arrive: the dashboard sends what is read so far, then the whole. */
async function* linesOf(response: Response): AsyncGenerator<unknown> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let kept = '';
  for (;;) {
    const { done, value } = await reader.read();
    kept += decoder.decode(value, { stream: !done });
    const lines = kept.split('\n');
    kept = done ? '' : (lines.pop() ?? '');
    for (const line of lines) if (line.trim()) yield JSON.parse(line);
    if (done) return;
  }
}

const refused = (answer: unknown): answer is Refusal =>
  typeof answer === 'object' && answer !== null && 'message' in answer;

/** Drops the charts of the view being replaced (none before the charts' script has ever loaded). */
const disposeCharts = () => {
  if (shown)
    void charts().then(
      (loaded) => loaded.disposeCharts(),
      () => {},
    );
};

function politePage(message: string): void {
  disposeCharts();
  root.replaceChildren(el('p', { class: 'refusal', 'data-refusal': '' }, message));
}

/** The custom period's two dates: built only when asked for (date fields are slow to build, on phones too). */
function customDates(data: DashboardPayload): HTMLFormElement {
  const custom = el(
    'form',
    { class: 'custom' },
    el('input', { type: 'date', name: 'from', value: data.filters.from, required: '' }),
    el('input', { type: 'date', name: 'to', value: data.filters.to, required: '' }),
    el('button', { type: 'submit' }, data.texts.show ?? ''),
  );
  custom.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = new FormData(custom);
    void load({ ...filters, period: 'custom', from: String(form.get('from')), to: String(form.get('to')) });
  });
  return custom;
}

function periodButtons(data: DashboardPayload): HTMLElement {
  const choices: PeriodChoice[] = ['month', 'lastMonth', 'quarter', 'custom'];
  const box = el('div', { class: 'filters' });
  let custom = data.filters.period === 'custom' ? customDates(data) : undefined;
  const buttons = choices.map((choice) =>
    tappable(
      el(
        'span',
        { class: `chip${choice === data.filters.period ? ' on' : ''}`, 'data-period': choice },
        data.texts[choice] ?? '',
      ),
      () => {
        if (choice !== 'custom') void load({ ...filters, period: choice, from: undefined, to: undefined });
        else if (!custom) {
          custom = customDates(data);
          box.append(custom);
        }
      },
    ),
  );
  box.append(el('div', { class: 'chips' }, ...buttons), ...(custom ? [custom] : []));
  return box;
}

function managerChoice(data: DashboardPayload): HTMLElement {
  const select = el(
    'select',
    { name: 'manager', 'aria-label': data.texts.allManagers ?? '' },
    el('option', { value: '' }, data.texts.allManagers ?? ''),
    ...data.filters.managers.map((person) =>
      el(
        'option',
        { value: String(person.id), ...(person.id === data.filters.managerId ? { selected: '' } : {}) },
        person.name,
      ),
    ),
  );
  select.addEventListener('change', () => void load({ ...filters, managerId: Number(select.value) || undefined }));
  return select;
}

function render(data: DashboardPayload): void {
  shown = data;
  disposeCharts();
  document.documentElement.lang = data.language;
  document.title = data.texts.title ?? '';
  root.replaceChildren(
    el('header', {}, el('h1', {}, data.texts.title ?? ''), el('span', { class: 'period' }, data.periodText)),
    periodButtons(data),
    managerChoice(data),
    ...sections(data, { list: (list, title) => void openList(list, title) }),
  );
  // The whole answer on screen (what the tests wait for); the parts before it are on screen as they come.
  if (data.pending.length === 0) root.dataset.loaded = String(Date.now());
  // What the benchmark reads: the first data on screen, from the start of the page's navigation.
  if (performance.getEntriesByName('dashboard-first-data').length === 0) performance.mark('dashboard-first-data');
}

/** Which load is the latest: an older one's lines are dropped once the director chose other filters. */
let loads = 0;

async function load(next: Filters): Promise<void> {
  filters = next;
  const turn = ++loads;
  root.classList.add('busy');
  try {
    for await (const answer of linesOf(await send('/dashboard/data', { filters, stream: true }))) {
      if (turn !== loads) return;
      if (refused(answer)) politePage(answer.message);
      else render(answer as DashboardPayload);
    }
  } catch {
    if (turn === loads) politePage(offline().message);
  } finally {
    if (turn === loads) root.classList.remove('busy');
  }
}

/** The list behind a number, as the chat answers it: its links open the records in Bitrix24. */
async function openList(list: ListAsk, title: string, offset = 0, into?: HTMLElement): Promise<void> {
  const answer = await ask<ListPayload>('/dashboard/list', { query: list, offset });
  if (refused(answer)) return politePage(answer.message);
  const body = into ?? el('div', { class: 'list-body' });
  const part = el('div', { class: 'chat-text' });
  // The chat's own HTML: Telegram's few tags, escaped and guarded on the server.
  part.innerHTML = answer.html;
  body.append(part);
  body.querySelector('button.more')?.remove();
  if (answer.next !== undefined) {
    const next = answer.next;
    const more = el('button', { class: 'more' }, shown?.texts.more ?? '');
    more.addEventListener('click', () => void openList(list, title, next, body));
    body.append(more);
  }
  if (into) return;
  const back = tappable(el('span', { class: 'back', 'aria-label': '←' }, '←'), () => closeList?.());
  const screen = el('div', { class: 'list', 'data-list': '' }, el('header', {}, back, el('h1', {}, title)), body);
  const scroll = window.scrollY;
  root.hidden = true;
  document.body.append(screen);
  window.scrollTo(0, 0);
  showBackButton(true);
  closeList = () => {
    screen.remove();
    root.hidden = false;
    window.scrollTo(0, scroll);
    showBackButton(false);
    closeList = undefined;
  };
}

// Record links inside the chat's lists open the portal's page, in Telegram's browser when inside Telegram.
document.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest?.('a[href]');
  if (!link) return;
  event.preventDefault();
  openLink((link as HTMLAnchorElement).href);
});

onEvent('back_button_pressed', () => closeList?.());
followTheme(() => shown && render(shown));
ready();
void load(filters);

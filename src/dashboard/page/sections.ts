// The dashboard's sections, from the server's answer: each number a tap away from the list behind it, each record
// a tap away from its page in Bitrix24.
import { charts } from './charts-loader.ts';
import { card, el, note, tappable } from './dom.ts';
import type { DashboardPayload, LinkRow, ListAsk, PersonRow } from './payload.ts';
import { openLink } from './telegram.ts';

export interface Taps {
  /** Opens the list behind a number: the question and the title the list screen shows. */
  list(ask: ListAsk, title: string): void;
}

function figure(label: string, value: string, detail: string | undefined, onTap?: () => void): HTMLElement {
  const block = el(
    'div',
    { class: 'figure' },
    el('span', { class: 'label' }, label),
    el('strong', { class: 'value' }, value),
    detail && el('span', { class: 'detail' }, detail),
  );
  return onTap ? tappable(block, onTap) : block;
}

function planCard(data: DashboardPayload, taps: Taps): HTMLElement {
  const { texts, earned, plan } = data;
  const fact = figure(
    earned.label,
    earned.value,
    earned.detail,
    () => earned.list && taps.list(earned.list, earned.label),
  );
  fact.dataset.figure = 'earned';
  const figures = plan.figures.map((one) => figure(one.label, one.value, one.detail));
  return card(
    texts.plan ?? '',
    ...(figures.length ? [el('div', { class: 'figures' }, ...figures)] : []),
    fact,
    ...(plan.note ? [note(plan.note)] : []),
  );
}

function funnelCard(data: DashboardPayload, taps: Taps): HTMLElement {
  if (data.pending.includes('funnel')) return card(data.texts.funnel ?? '', note(data.texts.loading ?? ''));
  const { stages, total } = data.funnel;
  const chart = el('div', { class: 'funnel-chart', 'aria-hidden': 'true' });
  const title = data.texts.funnel ?? '';
  const rows = stages.map((stage) =>
    tappable(
      el(
        'div',
        { class: 'row', 'data-stage': stage.name },
        el('span', { class: 'name' }, stage.name),
        el('span', { class: 'count' }, stage.countText),
        el('span', { class: 'sum' }, stage.sumText),
      ),
      () => taps.list(stage.list, stage.name),
    ),
  );
  const section = card(title, el('p', { class: 'total' }, total), chart, el('div', { class: 'rows' }, ...rows));
  // Drawn once the block is on the page and has its width; without the charts, the rows say it all.
  void charts()
    .then((loaded) =>
      requestAnimationFrame(() => loaded.drawFunnel(chart, stages, (stage) => taps.list(stage.list, stage.name))),
    )
    .catch(() => chart.remove());
  return section;
}

function peopleCard(title: string, rows: PersonRow[], empty: string, taps: Taps, kind: string): HTMLElement {
  if (rows.length === 0) return card(title, note(empty));
  const most = Math.max(1, ...rows.map((row) => row.amount));
  return card(
    title,
    el(
      'div',
      { class: 'rows' },
      ...rows.map((row) =>
        tappable(
          el(
            'div',
            { class: `row person${row.chosen ? ' chosen' : ''}`, [`data-${kind}`]: row.name },
            el('span', { class: 'name' }, row.name),
            el('span', { class: 'sum' }, row.value),
            row.detail && el('span', { class: 'detail' }, row.detail),
            row.plan && el('span', { class: 'share', 'data-plan-share': '' }, row.plan),
            el(
              'span',
              { class: 'bar' },
              el('span', { style: `width:${Math.max(2, Math.round((row.amount / most) * 100))}%` }),
            ),
          ),
          () => taps.list(row.list, `${title}: ${row.name}`),
        ),
      ),
    ),
  );
}

function linksCard(title: string, rows: LinkRow[], empty: string, total?: string): HTMLElement {
  if (rows.length === 0) return card(title, note(empty));
  return card(
    title,
    total && el('p', { class: 'all', 'data-all': '' }, total),
    el(
      'div',
      { class: 'rows' },
      ...rows.map((row) => {
        const line = el(
          'div',
          { class: 'row link' },
          el('span', { class: 'detail' }, row.detail ?? ''),
          el('span', { class: 'name' }, row.label),
        );
        const href = row.href;
        return href ? tappable(line, () => openLink(href)) : line;
      }),
    ),
  );
}

/** Every section, in the order a director reads them: the money, the funnel, the people, the day. */
export function sections(data: DashboardPayload, taps: Taps): HTMLElement[] {
  const { texts } = data;
  return [
    planCard(data, taps),
    funnelCard(data, taps),
    peopleCard(texts.leaderboard ?? '', data.leaders, texts.noWins ?? '', taps, 'leader'),
    peopleCard(texts.overdue ?? '', data.overdue, texts.noOverdue ?? '', taps, 'overdue'),
    ...(data.pending.includes('atRisk') ? [card(texts.atRisk ?? '', note(texts.loading ?? ''))] : []),
    ...(data.atRisk ? [linksCard(texts.atRisk ?? '', data.atRisk.deals, texts.empty ?? '', data.atRisk.total)] : []),
    linksCard(texts.meetings ?? '', data.meetings, texts.noMeetings ?? ''),
    ...(data.alerts ? [linksCard(texts.alerts ?? '', data.alerts, texts.empty ?? '')] : []),
  ];
}

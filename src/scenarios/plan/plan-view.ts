// Plan against fact and the forecast: the fact, the shares of plan and time, the run-rate, the weighted forecast,
// the gap and the pace needed, then the deals that would close the gap. «почему такой прогноз?» in three lines.

import { dateInWords, money, moneyTotals, periodInWords } from '../../views/format.ts';
import { bullet, hintLine, opens, type Page, portalText, sections, titleText } from '../../views/lines.ts';
import {
  AT_RISK_BUTTON,
  AT_THIS_PACE,
  DECIDE_PERIOD,
  EXPECTED_IN_OTHER_CURRENCIES,
  expectedExplained,
  FORECAST_BEATS_PLAN,
  factExplained,
  NO_DEALS_DUE_IN_PERIOD,
  NO_PLAN_OFFER,
  PER_WORKING_DAY,
  PLAN_AND_FORECAST,
  PLAN_FOR,
  PLAN_HINT,
  ROUGH_ESTIMATE,
  SHORT_OF_PLAN,
  STAGE_PROBABILITY_IS,
  TYPICAL_PROBABILITY_NOTE,
  WEIGHED_BY_STAGE,
  WHY_BUTTON,
  WON_OUTSIDE_PLAN,
  WOULD_CLOSE_GAP,
} from '../../views/messages-plan.ts';
import type { Button } from '../../views/reply.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { ForecastDealItem, PlanSummary } from '../../vocabulary/plan-view-model.ts';
import { lastDayOf } from '../../vocabulary/plan-view-model.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';

type PlanView = Extract<ViewModel, { view: 'planForecast' }>;

const percent = (part: number, whole: number): string => `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;

/** Whose figures: the company's, or one manager's. */
const whose = (view: PlanView, language: Language): string =>
  view.manager?.name ? portalText(view.manager.name) : say(language, 'компания', 'company');

function factLines(view: PlanView, language: Language): string[] {
  const cash = (amount: number) => money(Math.round(amount), view.currency, language);
  const { time } = view;
  const lines = [
    `✅ ${say(language, 'Факт', 'Won')}: ${cash(view.fact)}${view.plan ? ` — ${percent(view.fact, view.plan.amount.amount)} ${say(language, 'плана', 'of the plan')}` : ''}`,
    `🗓 ${say(language, 'Прошло', 'Gone')}: ${time.gone} ${say(language, 'из', 'of')} ${count(time.total, 'workingDayOf', language)} (${percent(time.gone, time.total)})`,
  ];
  if (view.otherFact.length > 0)
    lines.push(`💱 ${WON_OUTSIDE_PLAN[language]}: ${moneyTotals(view.otherFact, language)}`);
  if (view.runRate !== undefined && time.left > 0) lines.push(`📈 ${AT_THIS_PACE[language]}: ${cash(view.runRate)}`);
  return lines;
}

function forecastLines(view: PlanView, language: Language): string[] {
  const cash = (amount: number) => money(Math.round(amount), view.currency, language);
  const behind =
    view.dealsCount > 0
      ? `(${say(language, 'факт', 'won')} + ${count(view.dealsCount, 'deal', language)} ${WEIGHED_BY_STAGE[language]})`
      : NO_DEALS_DUE_IN_PERIOD[language];
  const lines = [`🔮 ${say(language, 'Прогноз', 'Forecast')}: ${cash(view.forecast)} ${behind}`];
  if (view.gap !== undefined && view.plan) {
    lines.push(
      view.gap > 0
        ? `⚠️ ${SHORT_OF_PLAN[language]}: ${cash(view.gap)}`
        : `🎉 ${FORECAST_BEATS_PLAN[language]} ${cash(-view.gap)}`,
    );
  }
  if (view.paceNeeded !== undefined && view.paceNeeded > 0)
    lines.push(
      `🏃 ${say(language, 'Нужно', 'Needed')}: ${cash(view.paceNeeded)} ${PER_WORKING_DAY[language]} (${say(language, 'осталось', 'left')}: ${count(view.time.left, 'workingDay', language)})`,
    );
  if (view.otherExpected.length > 0)
    lines.push(
      `💱 ${EXPECTED_IN_OTHER_CURRENCIES[language]}: ${moneyTotals(
        view.otherExpected.map((one) => ({ ...one, amount: Math.round(one.amount) })),
        language,
      )}`,
    );
  return lines;
}

/** «Поставка» — 4 000 000 ₽ · В работе 60% · до 25 декабря ↗ */
export function forecastDealLine(deal: ForecastDealItem, language: Language, links?: RecordLinks): string {
  const parts = [
    money(deal.amount.amount, deal.amount.currency, language),
    `${portalText(deal.stageName)} ${Math.round(deal.probability * 100)}%`,
  ];
  if (deal.closeDate)
    parts.push(
      say(language, `до ${dateInWords(deal.closeDate, language)}`, `by ${dateInWords(deal.closeDate, language)}`),
    );
  if (deal.responsible) parts.push(portalText(deal.responsible.name));
  return `${titleText(deal.title, language)} — ${parts.join(' · ')}${opens(links, 'deal', deal.id)}`;
}

/** The three lines of «почему такой прогноз?». */
function whyLines(view: PlanView, language: Language): string[] {
  const cash = (amount: number) => money(Math.round(amount), view.currency, language);
  const from = dateInWords(view.period.start, language);
  const to = dateInWords(lastDayOf(view.period), language);
  const stages = view.stages
    .map((stage) => `${portalText(stage.name)} ${Math.round(stage.probability * 100)}%${stage.rough ? '*' : ''}`)
    .join(', ');
  return [
    `1️⃣ ${factExplained(cash(view.fact), from, language)}`,
    `2️⃣ ${expectedExplained(cash(view.expected), count(view.dealsCount, 'deal', language), to, language)}`,
    `3️⃣ ${STAGE_PROBABILITY_IS[language]}${stages ? `: ${stages}` : ''}${view.rough ? TYPICAL_PROBABILITY_NOTE[language] : '.'}`,
  ];
}

function planButtons(view: PlanView, language: Language): Button[][] {
  const same = {
    scenario: 'plan' as const,
    start: view.period.start,
    kind: view.period.kind,
    ...(view.manager ? { managerId: view.manager.id } : {}),
  };
  const row: Button[] = [
    {
      text: AT_RISK_BUTTON[language],
      action: {
        kind: 'show',
        request: { scenario: 'dealsAtRisk', ...(view.manager ? { managerId: view.manager.id } : {}) },
      },
    },
  ];
  if (!view.why)
    row.push({
      text: WHY_BUTTON[language],
      action: { kind: 'show', request: { ...same, why: 1 } },
    });
  return [row];
}

export function renderPlanForecast(view: PlanView, language: Language): Page {
  const header = `📊 ${PLAN_AND_FORECAST[language]}: ${periodInWords(view.period, language)} — ${whose(view, language)}`;
  const planLine = view.plan
    ? `🎯 ${say(language, 'План', 'Plan')}: ${money(view.plan.amount.amount, view.plan.amount.currency, language)}`
    : `🎯 ${NO_PLAN_OFFER[language]}`;
  if (view.why) {
    return {
      lines: sections(header, whyLines(view, language), hintLine(PLAN_HINT[language])),
      buttons: planButtons(view, language),
    };
  }
  const closers =
    view.closers.length > 0
      ? [
          `🔑 ${view.plan && (view.gap ?? 0) > 0 ? WOULD_CLOSE_GAP[language] : DECIDE_PERIOD[language]}:`,
          ...view.closers.map((deal) => bullet(forecastDealLine(deal, language, view.links))),
        ]
      : undefined;
  return {
    lines: sections(
      header,
      [planLine, ...factLines(view, language)],
      forecastLines(view, language),
      closers,
      view.rough ? `ℹ️ ${ROUGH_ESTIMATE[language]}` : undefined,
      hintLine(PLAN_HINT[language]),
    ),
    buttons: planButtons(view, language),
  };
}

/** «🎯 План на декабрь 2026: 12 000 000 ₽ · факт 4 500 000 ₽ (38%) · прогноз 10 230 000 ₽». */
export function planSummaryLine(summary: PlanSummary, language: Language): string {
  const cash = (amount: number) => money(Math.round(amount), summary.currency, language);
  return [
    `🎯 ${PLAN_FOR[language]} ${periodInWords(summary.period, language)}: ${cash(summary.plan)}`,
    `${say(language, 'факт', 'won')} ${cash(summary.fact)} (${percent(summary.fact, summary.plan)})`,
    `${say(language, 'прогноз', 'forecast')} ${cash(summary.forecast)}`,
  ].join(' · ');
}

// Deals at risk, each with its reasons in words: «⚠️ «Поставка» — 34 дня на этапе «Счёт» (обычно 9), нет дел»;
// the plans kept; a manager's name that fits nobody or several people.

import { dateInWords, money, periodInWords } from '../../views/format.ts';
import { hintLine, listLines, nameQuoted, opens, type Page, portalText, quoted, sections } from '../../views/lines.ts';
import {
  closeDatePassed,
  DEALS_AT_RISK,
  longAtStage,
  NO_PLANS,
  NO_RISK,
  NOTHING_PLANNED,
  noColleagueCalled,
  noContactFor,
  PLAN_VS_FACT_BUTTON,
  PLANS_HINT,
  RISK_HINT,
  whichOfThem,
} from '../../views/messages-plan.ts';
import type { Button } from '../../views/reply.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { PlanLine, RiskItem, RiskReason } from '../../vocabulary/plan-view-model.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { ViewModel } from '../../vocabulary/view-models.ts';

/** One reason in words; `stage` is the stage's name as the page or the message shows portal text. */
export function reasonText(reason: RiskReason, stage: string, language: Language): string {
  switch (reason.kind) {
    case 'slow':
      return longAtStage(count(reason.days, 'day', language), quoted(stage, language), reason.usualDays, language);
    case 'nothingPlanned':
      return NOTHING_PLANNED[language];
    case 'closeDatePassed':
      return closeDatePassed(dateInWords(reason.date, language), language);
    case 'silent':
      return noContactFor(count(reason.days, 'day', language), language);
  }
}

export function riskLine(deal: RiskItem, language: Language, links?: RecordLinks): string {
  const reasons = deal.reasons.map((reason) => reasonText(reason, portalText(deal.stageName), language)).join(', ');
  const amount = money(deal.amount.amount, deal.amount.currency, language);
  const who = deal.responsible ? ` · ${portalText(deal.responsible.name)}` : '';
  return `⚠️ ${nameQuoted(deal.title, language)} — ${reasons} · ${amount}${who}${opens(links, 'deal', deal.id)}`;
}

export function renderDealsAtRisk(view: Extract<ViewModel, { view: 'dealsAtRisk' }>, language: Language): Page {
  const whose = view.manager ? ` — ${portalText(view.manager.name)}` : '';
  const header = `🚨 ${DEALS_AT_RISK[language]}${whose}: ${view.deals.total}`;
  if (view.deals.total === 0) return { lines: sections(header, NO_RISK[language]) };
  return {
    lines: sections(
      header,
      listLines(view.deals, (deal) => riskLine(deal, language, view.links), 'deal', language, 10).map((line) =>
        line.replace(/^• /, ''),
      ),
      hintLine(RISK_HINT[language]),
    ),
  };
}

export function planLineText(plan: PlanLine, language: Language): string {
  const whose = plan.manager ? portalText(plan.manager.name) : say(language, 'компания', 'company');
  const setBy = plan.setBy
    ? say(
        language,
        ` (задал ${portalText(plan.setBy.name)}, ${dateInWords(plan.setAt.slice(0, 10), language)})`,
        ` (set by ${portalText(plan.setBy.name)}, ${dateInWords(plan.setAt.slice(0, 10), language)})`,
      )
    : '';
  return `${periodInWords(plan.period, language)} — ${whose}: ${money(plan.amount.amount, plan.amount.currency, language)}${setBy}`;
}

export function renderPlans(view: Extract<ViewModel, { view: 'plans' }>, language: Language): Page {
  const header = `🎯 ${say(language, 'Планы', 'Plans')}: ${view.plans.length}`;
  if (view.plans.length === 0) return { lines: sections(header, NO_PLANS[language]) };
  const buttons: Button[][] = [
    [
      {
        text: PLAN_VS_FACT_BUTTON[language],
        action: { kind: 'show', request: { scenario: 'plan' } },
      },
    ],
  ];
  return {
    lines: sections(
      header,
      view.plans.map((plan) => `• ${planLineText(plan, language)}`),
      hintLine(PLANS_HINT[language]),
    ),
    buttons,
  };
}

export function renderPlanWho(view: Extract<ViewModel, { view: 'planWho' }>, language: Language): Page {
  const said = quoted(portalText(view.said), language);
  if (view.people.length === 0) return { lines: [noColleagueCalled(said, language)] };
  const scenario = view.about === 'plan' ? ('plan' as const) : ('dealsAtRisk' as const);
  return {
    lines: [whichOfThem(said, language)],
    buttons: view.people
      .slice(0, 8)
      .map((person) => [{ text: person.name, action: { kind: 'show', request: { scenario, managerId: person.id } } }]),
  };
}

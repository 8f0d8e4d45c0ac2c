// The plan's phrases: «план на декабрь 12 млн», «поменяй план на декабрь на 14 млн», «план Волкову на квартал
// 3 млн» (writes); «как идём по плану?», «прогноз на месяц», «успеем?», «почему такой прогноз?», «какой у нас
// план?», «какие сделки под угрозой?»; and their follow-ups «а по Волкову?», «а в прошлом месяце?».

import { letters } from '../../letters.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { findAmount } from './amount.ts';
import { findPlanPeriod, type PeriodMatch } from './plan-period.ts';
import { planQuestion } from './plan-words.ts';
import { matches, matchesOf } from './spans.ts';
import { type Message, rawSlice } from './text.ts';
import type { Clock } from './write-drafts.ts';

const W = '(?![\\p{L}])';
const riskRe = letters(
  /сделк\p{L}*\s+(?:\p{L}+\s+)?(?:под\s+угроз|в\s+зоне\s+риска|с\s+риском|под\s+риском|горя\p{L}*|горит)|(?:рискованн|проблемн|горящ)\p{L}*\s+сделк|(?<![\p{L}])под\s+угрозой|deals?\s+(?:\p{L}+\s+)?at\s+risk|at-risk\s+deals|risky\s+deals/u,
);
const whyRe = letters(
  /(?:почему|откуда|с\s+чего)\s+(?:такой\s+|этот\s+)?прогноз|объясн\p{L}*\s+прогноз|why\s+(?:this|such\s+a|the|that)\s+forecast|explain\s+the\s+forecast/u,
);
const typedWhyRe = letters(/^(?:а\s+)?(?:почему|отчего|why)(?:\s+(?:так|такой|таки\p{L}*|so))?[\s?!.]*$/u);
const planWordRe = letters(new RegExp(`(?<![\\p{L}])(?:план(?:а|у|ом|е|ы|ов)?|plans?|quota)${W}`, 'u'));
const dayPlanRe = letters(/план\p{L}*\s+(?:на\s+)?(?:день|дня|сегодня|завтра)|day\s+plan/u);
const whichPlanRe = letters(
  /(?:какой|какие|каков)\s+(?:у\s+нас\s+|наш\p{L}*\s+|сейчас\s+)?план|покажи\s+план\p{L}*|(?<![\p{L}])(?:наш|мои|наши)\s+план\p{L}*|what(?:'s|\s+is|\s+are)\s+(?:our\s+|the\s+)?plans?|show\s+(?:me\s+)?(?:the\s+|our\s+)?plans?/u,
);
const forecastRe = letters(
  /как\s+(?:\p{L}+\s+){0,2}?(?:ид\p{L}*|дела)\s+(?:\p{L}+\s+)?(?:по|с)\s+план|выполн\p{L}*\s+(?:ли\s+)?(?:мы\s+)?план|прогноз\p{L}*|(?<![\p{L}])успе(?:ем|ваем|вает|ют|ет|вают)|план\s+(?:и\s+|vs\.?\s+|против\s+)?факт|факт\s+(?:и\s+|против\s+)?план|forecast|will\s+we\s+make\s+it|on\s+track|against\s+(?:the\s+)?plan|plan\s+vs\.?\s+(?:fact|actual)/u,
);
// «а по Волкову?», «по Волкову», «для Орловой», «for Volkov»; «план Волкову»; «как идёт Волков».
const managerRe = letters(
  /(?:^|\s)(?:по|для|у|for|by)\s+(\p{L}[\p{L}-]+)|план\p{L}*\s+(\p{L}[\p{L}-]+)|(?:идет|идут|успевает)\s+(\p{L}[\p{L}-]+)/gu,
);
// Words of the plan's phrases that are never a manager's name.
const notNameRe = letters(
  /^(?:плану?|планом|плана|планы|продаж\p{L}*|выручк\p{L}*|sales|revenue|прогноз\p{L}*|факт\p{L}*|компани\p{L}*|всей|всем|всех|нас|нам|мне|себе|сделк\p{L}*|месяц\p{L}*|квартал\p{L}*|год\p{L}*|прошл\p{L}*|следующ\p{L}*|эт\p{L}*|текущ\p{L}*|на|за|в|во|до|и|с|по|the|this|last|next|month|quarter|year|company|plan|forecast|us|me|our|январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|ма[йяе]|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*|\d+)$/u,
);
const companyRe = letters(/(?:по|для)\s+(?:всей\s+)?компани\p{L}*|(?:for|by)\s+the\s+(?:whole\s+)?company/u);
const changeRe = letters(
  /(?<![\p{L}])(?:поменя\p{L}*|измени\p{L}*|смени\p{L}*|обнови\p{L}*|исправ\p{L}*|change|update)(?![\p{L}])/u,
);

/** The manager a plan phrase names, as said. */
function managerSaid(message: Message, period: PeriodMatch | undefined): string | undefined {
  const light = period ? blank(message.light, period) : message.light;
  for (const match of matchesOf(light, managerRe)) {
    const word = match[1] ?? match[2] ?? match[3];
    if (!word || notNameRe.test(word)) continue;
    const start = (match.index ?? 0) + match[0].lastIndexOf(word);
    return rawSlice(message, start, start + word.length);
  }
  return undefined;
}

/** The text with a span blanked out (same length: positions hold). */
const blank = (light: string, span: { index: number; length: number }) =>
  light.slice(0, span.index) + ' '.repeat(span.length) + light.slice(span.index + span.length);

const periodFields = (period: PeriodMatch | undefined) => (period ? { kind: period.kind, start: period.start } : {});

/** A plan set in words: a plan word and a sum («план на декабрь 12 млн», «поменяй план Волкову на 14 млн»). */
function planWrite(message: Message, clock: Clock): Intent | undefined {
  const period = findPlanPeriod(message.light, clock, true);
  const amount = findAmount(period ? blank(message.light, period) : message.light);
  if (!amount || amount.amount <= 0) return undefined;
  const managerName = managerSaid(message, period);
  const start = period ?? findPlanPeriod('месяц', clock, true);
  return {
    kind: 'write',
    draft: {
      type: 'setPlan',
      amount: amount.amount,
      ...(amount.currency ? { currency: amount.currency } : {}),
      kind: start?.kind ?? 'month',
      start: start?.start ?? '',
      ...(managerName ? { managerName } : {}),
    },
  };
}

/** The last plan view's request, for «а по Волкову?», «а в прошлом месяце?», «почему такой прогноз?». */
function previousPlan(previous: Intent | undefined): ScenarioRequest | undefined {
  const request = previous?.kind === 'view' ? previous.request : undefined;
  return request?.scenario === 'plan' || request?.scenario === 'dealsAtRisk' ? request : undefined;
}

/** A plan request for the period and manager said now, the rest carried over from `base`. */
function planRequest(
  message: Message,
  clock: Clock,
  base: Partial<Extract<ScenarioRequest, { scenario: 'plan' }>>,
  said?: string,
): Intent {
  const period = findPlanPeriod(message.light, clock, false);
  const manager = matches(message.light, companyRe) ? undefined : (said ?? managerSaid(message, period));
  const { managerId, manager: baseManager, ...rest } = base;
  const keepWho = !manager && !matches(message.light, companyRe);
  return {
    kind: 'view',
    request: {
      ...rest,
      ...(keepWho && managerId !== undefined ? { managerId } : {}),
      ...(keepWho && baseManager ? { manager: baseManager } : {}),
      scenario: 'plan',
      ...periodFields(
        period ??
          (base.start
            ? {
                kind: base.kind === 'quarter' || base.kind === 'year' ? base.kind : 'month',
                start: base.start,
                index: 0,
                length: 0,
              }
            : undefined),
      ),
      ...(manager ? { manager } : {}),
    },
  };
}

// Another write that merely mentions a plan («создай задачу подготовить план продаж на декабрь»).
const otherWriteRe =
  /^(?:создай|создать|добавь|назначь|поставь|напомни|перенеси|create|add|schedule|remind|move)\s+(?!план|plan)/u;

export function planIntent(message: Message, clock: Clock, previous?: Intent): Intent | undefined {
  const { light } = message;
  if (otherWriteRe.test(light)) return undefined;
  const before = previousPlan(previous);
  if (matches(light, riskRe)) {
    // «горящие сделки Соколова»: a capitalised word besides the first is the manager too.
    const named = message.raw
      .split(/\s+/u)
      .slice(1)
      .find((word) => /^\p{Lu}\p{Ll}+$/u.test(word));
    const manager = managerSaid(message, undefined) ?? named;
    return { kind: 'view', request: { scenario: 'dealsAtRisk', ...(manager ? { manager } : {}) } };
  }
  // «почему так?», the plan view's own button typed: the forecast explained.
  if (matches(light, whyRe) || (before?.scenario === 'plan' && typedWhyRe.test(light))) {
    const base = before?.scenario === 'plan' ? before : {};
    const intent = planRequest(message, clock, base);
    return intent.kind === 'view' && intent.request.scenario === 'plan'
      ? { ...intent, request: { ...intent.request, why: 1 } }
      : intent;
  }
  const planWord = matches(light, planWordRe) && !matches(light, dayPlanRe);
  if (planWord && (matches(light, changeRe) || !matches(light, whichPlanRe))) {
    const write = planWrite(message, clock);
    if (write) return write;
  }
  if (matches(light, whichPlanRe) && !matches(light, forecastRe)) {
    return findPlanPeriod(light, clock, false)
      ? planRequest(message, clock, {})
      : { kind: 'view', request: { scenario: 'plans' } };
  }
  const question = matches(light, dayPlanRe) ? undefined : planQuestion(message, clock);
  if (question) return planRequest(message, clock, {}, question.manager);
  if (matches(light, forecastRe) || (planWord && findPlanPeriod(light, clock, false)))
    return planRequest(message, clock, {});
  // «а по Волкову?», «а в прошлом месяце?», «а за квартал?» after a plan view.
  if (before && light.split(/\s+/u).length <= 4) {
    const period = findPlanPeriod(light, clock, false);
    const manager = managerSaid(message, period);
    const company = matches(light, companyRe);
    if (!period && !manager && !company) return undefined;
    if (before.scenario === 'dealsAtRisk')
      return { kind: 'view', request: { scenario: 'dealsAtRisk', ...(manager ? { manager } : {}) } };
    return planRequest(message, clock, { ...before, why: undefined } as Partial<
      Extract<ScenarioRequest, { scenario: 'plan' }>
    >);
  }
  return undefined;
}

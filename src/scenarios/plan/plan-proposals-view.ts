// The yes/no question of a plan, and what it becomes once kept: every argument shown (period, whose, sum).

import { money, periodInWords } from '../../views/format.ts';
import { portalText, quoted } from '../../views/lines.ts';
import { changePlanQuestion, planSet, setPlanQuestion, whosePlanQuestion } from '../../views/messages-plan.ts';
import { say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { WriteRequest } from '../../vocabulary/writes.ts';

type PlanWrite = Extract<WriteRequest, { type: 'setPlan' }>;

/** «на декабрь 2026 — компания», «на 4 квартал 2026 — Пётр Волков». */
function planSubject(write: PlanWrite, language: Language): string {
  const period = periodInWords(
    { kind: write.kind === 'quarter' || write.kind === 'year' ? write.kind : 'month', start: write.start },
    language,
  );
  const whose = write.managerName ? portalText(write.managerName) : say(language, 'компания', 'company');
  return say(language, `на ${period} — ${whose}`, `for ${period} — ${whose}`);
}

/** «Задать план на декабрь 2026 — компания: 12 000 000 ₽?», a change with the sum it replaces. */
export function planQuestion(write: PlanWrite, language: Language): string {
  const sum = money(write.amount, write.currency, language);
  if (write.previous !== undefined) {
    const was = money(write.previous, write.currency, language);
    return changePlanQuestion(planSubject(write, language), was, sum, language);
  }
  return setPlanQuestion(planSubject(write, language), sum, language);
}

export function planOutcome(write: PlanWrite, language: Language): string {
  const sum = money(write.amount, write.currency, language);
  return planSet(planSubject(write, language), sum, language);
}

/** A manager's name that fits several people: whose plan it is. */
export function whosePlan(said: string, language: Language): string {
  const name = quoted(portalText(said), language);
  return whosePlanQuestion(name, language);
}

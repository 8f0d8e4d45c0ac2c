// Understand: the director's message as an intent, with the form asked for («графиком», «в Excel») taken out, and
// read together with a question waiting for its answer (the pending dialogue, dialogue.ts).
import type { Language } from '../vocabulary/director.ts';
import type { ShownItem } from '../vocabulary/shown-items.ts';
import { continueDialogue, type PendingQuestion } from './dialogue.ts';
import { type Format, formatAsked } from './router/formats.ts';
import { startReading } from './router/text.ts';
import { namesNothing, overTime } from './router/this-words.ts';
import { type YesNo, yesOrNo } from './router/yes-no.ts';
import type { Intent, Understanding } from './understanding.ts';

export interface UnderstandContext {
  now: Date;
  timeZone: string;
  previous?: Intent;
  language?: Language;
  /** What was just shown: «закрой вторую», «открой её» refer to it. */
  shown?: ShownItem[];
  focus?: ShownItem;
}

export type Understand = (text: string, context: UnderstandContext) => Understanding;

export type Understood =
  /** `replaces`: the yes/no question this changed write is asked instead of. */
  | { understanding: Understanding; format?: Format; replaces?: string }
  | { cancelled: true }
  /** A typed yes or no to the yes/no question about a write: its tap. */
  | { proposal: string; answer: YesNo }
  /** A yes or no with no yes/no question waiting; `waiting`: another question still is, and keeps waiting. */
  | { lone: YesNo; waiting?: PendingQuestion };

/** «покажи воронку графиком»: the view is understood without the words of the form. */
function withFormat(understand: Understand, message: string, context: UnderstandContext) {
  const asked = formatAsked(message);
  // «нарисуй», «выгрузи это»: the form of what was just shown.
  if (asked.format && namesNothing(asked.rest)) {
    const { language } = understand(message, context);
    return { understanding: { intent: { kind: 'file', file: asked.format } as const, language } };
  }
  if (asked.format) {
    const rest = understand(asked.format === 'chart' ? overTime(asked.rest) : asked.rest, context);
    if (rest.intent.kind === 'view') return { understanding: rest, format: asked.format };
  }
  const whole = understand(message, context);
  return { understanding: whole, ...(asked.format && whole.intent.kind === 'view' ? { format: asked.format } : {}) };
}

/** The message, or the question it answers with the answer, or «отмена» of the question. */
export function understandMessage(
  understand: Understand,
  message: string,
  context: UnderstandContext,
  pending: { question: PendingQuestion; ttlMs: number } | undefined,
): Understood {
  startReading();
  const alone = withFormat(understand, message, context);
  // Only a yes or a no: never a name to look up («Нет» is nobody), nor a view; thanks stay thanks.
  const { kind } = alone.understanding.intent;
  const lone = kind === 'unknown' || kind === 'view' ? yesOrNo(message) : undefined;
  if (!pending) return lone ? { lone } : alone;
  const step = continueDialogue(pending.question, message, alone.understanding, {
    now: context.now,
    timeZone: context.timeZone,
    ttlMs: pending.ttlMs,
  });
  const { language } = alone.understanding;
  switch (step.kind) {
    case 'cancelled':
      return { cancelled: true };
    case 'yesNo':
      return step.proposalId
        ? { proposal: step.proposalId, answer: step.answer }
        : { lone: step.answer, waiting: pending.question };
    case 'write':
      return { understanding: { intent: { kind: 'write', draft: step.draft }, language } };
    case 'changed':
      return { understanding: { intent: { kind: 'write', draft: step.draft }, language }, replaces: step.proposalId };
    case 'answered':
      return withFormat(understand, step.text, context);
    case 'dropped':
      return lone ? { lone } : alone;
  }
}

// Runs the director packs through the whole assistant and its model loop against the demo portal, with the router's
// rules on and with them off (every message to the model), and judges what the director would see.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import { startDemoPortal } from '../../src/demo-portal/server.ts';
import { silentLogger } from '../../src/log.ts';
import { createPortalClient } from '../../src/portal/client.ts';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { understand } from '../../src/understanding/router/index.ts';
import type { Understand } from '../../src/understanding/understand-context.ts';
import type { Reply } from '../../src/views/reply.ts';
import { CASES, EVAL_NOW, type EvalCase, type Pack } from './packs.ts';
import { startRecordingProxy } from './proxy.ts';

export type Verdict = 'right' | 'asked' | 'honest' | 'wrong';
export type Rules = 'on' | 'off';

export interface EvalTarget {
  baseURL: string;
  model: string;
  apiKey: string;
}

export interface CaseResult {
  pack: Pack;
  question: string;
  rules: Rules;
  repeat: number;
  verdict: Verdict;
  ms: number;
}

export interface EvalRun {
  results: CaseResult[];
  /** Prompt tokens of each model request, by rules. */
  promptTokens: Record<Rules, number[]>;
}

/** Every message to the model: the router's language guess is kept, its rules are not used. */
const rulesOff: Understand = (text, context) => ({
  intent: { kind: 'unknown' },
  language: understand(text, context).language,
});

const CANNOT_HELP = /не помогу|не понял|can['’]t help|did not understand|didn['’]t understand/i;
const NOT_FOUND = /не нашёл|не нашел|нет такого|couldn['’]t find|no one called/i;
const PICKS = new Set(['pick', 'queryPick', 'chooseStage']);

/** A question back: a pick list, or a question in the first line or at the end (a view's header asks nothing). */
const asksBack = (text: string, buttons: Reply['buttons']) =>
  (buttons ?? []).flat().some((button) => PICKS.has(button.action.kind)) ||
  NOT_FOUND.test(text) ||
  (text.split('\n')[0] ?? '').includes('?') ||
  /\?\s*$/u.test(text);

/** What the director saw, judged against the case: the right answer, a question back, an honest no, or wrong. */
export function judge(one: EvalCase, replies: Reply[]): Verdict {
  const text = replies.map((reply) => plainTextOf(reply.html)).join('\n');
  const buttons = replies.flatMap((reply) => reply.buttons ?? []);
  const proposal = buttons.flat().some((button) => button.action.kind === 'confirm');
  const asks = !proposal && asksBack(text, buttons);
  const seen = one.sees.test(text);
  if (one.expected === 'write' && proposal && seen) return 'right';
  if (one.expected === 'ask' && asks && seen) return 'right';
  if (one.expected === 'view' && seen && !proposal && !CANNOT_HELP.test(text)) return 'right';
  if (asks) return 'asked';
  return CANNOT_HELP.test(text) || text.trim() === '' ? 'honest' : 'wrong';
}

async function runOnce(target: EvalTarget, rules: Rules, repeat: number, tokens: number[]): Promise<CaseResult[]> {
  const demo = await startDemoPortal({ now: () => EVAL_NOW, rateLimit: false });
  const proxy = await startRecordingProxy(target.baseURL);
  const folder = mkdtempSync(join(tmpdir(), 'b24-eval-'));
  const app = await createApp({
    portal: createPortalClient({ webhookUrl: demo.webhookUrl, rateLimit: { perSecond: 1_000, burst: 1_000 } }),
    databasePath: join(folder, 'eval.sqlite'),
    allowed: CASES.map((_, i) => ({ telegramUserId: 1_000 + i, portalUserId: 1 })),
    model: { apiKey: target.apiKey, baseURL: proxy.baseURL, model: target.model },
    ...(rules === 'off' ? { understand: rulesOff } : {}),
    logger: silentLogger,
    now: () => EVAL_NOW,
  });
  const results: CaseResult[] = [];
  try {
    for (const [i, one] of CASES.entries()) {
      // Each case its own director: no memory crosses from one case into the next.
      const conversation = { telegramUserId: 1_000 + i, chatId: 1_000 + i };
      for (const earlier of one.turns.slice(0, -1)) await app.assistant.handleText(conversation, earlier);
      const started = performance.now();
      const replies = await app.assistant.handleText(conversation, one.turns.at(-1)!);
      const ms = performance.now() - started;
      results.push({
        pack: one.pack,
        question: one.turns.join(' → '),
        rules,
        repeat,
        verdict: judge(one, replies),
        ms,
      });
    }
  } finally {
    tokens.push(...proxy.promptTokens);
    await app.close();
    await proxy.close();
    await demo.close();
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}

/** The packs `repeats` times with the rules on and off. */
export async function runEval(target: EvalTarget, repeats = 3): Promise<EvalRun> {
  const run: EvalRun = { results: [], promptTokens: { on: [], off: [] } };
  for (const rules of ['on', 'off'] as const)
    for (let repeat = 0; repeat < repeats; repeat++)
      run.results.push(...(await runOnce(target, rules, repeat, run.promptTokens[rules])));
  return run;
}

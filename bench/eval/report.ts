// The evaluation's figures as rows of docs/models.md: one row per model and rules, a new run replacing its own row.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CASES, PACKS } from './packs.ts';
import type { CaseResult, EvalRun, Rules } from './run.ts';

export interface Figures {
  right: number;
  asked: number;
  honest: number;
  wrong: number;
  answers: number;
  writesRight: number;
  writes: number;
  /** Cases right in every repeat. */
  passAll: number;
  cases: number;
  tokensMean: number;
  tokensMax: number;
  secondsPerAnswer: number;
  /** Right answers per pack. */
  byPack: Record<string, string>;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function figuresOf(run: EvalRun, rules: Rules): Figures {
  const results = run.results.filter((result) => result.rules === rules);
  const count = (verdict: CaseResult['verdict'], of = results) => of.filter((one) => one.verdict === verdict).length;
  const writes = results.filter((one) => one.pack === 'writes');
  const questions = [...new Set(results.map((one) => one.question))];
  const passAll = questions.filter((question) =>
    results.filter((one) => one.question === question).every((one) => one.verdict === 'right'),
  ).length;
  const tokens = run.promptTokens[rules];
  const byPack: Record<string, string> = {};
  for (const pack of PACKS) {
    const of = results.filter((one) => one.pack === pack);
    byPack[pack] = `${count('right', of)}/${of.length}`;
  }
  return {
    right: count('right'),
    asked: count('asked'),
    honest: count('honest'),
    wrong: count('wrong'),
    answers: results.length,
    writesRight: count('right', writes),
    writes: writes.length,
    passAll,
    cases: questions.length,
    tokensMean: Math.round(mean(tokens)),
    tokensMax: Math.max(0, ...tokens),
    secondsPerAnswer: Math.round(mean(results.map((one) => one.ms)) / 10) / 100,
    byPack,
  };
}

const HEADER = [
  '# Chat models on the director packs',
  '',
  'Written by `npm run eval -- --base-url <url> --model <name>` (key from `OPENAI_API_KEY`); with no arguments, the',
  'built-in fake model, which only proves the harness. Each of the',
  `${CASES.length} cases (packs: ${PACKS.join(', ')}) runs three times through the whole assistant against the demo`,
  'portal, with the rules on (the router answers what it knows, the model the rest) and off (every message to the',
  'model). *Right*: the director sees the answer; *asked*: a question back; *honest no*: «не понял» or «не помогу»;',
  '*wrong*: something else shown as the answer. *pass^3*: cases right in all three runs.',
  '',
  '| model | rules | right | asked | honest no | confidently wrong | write proposed right | pass^3 | prompt tokens per request (mean / max) | s per answer | right by pack | date |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
];

export function rowOf(model: string, rules: Rules, figures: Figures, date: string): string {
  const f = figures;
  const packs = Object.entries(f.byPack)
    .map(([pack, right]) => `${pack} ${right}`)
    .join(', ');
  return `| ${model} | ${rules} | ${f.right}/${f.answers} | ${f.asked} | ${f.honest} | ${f.wrong} | ${f.writesRight}/${f.writes} | ${f.passAll}/${f.cases} | ${f.tokensMean} / ${f.tokensMax} | ${f.secondsPerAnswer} | ${packs} | ${date} |`;
}

/** docs/models.md with this model's rows put in place of its earlier ones. */
export function writeModelsTable(path: string, model: string, rows: string[]): void {
  const earlier = existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('| ') && !line.startsWith('| model |'))
        .filter((line) => line.split(' | ')[0] !== `| ${model}`)
    : [];
  writeFileSync(path, `${[...HEADER, ...earlier, ...rows].join('\n')}\n`);
}

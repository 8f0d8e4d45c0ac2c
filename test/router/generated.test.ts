// The generated pack (test/router/generated.ts): thousands of questions composed from the grammar's parts, each
// with the typed query its parts mean. Without a model none is answered with another question's view, and
// nearly all are understood.
import { describe, expect, it } from 'vitest';
import { generatedPack } from './generated.ts';
import { describeResult, runGeneratedPack } from './generated-run.ts';

describe('the generated question pack', () => {
  const pack = generatedPack();

  it('holds at least 5 000 distinct questions', () => {
    expect(new Set(pack.map((question) => question.text)).size).toBeGreaterThanOrEqual(5000);
  });

  // About 1.5 ms a question on an idle machine; the limit leaves room for a busy one.
  it('is never answered confidently wrong, and is understood at 95% or more', { timeout: 120_000 }, () => {
    const figures = runGeneratedPack(pack);
    if (figures.wrong.length) console.log(figures.wrong.slice(0, 20).map(describeResult).join('\n'));
    console.log(`generated questions understood: ${figures.understood} of ${figures.size}`);
    expect(figures.wrong).toEqual([]);
    expect(figures.understood / figures.size).toBeGreaterThanOrEqual(0.95);
  });
});

import { describe, expect, it } from 'vitest';
import { questionMisses, questionPack, questionsUnderstoodShare } from './questions.ts';

describe('the qualified phrase pack', () => {
  it('holds at least 150 questions with qualifiers, each with its typed query', () => {
    expect(questionPack().length).toBeGreaterThanOrEqual(150);
  });

  it('is understood without a model at 95% or more', () => {
    const misses = questionMisses();
    if (misses.length)
      console.log(
        misses
          .map(
            (miss) =>
              `${miss.text}\n  expected ${JSON.stringify(miss.expected)}\n  got      ${JSON.stringify(miss.got)}`,
          )
          .join('\n'),
      );
    expect(questionsUnderstoodShare()).toBeGreaterThanOrEqual(0.95);
  });
});

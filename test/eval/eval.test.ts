import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, type EvalCase, fakeAnswer } from '../../bench/eval/packs.ts';
import { figuresOf, rowOf, writeModelsTable } from '../../bench/eval/report.ts';
import { type EvalRun, judge, runEval } from '../../bench/eval/run.ts';
import type { Reply } from '../../src/views/reply.ts';
import type { Action } from '../../src/vocabulary/actions.ts';
import { type FakeOpenAI, startFakeOpenAI } from '../fakes/openai-api.ts';

type Body = { messages: { role: string; content?: unknown }[] };
const lastQuestion = (body: Body) => String(body.messages.findLast((message) => message.role === 'user')?.content);
const sokolov = CASES.find((one) => one.turns.join() === 'задачи Соколова')!;
const actionOf = (kind: 'pick' | 'confirm' | 'cancel'): Action =>
  kind === 'pick' ? { kind, listId: 'l', index: 0 } : { kind, proposalId: 'p' };
const reply = (html: string, kinds: ('pick' | 'confirm' | 'cancel')[] = []): Reply => ({
  html,
  buttons: [kinds.map((kind) => ({ text: kind, action: actionOf(kind) }))],
});

describe('the judge of what the director saw', () => {
  it('tells the right answer from a question back, an honest no and another view shown as the answer', () => {
    expect(judge(sokolov, [reply('<b>Задачи Игоря Соколова: 3</b>')])).toBe('right');
    expect(judge(sokolov, [reply('Кого вы имели в виду?', ['pick'])])).toBe('asked');
    expect(judge(sokolov, [reply('С этим я не помогу, но могу показать расписание.')])).toBe('honest');
    expect(judge(sokolov, [reply('<b>Открытые сделки: 12</b>')])).toBe('wrong');
    const write: EvalCase = { ...sokolov, expected: 'write', sees: /КП/ };
    expect(judge(write, [reply('Создать задачу «КП»?', ['confirm', 'cancel'])])).toBe('right');
    expect(judge(write, [reply('<b>Ваши задачи: 2</b> КП')])).toBe('wrong');
  });
});

describe('npm run eval against the built-in fake model', () => {
  let fake: FakeOpenAI;
  let run: EvalRun;
  const folder = mkdtempSync(join(tmpdir(), 'b24-eval-test-'));
  beforeAll(async () => {
    fake = await startFakeOpenAI((body: Body) => fakeAnswer(lastQuestion(body)));
    run = await runEval({ baseURL: fake.baseURL, model: 'fake', apiKey: 'fake' }, 1);
  }, 120_000);
  afterAll(async () => {
    await fake.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('runs every pack with the rules on and off, every message to the model when they are off', () => {
    expect(run.results).toHaveLength(CASES.length * 2);
    const off = figuresOf(run, 'off');
    // The fake answers each case as a capable model would: all right, and each answer took the model.
    expect(off).toMatchObject({ right: CASES.length, wrong: 0, writesRight: 3, passAll: CASES.length });
    expect(run.promptTokens.off.length).toBeGreaterThanOrEqual(CASES.length);
    expect(run.promptTokens.on.length).toBeLessThan(run.promptTokens.off.length);
    expect(Math.max(...run.promptTokens.off)).toBeLessThanOrEqual(1_500);
    expect(figuresOf(run, 'on').wrong).toBe(0);
  });

  it("writes one row per rules into the models table, replacing the model's earlier rows", () => {
    const path = join(folder, 'models.md');
    const rows = (['on', 'off'] as const).map((rules) => rowOf('fake', rules, figuresOf(run, rules), '2026-12-06'));
    writeModelsTable(path, 'other', ['| other | on | 1/1 |']);
    writeModelsTable(path, 'fake', rows);
    writeModelsTable(path, 'fake', rows);
    const table = readFileSync(path, 'utf8');
    expect(table.match(/^\| fake \| (on|off) \|/gmu)).toHaveLength(2);
    expect(table).toContain('| other | on | 1/1 |');
    expect(table).toMatch(/confidently wrong/);
  });
});

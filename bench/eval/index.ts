// `npm run eval -- --base-url <url> --model <name>`: scores a chat model (key from OPENAI_API_KEY) on the director
// packs and writes docs/models.md; with no arguments, against the built-in fake model.
import { parseArgs } from 'node:util';
import { startFakeOpenAI } from '../../test/fakes/openai-api.ts';
import { fakeAnswer } from './packs.ts';
import { figuresOf, rowOf, writeModelsTable } from './report.ts';
import { runEval } from './run.ts';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    model: { type: 'string' },
    repeats: { type: 'string', default: '3' },
    out: { type: 'string', default: 'docs/models.md' },
  },
});

const baseURL = values['base-url'];
const apiKey = process.env.OPENAI_API_KEY ?? '';
if (baseURL && !values.model) {
  console.error('Name the model too: npm run eval -- --base-url <url> --model <name>');
  process.exit(2);
}

type Body = { messages: { role: string; content?: unknown }[] };
const lastQuestion = (body: Body) => String(body.messages.findLast((message) => message.role === 'user')?.content);
const fake = baseURL ? undefined : await startFakeOpenAI((body: Body) => fakeAnswer(lastQuestion(body)));
const model = values.model ?? 'built-in fake model';
try {
  const run = await runEval(
    { baseURL: baseURL ?? fake!.baseURL, model, apiKey: baseURL ? apiKey : 'fake' },
    Math.max(1, Number(values.repeats) || 3),
  );
  const date = new Date().toISOString().slice(0, 10);
  const rows = (['on', 'off'] as const).map((rules) => rowOf(model, rules, figuresOf(run, rules), date));
  writeModelsTable(values.out, model, rows);
  for (const row of rows) console.log(row);
  console.log(`written to ${values.out}`);
} finally {
  await fake?.close();
}

// The tools one message is sent with: a change the director asks for gets the «Предложить…» tools of what it
// names, anything else the views. Every tool schema costs prompt tokens on each request; a question needs a view,
// a change a proposal, and the model still may call any tool it knows (the loop checks each call by its name).
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions';
import { letters } from '../../letters.ts';
import { SCENARIO_ENTRIES } from '../../scenarios/registry.ts';
import type { PartialParse } from '../understanding.ts';
import { TOOL_DEFINITIONS } from './tools.ts';

const B = '(?<![\\p{L}\\p{N}])';
const words = (pattern: string) => letters(new RegExp(`${B}(?:${pattern})`, 'iu'));

/** The verbs of a change, in the imperative or as a wish («надо поставить», «напомни»): never a participle. */
const CHANGE = letters(
  new RegExp(
    `${B}(?:${[
      'создай\\p{L}*|создать|заведи|поставь\\p{L}*|поставить|добавь\\p{L}*|добавить|назначь|назначить|запланируй',
      'перенеси|перенести|сдвинь|сдвинуть|передвинь|продли|продлить|закрой|закрыть|заверши|завершить|отметь',
      'отмени|отменить|удали|удалить|убери|переведи|перевести|измени|поменяй|прокомментируй|напомни|поручи',
      'create|add|set\\s+up|book|schedule\\s+an?|move|reschedule|postpone|close|complete|mark|delete|remove|cancel',
      'comment\\s+on|assign|remind',
    ].join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  ),
);

/** What a change is about, and the tools that make it. */
const OBJECTS: [RegExp, string[]][] = [
  [words('задач|таск|напомни|поручи|task|remind|to-?do'), ['createTask', 'completeTask', 'moveTask', 'deleteTask']],
  [words('сделк|deal'), ['createDeal', 'moveDeal', 'deleteDeal', 'addComment']],
  [
    words('встреч|совещани|созвон|планерк|планёрк|переговор|meeting|call\\s+with|appointment'),
    ['createMeeting', 'moveMeeting', 'deleteMeeting'],
  ],
  [words('контакт|contact'), ['createContact', 'addComment']],
  [words('компани|клиент|company|client'), ['createCompany', 'addComment']],
  [words('коммент|comment|заметк|note'), ['addComment']],
];

const WRITES = [...new Set(OBJECTS.flatMap(([, tools]) => tools))];
const CANNOT = words('позвон|звякни|набери|письм|почт|e-?mail|мейл|смс|sms|call|phone|text\\s+message');

/** The scenarios whose tools go only to a message that names them (their registry entries say by which words). */
const NAMED_BY = new Map<string, RegExp>(
  SCENARIO_ENTRIES.flatMap(({ name, namedBy }) => (namedBy ? [[name, namedBy] as const] : [])),
);
const names = (name: string, message: string) => NAMED_BY.get(name)?.test(message) ?? false;

/** The views, the typed question and the guarded read: what a question needs. */
const READS = TOOL_DEFINITIONS.map((tool) => tool.function.name).filter(
  (name) => !WRITES.includes(name) && name !== 'cannot_do',
);

const readsFor = (message: string) => READS.filter((name) => !NAMED_BY.has(name) || names(name, message));

const byName = new Map(TOOL_DEFINITIONS.map((tool) => [tool.function.name, tool]));
const definitions = (names: Iterable<string>) => [...new Set(names)].flatMap((name) => byName.get(name) ?? []);

/**
 * The tool list for one message: the changes it names (or every change), or the views — only the ones the rules'
 * partial reading points to when there is one (its view, and the typed question to refine it).
 */
export function toolsFor(message: string, hint?: PartialParse): ChatCompletionFunctionTool[] {
  const cannot = CANNOT.test(message) ? ['cannot_do'] : [];
  if (!CHANGE.test(message) && hint) return definitions([hint.understood.scenario, 'query', ...cannot]);
  if (!CHANGE.test(message)) return definitions([...readsFor(message), ...cannot]);
  const named = OBJECTS.filter(([object]) => object.test(message)).flatMap(([, tools]) => tools);
  // A change may name its record by what a view shows («перенеси вторую встречу»): the typed question stays.
  // «поменяй план на декабрь»: a plan is set through its own tool, kept by the assistant.
  const plan = names('plan', message) ? ['plan'] : [];
  return definitions([...(named.length || plan.length ? named : WRITES), ...plan, 'query', ...cannot]);
}

/** The rules' partial reading, said to the model: what they understood as a call, and the words they did not. */
export const hintText = (hint: PartialParse): string =>
  `Правила без модели поняли: ${JSON.stringify(hint.understood)}; не поняли: ${hint.notUnderstood
    .map((word) => `«${word}»`)
    .join(', ')}. Уточни это понимание по непонятым словам.`;

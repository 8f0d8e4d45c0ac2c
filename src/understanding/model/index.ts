// The model loop: a free-form question goes to an OpenAI-compatible chat model whose tools are our scenarios
// and write drafts. One model call suffices for a view (the scenario's view is the answer, never rephrased);
// a write only becomes a draft the director confirms; other reads are allowlisted and their results are data.
// Anything odd (no answer, garbage, timeout, too many steps) is `unavailable`: the bot answers on its own.
import { encode } from 'gpt-tokenizer';
import { DateTime } from 'luxon';
import OpenAI from 'openai';
import type {
  ChatCompletionFunctionTool,
  ChatCompletionMessage,
  ChatCompletionMessageParam,
  ChatCompletionMessageFunctionToolCall as ToolCall,
} from 'openai/resources/chat/completions';
import { type Logger, redact, silentLogger } from '../../log.ts';
import { metrics } from '../../ops/metrics.ts';
import type { PortalClient } from '../../portal/port.ts';
import type { NameDirectory } from '../../scenarios/names.ts';
import type { Director } from '../../vocabulary/director.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import type { PartialParse } from '../understanding.ts';
import { looksLikeData, modelText, toolCallInText } from './plain.ts';
import { EARLIER_REPLY_LABEL, systemPrompt } from './prompt.ts';
import { createToolCalls, inertData, type ToolContext } from './tool-calls.ts';
import { hintText, toolsFor } from './tool-choice.ts';

export { portalData } from './tool-calls.ts';

export type ModelOutcome =
  | { kind: 'view'; request: ScenarioRequest }
  | { kind: 'write'; draft: WriteDraft }
  /** Plain text; the assistant escapes and guards it. */
  | { kind: 'text'; text: string }
  | { kind: 'cannotDo'; what: 'call' | 'email' | 'sms' }
  | { kind: 'unavailable' };

export interface ModelLoop {
  answer(input: {
    director: Director;
    text: string;
    memory: { role: 'director' | 'assistant'; text: string }[];
    /** What the rules understood of the message, and the words they did not. */
    hint?: PartialParse;
  }): Promise<ModelOutcome>;
}

export interface ModelLoopDeps {
  apiKey: string;
  baseURL?: string;
  model: string;
  portal: PortalClient;
  /** The portal's pipelines, cached with the other names the views use. */
  names: Pick<NameDirectory, 'pipelines'>;
  now?: () => Date;
  logger?: Logger;
  /** One model request's time limit, and the whole answer's (default 60 s). */
  timeoutMs?: number;
}

/** Model requests per answer: a view needs one; a read and then words need two or three. */
const MAX_STEPS = 4;
/** The first request (system prompt, the message's tools, memory, message) stays within this many tokens. */
export const PROMPT_TOKEN_BUDGET = 1_500;
const MESSAGE_LIMIT = 1_200;
const MEMORY_ENTRY_LIMIT = 400;

/** Tokens of a request's prompt as sent: messages and tools, counted offline. */
export const promptTokenCount = (messages: ChatCompletionMessageParam[], tools: ChatCompletionFunctionTool[]): number =>
  encode(JSON.stringify({ messages, tools })).length;

const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit)}…` : text);

/** The system prompt, as much recent memory as the token budget allows (newest kept), and the message. */
export function firstMessages(
  director: Director,
  now: Date,
  text: string,
  memory: { role: 'director' | 'assistant'; text: string }[],
  hint?: PartialParse,
): ChatCompletionMessageParam[] {
  const system: ChatCompletionMessageParam = { role: 'system', content: systemPrompt(director, now) };
  const hinted: ChatCompletionMessageParam[] = hint ? [{ role: 'system', content: hintText(hint) }] : [];
  // A director may paste the portal's address into the chat: its secret stays with us.
  const question: ChatCompletionMessageParam = { role: 'user', content: redact(clip(text, MESSAGE_LIMIT)) };
  // Our earlier replies hold portal titles: they go back as labelled data, never in the assistant's own voice,
  // so a deal titled like an order cannot become something "we said".
  const remembered: ChatCompletionMessageParam[] = memory.map((entry) => {
    const said = redact(clip(entry.text, MEMORY_ENTRY_LIMIT));
    return entry.role === 'director'
      ? { role: 'user', content: said }
      : { role: 'user', content: `${EARLIER_REPLY_LABEL}\n<data>${inertData(said)}</data>` };
  });
  const tools = toolsFor(text, hint);
  const all = () => [system, ...hinted, ...remembered, question];
  while (remembered.length > 0 && promptTokenCount(all(), tools) > PROMPT_TOKEN_BUDGET) remembered.shift();
  return all();
}

const UNAVAILABLE: ModelOutcome = { kind: 'unavailable' };

/** One request to the model, counted in /metrics; the message it answered with. */
async function completion(
  client: OpenAI,
  model: string,
  messages: ChatCompletionMessageParam[],
  tools: ChatCompletionFunctionTool[],
  signal: AbortSignal,
) {
  const answered = await client.chat.completions
    .create({ model, messages, tools, tool_choice: 'auto' }, { signal })
    .catch((error: unknown) => {
      metrics.modelCalls.inc({ outcome: 'failed' });
      throw error;
    });
  metrics.modelCalls.inc({ outcome: 'ok' });
  // Local servers may leave usage out.
  metrics.modelTokens.inc({ type: 'prompt' }, answered?.usage?.prompt_tokens ?? 0);
  metrics.modelTokens.inc({ type: 'completion' }, answered?.usage?.completion_tokens ?? 0);
  return answered?.choices?.[0]?.message;
}

/**
 * The model's tool calls, each with an id: some local servers leave ids out (the next request must still pair
 * each result with its call), and some write the call into the text instead.
 */
function toolCallsOf(message: ChatCompletionMessage, content: string, step: number): ToolCall[] {
  const calls: ToolCall[] = (message.tool_calls ?? [])
    .filter((call) => call.type === 'function')
    .map((call, i) => ({ ...call, id: call.id || `call_${step}_${i}` }));
  const written = toolCallInText(content);
  if (calls.length === 0 && written) calls.push({ id: `call_${step}_0`, type: 'function', function: written });
  return calls;
}

export function createModelLoop(deps: ModelLoopDeps): ModelLoop {
  const timeoutMs = deps.timeoutMs ?? 60_000;
  const logger = deps.logger ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  // Everything explicit: the SDK would otherwise read its settings from the environment.
  const client = new OpenAI({
    apiKey: deps.apiKey,
    baseURL: deps.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    timeout: timeoutMs,
    maxRetries: 1,
  });
  const runCall = createToolCalls({ portal: deps.portal, names: deps.names, logger });

  /** Up to MAX_STEPS model turns: a view or a proposal ends it, reads go back to the model. */
  async function converse(
    messages: ChatCompletionMessageParam[],
    tools: ChatCompletionFunctionTool[],
    context: ToolContext,
    signal: AbortSignal,
  ) {
    for (let step = 1; step <= MAX_STEPS; step++) {
      const message = await completion(client, deps.model, messages, tools, signal);
      if (!message) return UNAVAILABLE;
      const content = typeof message.content === 'string' ? message.content : '';
      const calls = toolCallsOf(message, content, step);
      if (calls.length === 0) {
        const words = looksLikeData(content) ? '' : modelText(content);
        return words ? ({ kind: 'text', text: words } as const) : UNAVAILABLE;
      }
      messages.push({ role: 'assistant', content: message.content ?? null, tool_calls: calls });
      for (const call of calls) {
        const result = await runCall(call, context, step);
        if (typeof result !== 'string') return result;
        messages.push({ role: 'tool', tool_call_id: call.id, content: result });
      }
    }
    logger.warn('model gave no answer within its steps', { steps: MAX_STEPS });
    return UNAVAILABLE;
  }

  return {
    async answer({ director, text, memory, hint }) {
      const startedAt = now();
      const context = {
        timeZone: director.timeZone,
        today: DateTime.fromJSDate(startedAt, { zone: director.timeZone }).toISODate() ?? '',
      };
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), timeoutMs);
      try {
        const messages = firstMessages(director, startedAt, text, memory, hint);
        return await converse(messages, toolsFor(text, hint), context, deadline.signal);
      } catch (error) {
        logger.warn('model unavailable', {
          reason: error instanceof Error ? error.name : 'unknown',
          ...(error instanceof OpenAI.APIError && error.status ? { status: error.status } : {}),
        });
        return UNAVAILABLE;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

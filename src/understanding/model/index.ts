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
import { isPortalError } from '../../portal/errors.ts';
import type { CallResult, PortalClient } from '../../portal/port.ts';
import { safetyOf } from '../../portal/safety.ts';
import type { NameDirectory } from '../../scenarios/names.ts';
import type { Director } from '../../vocabulary/director.ts';
import type { WriteDraft } from '../../vocabulary/drafts.ts';
import type { ScenarioRequest } from '../../vocabulary/requests.ts';
import type { PartialParse } from '../understanding.ts';
import { looksLikeData, modelText, toolCallInText } from './plain.ts';
import { EARLIER_REPLY_LABEL, PORTAL_DATA_LABEL, systemPrompt } from './prompt.ts';
import { hintText, toolsFor } from './tool-choice.ts';
import { ToolCallError, type ToolEffect, toolEffect } from './tools.ts';

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
/** Portal data handed back to the model is cut to about this many characters. */
const PORTAL_DATA_LIMIT = 1_500;
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

// Empty fields cost tokens and say nothing.
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field === null || field === '' || (Array.isArray(field) && field.length === 0)) continue;
      out[key] = compact(field);
    }
    return out;
  }
  return value;
}

// Portal text must not be able to close a data block and speak as us.
const inertData = (text: string) => text.replace(/<\/?data/gi, (tag) => tag.replace('<', '‹'));

/** Portal data as a tool result: labelled as data, cut to fit, any portal address masked. */
export function portalData(reply: CallResult): string {
  const result = compact(reply.result);
  let json = JSON.stringify(result) ?? 'null';
  if (json.length > PORTAL_DATA_LIMIT) {
    const items = Array.isArray(result) ? result : undefined;
    if (items) {
      const kept: unknown[] = [];
      for (const item of items) {
        if (JSON.stringify([...kept, item]).length > PORTAL_DATA_LIMIT) break;
        kept.push(item);
      }
      json = `${JSON.stringify(kept)} (${kept.length} of ${reply.total ?? items.length})`;
    } else {
      json = `${json.slice(0, PORTAL_DATA_LIMIT)}… (cut)`;
    }
  } else if (reply.total !== undefined && Array.isArray(result) && reply.total > result.length) {
    json = `${json} (${result.length} of ${reply.total})`;
  }
  return redact(`${PORTAL_DATA_LABEL}\n<data>${inertData(json)}</data>`);
}

function portalFailure(error: unknown): string {
  if (!isPortalError(error)) return 'error: the portal did not answer';
  const reasons: Record<string, string> = {
    authorization: 'no access to the portal',
    access: 'access denied',
    unknownMethod: 'no such method',
    rateLimited: 'the portal is busy',
    unavailable: 'the portal did not answer',
    badRequest: 'the portal refused these arguments',
  };
  return `error: ${reasons[error.kind] ?? 'failed'}`;
}

const UNAVAILABLE: ModelOutcome = { kind: 'unavailable' };

type ToolContext = Parameters<typeof toolEffect>[2];

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

  async function read(method: string, params: Record<string, unknown>): Promise<string> {
    // Only what the allowlist calls a read; a batch counts as its worst command.
    if (safetyOf(method, params) !== 'read')
      return 'error: only reading is allowed here; changes go through the «Предложить…» tools';
    try {
      return portalData(await deps.portal.call(method, params));
    } catch (error) {
      logger.warn('model read failed', { method, kind: isPortalError(error) ? error.kind : 'other' });
      return portalFailure(error);
    }
  }

  // A named pipeline becomes its view, or a short note for the model naming the pipelines there are.
  async function pipelineNamed(name: string): Promise<ModelOutcome | string> {
    let pipelines: { id: number; name: string }[];
    try {
      pipelines = await deps.names.pipelines();
    } catch (error) {
      logger.warn('model pipeline lookup failed', { kind: isPortalError(error) ? error.kind : 'other' });
      return { kind: 'view', request: { scenario: 'pipeline' } };
    }
    const wanted = name.toLocaleLowerCase('ru');
    const found = pipelines.find((pipeline) => pipeline.name.toLocaleLowerCase('ru').includes(wanted));
    if (found) return { kind: 'view', request: { scenario: 'pipeline', categoryId: found.id } };
    return `error: no pipeline "${name}"; pipelines: ${pipelines.map((pipeline) => pipeline.name).join(', ')}`;
  }

  /** One request to the model, counted in /metrics; the message it answered with. */
  async function complete(
    messages: ChatCompletionMessageParam[],
    tools: ChatCompletionFunctionTool[],
    signal: AbortSignal,
  ) {
    const completion = await client.chat.completions
      .create({ model: deps.model, messages, tools, tool_choice: 'auto' }, { signal })
      .catch((error: unknown) => {
        metrics.modelCalls.inc({ outcome: 'failed' });
        throw error;
      });
    metrics.modelCalls.inc({ outcome: 'ok' });
    // Local servers may leave usage out.
    metrics.modelTokens.inc({ type: 'prompt' }, completion?.usage?.prompt_tokens ?? 0);
    metrics.modelTokens.inc({ type: 'completion' }, completion?.usage?.completion_tokens ?? 0);
    return completion?.choices?.[0]?.message;
  }

  /** What one tool call comes to: the answer to the director, or the text the model gets back. */
  async function runCall(call: ToolCall, context: ToolContext, step: number): Promise<ModelOutcome | string> {
    let effect: ToolEffect;
    try {
      effect = toolEffect(call.function.name, call.function.arguments ?? '', context);
    } catch (error) {
      if (!(error instanceof ToolCallError)) throw error;
      logger.debug('model tool call refused', { tool: call.function.name.slice(0, 40), step });
      return `error: ${error.message}`;
    }
    logger.debug('model tool call', { tool: call.function.name, step });
    if (effect.kind === 'pipelineNamed') return pipelineNamed(effect.name);
    if (effect.kind !== 'read') return effect;
    return read(effect.method, effect.params);
  }

  /** Up to MAX_STEPS model turns: a view or a proposal ends it, reads go back to the model. */
  async function converse(
    messages: ChatCompletionMessageParam[],
    tools: ChatCompletionFunctionTool[],
    context: ToolContext,
    signal: AbortSignal,
  ) {
    for (let step = 1; step <= MAX_STEPS; step++) {
      const message = await complete(messages, tools, signal);
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

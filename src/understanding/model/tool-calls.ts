// What the model's tool calls do on our side: a read of the portal (allowlisted, its reply labelled as data),
// a pipeline found by its name, or the view or draft that ends the model's turn.
import type { ChatCompletionMessageFunctionToolCall as ToolCall } from 'openai/resources/chat/completions';
import { type Logger, redact } from '../../log.ts';
import { isPortalError } from '../../portal/errors.ts';
import type { CallResult, PortalClient } from '../../portal/port.ts';
import { safetyOf } from '../../portal/safety.ts';
import type { NameDirectory } from '../../scenarios/names.ts';
import type { ModelOutcome } from './index.ts';
import { PORTAL_DATA_LABEL } from './prompt.ts';
import { ToolCallError, type ToolEffect, toolEffect } from './tools.ts';

/** Portal data handed back to the model is cut to about this many characters. */
const PORTAL_DATA_LIMIT = 1_500;

export type ToolContext = Parameters<typeof toolEffect>[2];

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
export const inertData = (text: string) => text.replace(/<\/?data/gi, (tag) => tag.replace('<', '‹'));

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

interface ToolCallDeps {
  portal: PortalClient;
  names: Pick<NameDirectory, 'pipelines'>;
  logger: Logger;
}

/** What one tool call comes to: the answer to the director, or the text the model gets back. */
export function createToolCalls(
  deps: ToolCallDeps,
): (call: ToolCall, context: ToolContext, step: number) => Promise<ModelOutcome | string> {
  const { logger } = deps;
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

  return async function runCall(call: ToolCall, context: ToolContext, step: number): Promise<ModelOutcome | string> {
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
  };
}

// An OpenAI-compatible chat server on 127.0.0.1 whose answers follow a script, so tests decide exactly which
// tools the "model" calls, and can make it fail, stall or talk nonsense. Every request body is kept for asserts
// (e.g. that no webhook address ever reaches the model).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'gpt-tokenizer';

// biome-ignore lint/suspicious/noExplicitAny: request bodies are arbitrary OpenAI JSON
type Json = any;

export interface ScriptedToolCall {
  name: string;
  /** An object (sent as JSON text) or a raw string, which may be broken JSON on purpose. */
  arguments: unknown;
}

export interface ScriptStep {
  /** The model calls these tools. */
  toolCalls?: ScriptedToolCall[];
  /** The model answers in words. */
  content?: string;
  /** Answer with this HTTP status and an OpenAI-style error. */
  status?: number;
  /** Wait this long before answering (longer than the client's timeout = a timeout). */
  delayMs?: number;
  /** Send this body as it is (garbage on purpose). */
  raw?: string;
  /** Leave `usage` out, as some local servers do. */
  usage?: false;
}

/** A fixed list of steps (one per request) or a function of the request body and its index. */
export type Script = ScriptStep[] | ((body: Json, index: number) => ScriptStep | Promise<ScriptStep>);

/** What the speech endpoint answers to one voice note: its words, or a failure. */
export interface TranscriptionStep {
  text?: string;
  status?: number;
}

export interface Transcription {
  model: string;
  fileName: string;
  audio: Buffer;
}

export interface FakeOpenAIOptions {
  /** Answers `POST /v1/audio/transcriptions` (multipart: `file`, `model`); absent: 404 like a chat-only server. */
  transcribe?: (audio: Buffer, model: string) => TranscriptionStep;
}

export interface FakeOpenAI {
  /** Pass to the openai client as `baseURL` (ends in `/v1`). */
  baseURL: string;
  /** The bodies of `/chat/completions` requests, in order. */
  requests: Json[];
  /** Raw request texts (body and headers other than authorization), for leak scans. */
  rawRequests: string[];
  /** Every voice note sent to the speech endpoint. */
  transcriptions: Transcription[];
  close(): Promise<void>;
}

/** Tokens of a request's prompt (messages and tools), counted offline like the benchmark does. */
export function promptTokens(body: Json): number {
  return encode(JSON.stringify({ messages: body.messages, tools: body.tools })).length;
}

/** What OpenAI itself refuses in a request (400), in its own words; undefined when the request is well formed. */
export function requestProblem(body: Json): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') return 'you must provide a model parameter';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "'messages' must be a non-empty array";
  for (const tool of body.tools ?? []) {
    if (tool.type !== 'function' || !/^[a-zA-Z0-9_-]{1,64}$/.test(String(tool.function?.name))) {
      return `Invalid 'tools': function name must match '^[a-zA-Z0-9_-]{1,64}$'`;
    }
    if (tool.function.parameters !== undefined && tool.function.parameters.type !== 'object') {
      return `Invalid schema for function '${tool.function.name}': schema must be a JSON Schema of 'type: "object"'`;
    }
  }
  const messages: Json[] = body.messages;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    if (message.role === 'tool') {
      const call = messages
        .slice(0, i)
        .reverse()
        .find((m) => m.role === 'assistant')
        ?.tool_calls?.find((c: Json) => c.id === message.tool_call_id);
      if (!call) {
        return "messages with role 'tool' must be a response to a preceeding message with 'tool_calls'";
      }
    }
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      const answered = new Set<string>();
      for (let j = i + 1; j < messages.length && messages[j].role === 'tool'; j++)
        answered.add(messages[j].tool_call_id);
      const missing = message.tool_calls.find((call: Json) => !answered.has(call.id));
      if (missing) {
        return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.id}`;
      }
    }
  }
  return undefined;
}

const openAIError = (message: string, type = 'invalid_request_error') => JSON.stringify({ error: { message, type } });

export async function startFakeOpenAI(script: Script, options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const transcriptions: Transcription[] = [];
  const requests: Json[] = [];
  const rawRequests: string[] = [];
  let nextId = 1;
  let answered = 0;
  // Stalled answers must not keep a finished test's process alive.
  const delays = new Set<NodeJS.Timeout>();

  const send = (response: ServerResponse, status: number, body: string) => {
    if (response.destroyed) return;
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(body);
  };

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'POST' && url.pathname === '/v1/audio/transcriptions' && options.transcribe) {
      return transcribe(response, request.headers['content-type'] ?? '', Buffer.concat(chunks));
    }
    if (request.method !== 'POST' || url.pathname !== '/v1/chat/completions') {
      return send(response, 404, JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
    }
    const { authorization: _authorization, ...headers } = request.headers;
    rawRequests.push(`${JSON.stringify(headers)}\n${text}`);
    let body: Json;
    try {
      body = JSON.parse(text);
    } catch {
      return send(response, 400, JSON.stringify({ error: { message: 'Invalid JSON', type: 'invalid_request_error' } }));
    }
    requests.push(body);
    const problem = requestProblem(body);
    if (problem) {
      return send(response, 400, JSON.stringify({ error: { message: problem, type: 'invalid_request_error' } }));
    }
    // A refused request takes no step of the script.
    const index = answered++;
    const step = typeof script === 'function' ? await script(body, index) : script[index];
    if (!step) {
      return send(
        response,
        500,
        JSON.stringify({ error: { message: `script has no step ${index}`, type: 'server_error' } }),
      );
    }
    if (step.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          delays.delete(timer);
          resolve();
        }, step.delayMs);
        delays.add(timer);
      });
    }
    if (step.raw !== undefined) return send(response, 200, step.raw);
    if (step.status !== undefined && step.status >= 400) {
      return send(
        response,
        step.status,
        JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }),
      );
    }
    const toolCalls = step.toolCalls?.map((call, i) => ({
      id: `call_${index}_${i}`,
      type: 'function',
      function: {
        name: call.name,
        arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
      },
    }));
    const prompt = promptTokens(body);
    const completion = step.content ?? '';
    const completionTokens = encode(completion + JSON.stringify(toolCalls ?? [])).length;
    const reply = {
      id: `chatcmpl-fake-${nextId++}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? 'fake-model',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: toolCalls && step.content === undefined ? null : completion,
            ...(toolCalls ? { tool_calls: toolCalls } : {}),
            refusal: null,
          },
          finish_reason: toolCalls ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      ...(step.usage === false
        ? {}
        : {
            usage: {
              prompt_tokens: prompt,
              completion_tokens: completionTokens,
              total_tokens: prompt + completionTokens,
            },
          }),
    };
    send(response, 200, JSON.stringify(reply));
  });
  // Multipart as OpenAI takes it: a `file` part and a `model` field; JSON `{ text }` back.
  async function transcribe(response: ServerResponse, contentType: string, body: Buffer) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
    } catch {
      return send(response, 400, openAIError('Could not parse multipart form'));
    }
    const file = form.get('file');
    const model = form.get('model');
    if (!(file instanceof Blob) || file.size === 0) return send(response, 400, openAIError("'file' is required"));
    if (typeof model !== 'string' || !model)
      return send(response, 400, openAIError('you must provide a model parameter'));
    const audio = Buffer.from(await file.arrayBuffer());
    transcriptions.push({ model, fileName: (file as File).name ?? '', audio });
    const step = options.transcribe?.(audio, model) ?? {};
    if (step.status !== undefined && step.status >= 400)
      return send(response, step.status, openAIError('scripted failure', 'server_error'));
    send(response, 200, JSON.stringify({ text: step.text ?? '' }));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    transcriptions,
    requests,
    rawRequests,
    async close() {
      for (const timer of delays) clearTimeout(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

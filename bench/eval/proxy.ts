// A recording stand-in on 127.0.0.1 between the assistant and the model service: each chat request is passed on
// as it is (the key too) and its prompt tokens are counted offline from the body sent, as any service would see it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode } from 'gpt-tokenizer';

export interface RecordingProxy {
  /** The assistant's model address (ends in `/v1`). */
  baseURL: string;
  /** Prompt tokens of each chat request so far. */
  promptTokens: number[];
  close(): Promise<void>;
}

const bodyOf = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

/** Passes `/v1/…` on to `target` (an OpenAI-compatible base address such as `https://api.openai.com/v1`). */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const promptTokens: number[] = [];
  const base = target.replace(/\/+$/u, '');
  const server = createServer(async (request, response) => {
    try {
      const body = await bodyOf(request);
      if (request.url?.endsWith('/chat/completions')) {
        const sent = JSON.parse(body.toString('utf8')) as { messages?: unknown; tools?: unknown };
        promptTokens.push(encode(JSON.stringify({ messages: sent.messages, tools: sent.tools })).length);
      }
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (request.headers.authorization) headers.authorization = request.headers.authorization;
      const answer = await fetch(`${base}${(request.url ?? '').replace(/^\/v1/u, '')}`, {
        method: request.method ?? 'POST',
        headers,
        ...(body.length ? { body } : {}),
      });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: error instanceof Error ? error.message : 'proxy failed' } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    promptTokens,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

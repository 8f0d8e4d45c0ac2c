// The operator's command line: one call, a batch, or a step-by-step check of the webhook.
// Every failure is one clear line, never a stack, and the webhook's secret is never printed.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createLogger, redact } from '../log.ts';
import { BatchPlanError, commandOfQuery } from '../portal/batch.ts';
import { createPortalClient, type RequestPreview, type WebhookPortalClient } from '../portal/client.ts';
import { decodePair } from '../portal/encode.ts';
import { isPortalError, type PortalError } from '../portal/errors.ts';
import type { BatchCommand, Params } from '../portal/port.ts';
import { worstSafety } from '../portal/safety.ts';
import { parseWebhookAddress, WebhookAddressError } from '../portal/webhook-address.ts';
import { runCheck } from './check.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

const EXIT = { ok: 0, portal: 1, usage: 2 } as const;

const USAGE = `Usage:
  b24 call <method> [JSON params | key=value …] [--param key=value]… [--params-file f.json]
           [--iterate] [--max-items N] [--dry-run] [--yes | --confirm-write | --confirm-destructive] [--json]
  b24 batch [file.json | -] [--cmd 'name=method?query']… [--halt] [--dry-run] [--yes …] [--json]
  b24 check
The webhook comes from BITRIX24_WEBHOOK_URL (a .env file in this folder is read too).
Calls that change data are refused without --confirm-write (or --yes); deletions need --confirm-destructive (or --yes).`;

class UsageError extends Error {}

const options = {
  param: { type: 'string', multiple: true },
  'params-file': { type: 'string' },
  iterate: { type: 'boolean' },
  'max-items': { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  'confirm-write': { type: 'boolean' },
  'confirm-destructive': { type: 'boolean' },
  json: { type: 'boolean' },
  cmd: { type: 'string', multiple: true },
  halt: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const webhookUrl = io.env.BITRIX24_WEBHOOK_URL?.trim();
  const secrets = webhookUrl ? [webhookUrl, ...secretOf(webhookUrl)] : [];
  const fail = (text: string) => io.err(`b24: ${redact(text, secrets)}`);
  try {
    const { values: flags, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (flags.help || !command) {
      io.out(USAGE);
      return flags.help ? EXIT.ok : EXIT.usage;
    }
    if (command === 'check') return await runCheck(webhookUrl, io);
    if (command !== 'call' && command !== 'batch') throw new UsageError(`unknown command "${command}"`);
    if (!webhookUrl) throw new UsageError('BITRIX24_WEBHOOK_URL is not set');
    const client = createPortalClient({
      webhookUrl,
      retries: 2,
      timeoutMs: 30_000,
      ...(io.env.LOG_LEVEL === 'debug' ? { logger: createLogger({ level: 'debug', write: io.err }) } : {}),
    });
    return command === 'call' ? await call(client, rest, flags, io) : await batch(client, rest, flags, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's own argument errors run on with advice about `--`: their first sentence is the point.
      fail(`${(error as Error).message.split('. ')[0]} (b24 --help shows how)`);
      return EXIT.usage;
    }
    if (error instanceof WebhookAddressError) {
      fail(`BITRIX24_WEBHOOK_URL: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof BatchPlanError) {
      fail(error.message);
      return EXIT.usage;
    }
    if (isPortalError(error)) {
      fail(`${error.message}${hintFor(error)}`);
      return EXIT.portal;
    }
    fail(error instanceof Error ? error.message : String(error));
    return EXIT.portal;
  }
}

const secretOf = (url: string) => {
  try {
    return [parseWebhookAddress(url).secret];
  } catch {
    return [];
  }
};

function hintFor(error: PortalError): string {
  switch (error.kind) {
    case 'authorization':
      return ' — the webhook was deleted or its address is wrong: check BITRIX24_WEBHOOK_URL';
    case 'access':
      return error.details.scope ? ` — give the webhook the "${error.details.scope}" permission` : '';
    case 'unknownMethod':
      return ' — no such method on this portal (or its module is off)';
    case 'rateLimited':
      return error.details.retryAfterMs ? ` — try again in ${Math.ceil(error.details.retryAfterMs / 1000)} s` : '';
    default:
      return '';
  }
}

async function readJson(path: string, io: CliIo): Promise<unknown> {
  const text =
    path === '-'
      ? await io.readStdin()
      : await readFile(path, 'utf8').catch(() => {
          throw new UsageError(`cannot read ${path}`);
        });
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${path === '-' ? 'the input' : path} is not valid JSON`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(target: Params, source: Params): Params {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value];
    else target[key] = isRecord(existing) && isRecord(value) ? merge(existing, value) : value;
  }
  return target;
}

async function callParams(args: string[], flags: Flags, io: CliIo): Promise<Params> {
  const params: Params = {};
  if (flags['params-file']) {
    const file = await readJson(flags['params-file'], io);
    if (!isRecord(file)) throw new UsageError(`${flags['params-file']} must hold a JSON object`);
    merge(params, file);
  }
  for (const arg of [...args, ...(flags.param ?? [])]) {
    if (arg.trimStart().startsWith('{')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(arg);
      } catch {
        throw new UsageError('the JSON parameters are not valid JSON');
      }
      if (!isRecord(parsed)) throw new UsageError('the JSON parameters must be an object');
      merge(params, parsed);
    } else if (/^[^=[\]]+(\[[^\]]*\])*=/.test(arg)) {
      merge(params, decodePair(arg));
    } else {
      throw new UsageError(`"${arg}" is neither JSON nor key=value`);
    }
  }
  return params;
}

const describePreview = (preview: RequestPreview) =>
  JSON.stringify(
    { safety: preview.safety, request: `${preview.httpMethod} ${preview.url}`, body: preview.body },
    null,
    2,
  );

/** Prints the dry run, or refuses an unconfirmed change; true when nothing more should happen. */
function gate(previews: RequestPreview[], flags: Flags, io: CliIo, what: string): number | undefined {
  if (flags['dry-run']) {
    io.out(`Dry run: nothing was sent. Would send:\n${previews.map(describePreview).join('\n')}`);
    return EXIT.ok;
  }
  const safety = worstSafety(previews.map((preview) => preview.safety));
  const confirmed =
    safety === 'read' || flags.yes || flags['confirm-destructive'] || (safety === 'write' && flags['confirm-write']);
  if (confirmed) return undefined;
  const flag = safety === 'destroy' ? '--confirm-destructive' : '--confirm-write';
  io.err(
    `b24: ${what} ${safety === 'destroy' ? 'deletes data' : 'changes data'} on the portal; nothing was sent. ` +
      `Run it again with ${flag} (or --yes) to send it. Would send:`,
  );
  io.err(previews.map(describePreview).join('\n'));
  return EXIT.usage;
}

async function call(client: WebhookPortalClient, args: string[], flags: Flags, io: CliIo): Promise<number> {
  const [method, ...rest] = args;
  if (!method) throw new UsageError('which method? e.g. b24 call user.current');
  const params = await callParams(rest, flags, io);
  const preview = client.preview(method, params);
  if (flags.iterate && preview.safety !== 'read')
    throw new UsageError('--iterate pages through lists; it is for reading methods');
  const stop = gate([preview], flags, io, method);
  if (stop !== undefined) return stop;
  if (flags.iterate) {
    const maxItems = flags['max-items'] === undefined ? undefined : Number(flags['max-items']);
    if (maxItems !== undefined && !(Number.isInteger(maxItems) && maxItems > 0)) {
      throw new UsageError('--max-items takes a whole number above zero');
    }
    const items = await client.list(method, params, maxItems === undefined ? {} : { maxItems });
    io.out(flags.json ? JSON.stringify(items) : JSON.stringify(items, null, 2));
    if (!flags.json) io.err(`${items.length} items`);
    return EXIT.ok;
  }
  const reply = await client.call(method, params);
  if (flags.json) {
    io.out(JSON.stringify(reply));
    return EXIT.ok;
  }
  io.out(JSON.stringify(reply.result, null, 2));
  if (reply.total !== undefined)
    io.err(`total ${reply.total}${reply.next === undefined ? '' : `, next page at ${reply.next}`}`);
  return EXIT.ok;
}

function commandOf(name: string, value: unknown): BatchCommand {
  if (typeof value === 'string') return commandOfQuery(value);
  if (isRecord(value) && typeof value.method === 'string') {
    return isRecord(value.params) ? { method: value.method, params: value.params } : { method: value.method };
  }
  throw new UsageError(`batch command "${name}" must be "method?query" or { "method": …, "params": { … } }`);
}

async function batch(client: WebhookPortalClient, args: string[], flags: Flags, io: CliIo): Promise<number> {
  const commands: Record<string, BatchCommand> = {};
  let halt = Boolean(flags.halt);
  if (args.length > 1) throw new UsageError('batch takes one file (or - for standard input)');
  if (args[0]) {
    const file = await readJson(args[0], io);
    const cmd = isRecord(file) && isRecord(file.cmd) ? file.cmd : file;
    if (!isRecord(cmd)) throw new UsageError('the batch file must hold an object of named commands');
    if (isRecord(file) && (file.halt === true || file.halt === 1)) halt = true;
    for (const [name, value] of Object.entries(cmd)) commands[name] = commandOf(name, value);
  }
  for (const entry of flags.cmd ?? []) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--cmd takes name=method?query, not "${entry}"`);
    commands[entry.slice(0, equals)] = commandOf(entry.slice(0, equals), entry.slice(equals + 1));
  }
  if (Object.keys(commands).length === 0) throw new UsageError('the batch has no commands');
  const stop = gate(client.previewBatch(commands, { halt }), flags, io, 'this batch');
  if (stop !== undefined) return stop;
  const reply = await client.batch(commands, { halt });
  io.out(flags.json ? JSON.stringify(reply) : JSON.stringify(reply, null, 2));
  const failed = Object.keys(reply.errors);
  if (failed.length > 0)
    io.err(`b24: ${failed.length} of ${Object.keys(commands).length} commands failed: ${failed.join(', ')}`);
  return failed.length > 0 ? EXIT.portal : EXIT.ok;
}

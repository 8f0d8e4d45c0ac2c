// `npm run portal`: the demo portal alone, on PORTAL_PORT (default 8124), until Ctrl+C.
// `npm run portal -- --scopes crm,task,user` makes its webhook with those scopes only (default: all), to see how
// the assistant copes with a webhook that lacks some.
import { parseArgs } from 'node:util';
import { ALL_SCOPES, parseScopes } from './rights.ts';
import { startDemoPortal } from './server.ts';

const port = Number(process.env.PORTAL_PORT ?? 8124);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('PORTAL_PORT должен быть номером порта от 0 до 65535.');
  process.exit(1);
}

let scopes: string[];
try {
  const { values, positionals } = parseArgs({
    options: { scopes: { type: 'string', short: 's' } },
    allowPositionals: true,
  });
  const list = values.scopes ?? positionals.join(',');
  scopes = list.trim() === '' ? [...ALL_SCOPES] : parseScopes(list);
} catch (error) {
  console.error(`Список прав вебхука не понят: ${(error as Error).message}`);
  process.exit(1);
}

// A fixed, public secret: this address opens only a toy company on this machine, so printing it (what this
// command is for, per CONTRACT.md) gives nothing away, and it stays the same across restarts.
const portal = await startDemoPortal({ port, secret: 'demo', scopes });
console.log(`Демо-портал Битрикс24: ${portal.webhookUrl}`);
console.log(`Права вебхука: ${scopes.join(', ')}`);

const stop = () => {
  portal.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

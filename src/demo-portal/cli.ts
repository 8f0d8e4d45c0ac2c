// `npm run portal`: the demo portal alone, on PORTAL_PORT (default 8124), until Ctrl+C.
import { startDemoPortal } from './server.ts';

const port = Number(process.env.PORTAL_PORT ?? 8124);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('PORTAL_PORT должен быть номером порта от 0 до 65535.');
  process.exit(1);
}

// A fixed, public secret: this address opens only a toy company on this machine, so printing it (what this
// command is for, per CONTRACT.md) gives nothing away, and it stays the same across restarts.
const portal = await startDemoPortal({ port, secret: 'demo' });
console.log(`Демо-портал Битрикс24: ${portal.webhookUrl}`);

const stop = () => {
  portal.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// `npm run portal`: the demo portal alone, on PORTAL_PORT (default 8124), until Ctrl+C.
import { startDemoPortal } from './server.ts';

const port = Number(process.env.PORTAL_PORT ?? 8124);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error('PORTAL_PORT должен быть номером порта от 0 до 65535.');
  process.exit(1);
}

const portal = await startDemoPortal({ port });
// The demo's own address is a local toy secret: printing it is what this command is for.
console.log(`Демо-портал Битрикс24: ${portal.webhookUrl}`);

const stop = () => {
  portal.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

// `npm run portal`: the demo portal alone, on PORTAL_PORT (default 8124), until Ctrl+C. `PORTAL_COMPANIES=2`
// runs a second company on the next port, each with the Bitrix24 application installed (OAuth 2.0);
// PORTAL_OAUTH_REDIRECT_URI is the bot's handler address and PORTAL_OAUTH_USER the demo user who approves.
// `npm run portal -- --scopes crm,task,user` makes the webhook with those scopes only (default: all of them), to
// see how the assistant copes with a webhook that lacks some.
import { parseArgs } from 'node:util';
import { ALL_SCOPES, parseScopes } from './rights.ts';
import { type DemoPortal, startDemoPortal } from './server.ts';

const port = Number(process.env.PORTAL_PORT ?? 8124);
if (!Number.isInteger(port) || port < 0 || port > 65_534) {
  console.error('PORTAL_PORT должен быть номером порта от 0 до 65534.');
  process.exit(1);
}
const companies = Number(process.env.PORTAL_COMPANIES ?? 1);
if (companies !== 1 && companies !== 2) {
  console.error('PORTAL_COMPANIES может быть 1 или 2.');
  process.exit(1);
}
let scopes: string[];
try {
  const { values, positionals } = parseArgs({ options: { scopes: { type: 'string' } }, allowPositionals: true });
  const list = values.scopes ?? positionals.join(',');
  scopes = list.trim() === '' ? [...ALL_SCOPES] : parseScopes(list);
} catch (error) {
  console.error(`Список прав вебхука не понят: ${(error as Error).message}`);
  process.exit(1);
}
// Where the bot listens for the browser coming back from the portal (its PUBLIC_URL and handler path).
const redirectUri = process.env.PORTAL_OAUTH_REDIRECT_URI;

// Fixed, public secrets: these addresses open only toy companies on this machine, so printing them (what this
// command is for, per CONTRACT.md) gives nothing away, and they stay the same across restarts.
const portals: DemoPortal[] = [];
for (let index = 0; index < companies; index++) {
  const portal = await startDemoPortal({
    port: port === 0 ? 0 : port + index,
    secret: 'demo',
    scopes,
    oauth: {
      clientId: 'local.demo0000000001.00000001',
      clientSecret: 'demo-application-secret',
      memberId: `demo-company-${index + 1}`,
      ...(redirectUri ? { redirectUri } : {}),
    },
  });
  // Who approves at the portal's approval page, as if signed in there (default 1, the director; 3 is a sales manager).
  if (process.env.PORTAL_OAUTH_USER) portal.oauth.signedInUserId = Number(process.env.PORTAL_OAUTH_USER);
  portals.push(portal);
  console.log(`Демо-портал Битрикс24: ${portal.webhookUrl}`);
  if (scopes.length < ALL_SCOPES.length) console.log(`  права вебхука: ${scopes.join(', ')}`);
  if (companies > 1 || redirectUri) {
    console.log(
      `  приложение: BITRIX24_APP_CLIENT_ID=${portal.oauth.clientId} BITRIX24_APP_CLIENT_SECRET=${portal.oauth.clientSecret}` +
        ` BITRIX24_OAUTH_SERVER=http://127.0.0.1:${portal.port}`,
    );
  }
}

const stop = () => {
  Promise.all(portals.map((portal) => portal.close())).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// Killing `npm run portal` ends npm and its shell but not this process: once orphaned, stop with them.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1000).unref();

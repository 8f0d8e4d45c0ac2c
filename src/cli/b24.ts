// Entry of the operator CLI: `npm run b24 -- …` or the `b24` bin.
import { config } from 'dotenv';
import { runCli } from './commands.ts';

config({ quiet: true });

const readStdin = async () => {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
};

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin,
});

// When Telegram ends the updates loop for good: a second copy polling with the same token (409) or a revoked
// token (401). The assistant, run as the operator runs it, says so in one line, shuts down cleanly and exits
// non-zero, instead of dying with a raw stack trace.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Stand, startStand } from './harness.ts';

let stand: Stand | undefined;
afterEach(async () => {
  await stand?.close();
  stand = undefined;
});

const cases = [
  {
    code: 409,
    description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    line: 'another copy of this bot is running',
  },
  { code: 401, description: 'Unauthorized', line: 'the bot token was revoked' },
];

describe('when Telegram refuses the updates loop', () => {
  for (const { code, description, line } of cases) {
    it(`${code}: one clear line, the database closed, a non-zero exit`, async () => {
      stand = await startStand();
      stand.telegram.failNext('getUpdates', { error_code: code, description });
      await stand.startAssistant();
      const exitCode = await stand.exited();

      expect(exitCode).not.toBe(0);
      expect(exitCode).not.toBeNull();
      const lines = stand.stderr().split('\n');
      expect(lines.filter((text) => text.includes(line))).toHaveLength(1);
      expect(lines.find((text) => text.includes(line))).toMatch(/"level":"error"/);
      // No raw stack, and the token never shows.
      expect(stand.stderr()).not.toMatch(/^\s+at /m);
      expect(stand.stderr()).not.toContain(stand.telegram.token);
      expect(stand.stderr()).toMatch(/"message":"stopped cleanly"/);
      // A cleanly closed SQLite file leaves no write-ahead log behind.
      const database = join(stand.folder, 'assistant.sqlite');
      expect(existsSync(database)).toBe(true);
      expect(existsSync(`${database}-wal`)).toBe(false);
    }, 60_000);
  }
});

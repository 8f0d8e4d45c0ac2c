// docker-compose.yml without a container engine: Compose fills in every ${...} of the file whatever the profile
// asked for, so a variable it insists on (${VAR:?}) would stop `--profile single` for want of the cluster's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const compose = readFileSync(join(import.meta.dirname, '..', '..', 'docker-compose.yml'), 'utf8');
const lines = compose.split('\n').filter((line) => !line.trimStart().startsWith('#'));

describe('docker-compose.yml', () => {
  it('lets each profile start with only its own settings: no variable is required at fill-in time', () => {
    const variables = lines.flatMap((line) => [...line.matchAll(/(?<!\$)\$\{([^}]*)\}/g)].map((match) => match[1]));
    expect(variables.length).toBeGreaterThan(0);
    for (const variable of variables) expect(variable).toMatch(/^\w+:-$/);
  });

  it('gives both instances the webhook secret from .env (else the one both derive), never one set per instance', () => {
    expect(lines.filter((line) => /^\s+env_file: \.env$/.test(line)).length).toBeGreaterThanOrEqual(2);
    expect(lines.some((line) => /TELEGRAM_WEBHOOK_SECRET:/.test(line))).toBe(false);
  });
});

// The README's deploy section, line by line where a machine can tell: the settings it names are the ones the
// assistant reads (and CONTRACT.md's), the metrics it lists are the ones /metrics serves, the compose profiles
// and variables it mentions are in docker-compose.yml.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/ops/metrics.ts';

const repository = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(repository, path), 'utf8');
const readme = read('README.md');
const deploy = readme.slice(readme.indexOf('## Going to production'), readme.indexOf('## For developers'));

describe('the README’s deploy section', () => {
  it('lists in its settings table exactly the settings the assistant reads', () => {
    const table = [...deploy.matchAll(/^\| `([A-Z0-9_]+)`(?:, `([A-Z0-9_]+)`)?/gm)].flatMap((row) =>
      row.slice(1).filter(Boolean),
    );
    const config = read('src/config.ts');
    const schema = config.slice(config.indexOf('const environment = z.object({'));
    const settings = [...schema.matchAll(/^ {2}([A-Z0-9_]+): optional\(/gm)].map((match) => match[1]);
    expect(table.sort()).toEqual(settings.sort());
    // CONTRACT.md's settings keep their names (the contract is outside the repository: checked where present).
    const contract = join(repository, '..', '..', 'shared', 'CONTRACT.md');
    const named = existsSync(contract) ? readFileSync(contract, 'utf8') : '';
    for (const [, setting] of named.matchAll(/`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`/g)) expect(table).toContain(setting);
  });

  it('names every metric /metrics serves, and none it does not', async () => {
    const served = new Set(
      [...(await registry.metrics()).matchAll(/^# TYPE (assistant_\w+)/gm)].map((match) => match[1]),
    );
    const named = new Set([...deploy.matchAll(/`(assistant_\w+?)(?:\{\w+\})?`/g)].map((match) => match[1]));
    expect([...named].sort()).toEqual([...served].sort());
  });

  it('runs the compose profiles and variables docker-compose.yml has', () => {
    const compose = read('docker-compose.yml');
    for (const [, profile] of deploy.matchAll(/docker compose --profile (\w+)/g))
      expect(compose).toContain(`profiles: [${profile}]`);
    for (const variable of ['PUBLIC_HOST', 'POSTGRES_PASSWORD']) expect(compose).toContain(`\${${variable}:-}`);
    expect(read('Dockerfile')).toMatch(/^EXPOSE 8080 9464$/m);
  });
});

// The benchmarks measure the compiled product, as production runs it: `npm run build` once per bench run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const repository = join(import.meta.dirname, '..');
let built = false;

export function buildOnce(): void {
  if (built) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repository, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  built = true;
}

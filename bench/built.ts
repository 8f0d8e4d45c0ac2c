// The benchmarks measure the compiled product, as production runs it: `npm run build` once per bench run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repository = join(import.meta.dirname, '..');
let built = false;

export function buildOnce(): void {
  if (built) return;
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repository, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  built = true;
}

/** Node's flags from the Dockerfile's `CMD ["node", …flags, "dist/main.js"]`: the bot runs as the image runs it. */
export function productionNodeFlags(): string[] {
  const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(repository, 'Dockerfile'), 'utf8'))?.[1];
  const words = JSON.parse(cmd ?? '[]') as string[];
  if (words[0] !== 'node' || words.at(-1) !== 'dist/main.js')
    throw new Error('The Dockerfile CMD is not node … dist/main.js.');
  return words.slice(1, -1);
}

// Runs every benchmark file (bench/*.bench.ts) in turn and prints one line per figure: `name: value`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Benchmark = () => Promise<Record<string, number>>;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts') && (!only || file.includes(only)))
  .sort();

for (const file of files) {
  const module = (await import(join(here, file))) as { default: Benchmark };
  const figures = await module.default();
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
}

// The rules of docs/architecture.md, checked on the real imports: each folder of src/ imports only the folders
// below it. A message reads top to bottom (telegram → access → assistant → understanding → scenarios → present →
// views → vocabulary), and no import climbs back up, not even for a type.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCE = resolve(import.meta.dirname, '..', '..', 'src');

// What every part may use: the words of the product and a few plain helpers.
const BASE = [
  'vocabulary',
  'log.ts',
  'package-root.ts',
  'capped-body.ts',
  'remembered.ts',
  'letters.ts',
  'types',
  'ops',
];
const DATA = ['storage', 'portal'];
const WIRING = '*';

/** Each folder (or file at the top of src/) and what it may import besides itself and BASE. */
const MAY_IMPORT: Record<string, string[] | typeof WIRING> = {
  // Wiring: builds the parts and hands them to each other.
  'main.ts': WIRING,
  'app.ts': WIRING,
  'config.ts': WIRING,
  'shutdown.ts': WIRING,
  'workspaces.ts': WIRING,
  demo: WIRING,
  cli: WIRING,
  'demo-portal': ['portal', 'storage'],
  // Channels: where a message comes in and its answer goes out.
  telegram: ['access', 'assistant', 'speech', 'scenarios', 'present', 'views', 'digests', ...DATA],
  dashboard: ['access', 'assistant', 'alerts', 'scenarios', 'present', 'views', ...DATA],
  // Who may ask, and connecting a portal.
  access: ['scenarios', 'present', 'views', ...DATA],
  // The conductor, and what is pushed without being asked.
  assistant: ['access', 'understanding', 'scenarios', 'digests', 'alerts', 'present', 'views', ...DATA],
  digests: ['access', 'scenarios', 'present', 'views', ...DATA],
  alerts: ['access', 'scenarios', 'present', 'views', ...DATA],
  // From words to a typed request.
  understanding: ['scenarios', 'present', 'views', ...DATA],
  // Reads and writes, each with its views (registry.ts).
  scenarios: ['present', 'views', ...DATA],
  // The guard, once; then the text toolkit and the messages table.
  present: ['views'],
  views: [],
  speech: [],
  portal: ['storage'],
  storage: [],
  ops: [],
  vocabulary: [],
  'log.ts': [],
  'package-root.ts': [],
  'capped-body.ts': [],
  'remembered.ts': [],
  'letters.ts': ['remembered.ts'],
  types: [],
};

const partOf = (file: string) => relative(SOURCE, file).split('/')[0]!;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'page' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Every import from one part of src/ into another: `from → to` with the two files. */
function crossings(): { from: string; to: string; line: string }[] {
  return sourceFiles(SOURCE).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((match) => {
      const target = resolve(dirname(file), (match[1] ?? match[2])!);
      const [from, to] = [partOf(file), partOf(target)];
      return from === to ? [] : [{ from, to, line: `${relative(SOURCE, file)} → ${relative(SOURCE, target)}` }];
    }),
  );
}

describe('the layers of src/', () => {
  const found = crossings();

  it('names a rule for every folder', () => {
    const parts = new Set(readdirSync(SOURCE));
    expect([...parts].filter((part) => !(part in MAY_IMPORT))).toEqual([]);
  });

  it('has no import that climbs up', () => {
    const allowed = (from: string, to: string) => {
      const rule = MAY_IMPORT[from];
      return rule === WIRING || BASE.includes(to) || (rule ?? []).includes(to);
    };
    expect(found.filter(({ from, to }) => !allowed(from, to)).map(({ line }) => line)).toEqual([]);
  });

  it('sees the imports it checks', () => {
    // A parser that found nothing would pass everything.
    expect(found.some(({ line }) => line === 'scenarios/registry.ts → views/choice-view.ts')).toBe(true);
    expect(found.length).toBeGreaterThan(300);
  });
});

// The folder of package.json, found from wherever this module runs: `src/` under tsx, `dist/` when built.
// Prompts and migrations ship beside package.json, so they are found from here, not from the module's folder.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No package.json above ${from}.`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file or folder shipped with the package (`prompts/`, `migrations/`). */
export const shipped = (...parts: string[]) => join(PACKAGE_ROOT, ...parts);

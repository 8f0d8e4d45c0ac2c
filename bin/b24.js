#!/usr/bin/env node
// The `b24` bin: the compiled CLI where only the build ships (the image), the TypeScript one through tsx in a
// checkout, so it never runs a stale build.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/b24.ts', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(source.href);
} else {
  await import(new URL('../dist/cli/b24.js', import.meta.url).href);
}

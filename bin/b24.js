#!/usr/bin/env node
// The `b24` bin: runs the TypeScript CLI through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/b24.ts', import.meta.url).href);

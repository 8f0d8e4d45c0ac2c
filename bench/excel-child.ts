// Run by files.bench.ts in a child process of its own, so the peak memory is that of building the file alone:
// reads the rows, builds the spreadsheet, prints the time and the peak resident memory as JSON.
import { readFileSync } from 'node:fs';
import { spreadsheetOf } from '../src/views/sheets/lists.ts';
import type { ExportTable } from '../src/vocabulary/export-tables.ts';

const table = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as ExportTable;
const before = process.memoryUsage().rss / 1024 / 1024;
const started = performance.now();
const file = await spreadsheetOf(table, 'ru');
const ms = performance.now() - started;
// maxRSS is in kilobytes.
console.log(JSON.stringify({ before, ms, bytes: file.byteLength, peakMb: process.resourceUsage().maxRSS / 1024 }));

const names = process.argv.slice(2);
for (const name of names) {
  const module = await import(`./${name}.bench.ts`);
  const t = performance.now();
  const figures = await module.default();
  const handles = (process as any)._getActiveHandles().map((h: any) => h.constructor?.name);
  const counts: Record<string, number> = {};
  for (const h of handles) counts[h] = (counts[h] ?? 0) + 1;
  console.log(name, Math.round(performance.now() - t), JSON.stringify(figures), 'handles', JSON.stringify(counts), 'heapMB', Math.round(process.memoryUsage().heapUsed / 1e6));
}
process.exit(0);

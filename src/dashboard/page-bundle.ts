// The page's script and style, bundled by esbuild: at `npm run build` into dist (the image has no esbuild), and
// on the fly when the assistant runs from its sources (npm start, the demo, the tests), so no step is needed.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export interface PageAsset {
  type: string;
  body: Buffer;
  gzipped: Buffer;
}

/** The files the page loads by address: the charts, after the numbers are on screen. */
export const PAGE_FILES = ['charts.js'] as const;
/** Every bundled file: the page's script and style are written into the page itself. */
const BUNDLED = ['app.js', 'app.css', ...PAGE_FILES] as const;
export type PageAssets = Record<(typeof BUNDLED)[number], PageAsset>;

const here = dirname(fileURLToPath(import.meta.url));
/** Where `npm run build` leaves the bundle: beside this module in dist. */
const BUILT = join(here, 'page-bundle');
const typeOf = (name: string) => (name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');

async function bundle(): Promise<Record<keyof PageAssets, Buffer>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { app: join(here, 'page', 'main.ts'), charts: join(here, 'page', 'charts.ts') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outdir: 'out',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const file = (name: string) => {
    const found = result.outputFiles.find((output) => output.path.endsWith(`/${name}`));
    if (!found) throw new Error(`the dashboard page bundle has no ${name}`);
    return Buffer.from(found.contents);
  };
  return Object.fromEntries(BUNDLED.map((name) => [name, file(name)])) as Record<keyof PageAssets, Buffer>;
}

let loading: Promise<PageAssets> | undefined;

/** The page's files: the built ones when present, otherwise bundled now; once per process. */
export function pageAssets(): Promise<PageAssets> {
  loading ??= loadPageAssets();
  return loading;
}

async function loadPageAssets(): Promise<PageAssets> {
  const files = existsSync(join(BUILT, 'app.js'))
    ? (Object.fromEntries(BUNDLED.map((name) => [name, readFileSync(join(BUILT, name))])) as Record<
        keyof PageAssets,
        Buffer
      >)
    : await bundle();
  return Object.fromEntries(
    BUNDLED.map((name) => [
      name,
      { type: typeOf(name), body: files[name], gzipped: gzipSync(files[name], { level: 9 }) },
    ]),
  ) as PageAssets;
}

/** `npm run build`: writes the bundle beside the compiled module (dist/dashboard/page-bundle). */
export async function writePageBundle(folder: string): Promise<void> {
  const files = await bundle();
  mkdirSync(folder, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(folder, name), body);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2])
  await writePageBundle(process.argv[2]);

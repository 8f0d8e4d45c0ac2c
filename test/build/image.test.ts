// The image, where no container engine runs: every stage of the Dockerfile is carried out in a temp folder —
// its COPY lines copy, its RUN lines run (npm ci from the lockfile, npm run build), its CMD starts the
// compiled assistant on production dependencies only, and its HEALTHCHECK asks the running bot.
// Liberties that save minutes, not checks: apt-get and /data are the container's own (skipped); the production
// install is real but takes better-sqlite3's native part from this checkout instead of compiling it for 90 s; the
// install for the compile (dev dependencies) links this checkout's node_modules, installed from the same lockfile.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoPortal, startDemoPortal } from '../../src/demo-portal/server.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';

const repository = join(import.meta.dirname, '..', '..');
const DIRECTOR = { id: 111, first_name: 'Алексей', language_code: 'ru' };

interface Instruction {
  keyword: string;
  args: string;
}

/** The Dockerfile as instructions: continuation lines joined, comments dropped. */
function instructionsOf(text: string): Instruction[] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

interface Image {
  folder: string;
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
}

// Only what npm needs from the environment: vitest's own npm_* variables would change what `npm ci` does.
const baseEnv = () =>
  Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'npm_config_cache', 'npm_config_registry']
      .filter((name) => process.env[name] !== undefined)
      .map((name) => [name, process.env[name] as string]),
  );

function run(command: string, cwd: string): void {
  let line = command;
  const install = /^npm ci\b/.test(line);
  if (install && !line.includes('--omit=dev')) {
    symlinkSync(join(repository, 'node_modules'), join(cwd, 'node_modules'), 'dir');
    return;
  }
  const nativeFromCheckout = install && !line.includes('--ignore-scripts');
  if (install) line += ' --prefer-offline';
  if (nativeFromCheckout) line += ' --ignore-scripts';
  const result = spawnSync('sh', ['-c', line], { cwd, env: baseEnv(), encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`RUN ${command} failed:\n${result.stdout}\n${result.stderr}`);
  if (nativeFromCheckout) {
    const build = join('node_modules', 'better-sqlite3', 'build');
    cpSync(join(repository, build), join(cwd, build), { recursive: true });
  }
}

/** Carries out the Dockerfile stage by stage in `root`; returns the last stage's folder and settings. */
function buildImage(root: string): Image {
  const stages = new Map<string, string>();
  let folder = '';
  let env: Record<string, string> = {};
  let cmd: string[] = [];
  let healthcheck: string[] = [];
  let count = 0;
  for (const { keyword, args } of instructionsOf(readFileSync(join(repository, 'Dockerfile'), 'utf8'))) {
    switch (keyword) {
      case 'FROM': {
        const [image = '', , name] = args.split(/\s+/);
        folder = join(root, `stage-${count++}`);
        const parent = stages.get(image);
        if (parent) cpSync(parent, folder, { recursive: true });
        else {
          expect(image).toMatch(/^node:(22|24)\b.*slim$/);
          mkdirSync(folder);
        }
        env = {};
        if (name) stages.set(name, folder);
        break;
      }
      case 'WORKDIR':
        expect(args).toBe('/app');
        break;
      case 'COPY': {
        const words = args.split(/\s+/);
        const from = words.find((word) => word.startsWith('--from='))?.slice('--from='.length);
        const paths = words.filter((word) => !word.startsWith('--'));
        const target = join(folder, paths.pop() ?? '.');
        const sourceRoot = from ? stages.get(from) : repository;
        if (!sourceRoot) throw new Error(`COPY --from=${from}: no such stage`);
        for (const path of paths) {
          const source = join(sourceRoot, path.replace(/^\/app\/?/, ''));
          const destination = paths.length > 1 || target.endsWith('/') ? join(target, basename(path)) : target;
          // Between stages: hard links, as fast as a rename and as separate as a copy for what follows.
          if (from) spawnSync('cp', ['-al', source, destination]);
          else cpSync(source, destination, { recursive: true });
        }
        break;
      }
      case 'RUN':
        if (/^apt-get\b/.test(args)) expect(args).toMatch(/python3 make g\+\+/);
        else if (!/^mkdir -p \/data/.test(args)) run(args, folder);
        break;
      case 'ENV':
        for (const pair of args.split(/\s+/)) {
          const [name = '', value = ''] = pair.split('=');
          env[name] = value;
        }
        break;
      case 'CMD':
        cmd = JSON.parse(args) as string[];
        break;
      case 'HEALTHCHECK':
        healthcheck = JSON.parse(args.slice(args.indexOf('CMD ') + 4)) as string[];
        break;
    }
  }
  return { folder, env, cmd, healthcheck };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('the image, built from the Dockerfile in a temp folder', () => {
  let root: string;
  let image: Image;
  let portal: DemoPortal;
  let telegram: FakeTelegram;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'b24-image-'));
    image = buildImage(root);
    portal = await startDemoPortal({ port: 0 });
    telegram = await startFakeTelegram();
  }, 400_000);
  afterAll(async () => {
    await telegram?.close();
    await portal?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  const imageEnv = (extra: Record<string, string>) => ({
    ...baseEnv(),
    ...image.env,
    DATABASE_PATH: join(root, 'data', 'assistant.sqlite'),
    ...extra,
  });

  it('holds compiled JavaScript and production dependencies only', () => {
    expect(image.cmd[0]).toBe('node');
    expect(image.cmd.at(-1)).toBe('dist/main.js');
    expect(existsSync(join(image.folder, 'dist', 'main.js'))).toBe(true);
    expect(readdirSync(join(image.folder, 'dist'))).not.toContain('test');
    expect(existsSync(join(image.folder, 'src'))).toBe(false);
    // Every folder the code finds from the package root (src/package-root.ts) is in the image.
    const sources = readdirSync(join(repository, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(join(repository, 'src', file), 'utf8'));
    const shipped = new Set(sources.flatMap((text) => [...text.matchAll(/shipped\('([\w.-]+)'/g)].map((m) => m[1])));
    expect([...shipped].sort()).toEqual(['assets', 'migrations', 'prompts']);
    for (const folder of shipped) expect(existsSync(join(image.folder, folder!)), folder).toBe(true);
    for (const dev of ['tsx', 'typescript', 'vitest', '@biomejs/biome', 'esbuild']) {
      expect(existsSync(join(image.folder, 'node_modules', dev)), dev).toBe(false);
    }
  });

  it('starts the compiled demo, which answers «мои задачи»', async () => {
    const [node = '', ...args] = image.cmd;
    const result = spawnSync(node, args, {
      cwd: image.folder,
      input: 'мои задачи\n',
      encoding: 'utf8',
      timeout: 60_000,
      env: imageEnv({ METRICS_PORT: String(await freePort()) }),
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Ваши задачи: \d+/);
    expect(result.stdout).toMatch(/⚠\uFE0F?\s\d+\sзадач\S*\sпросрочен/);
  }, 70_000);

  it('runs the demo with no settings, which passes the HEALTHCHECK while it runs and ends cleanly', async () => {
    const env = imageEnv({ METRICS_PORT: String(await freePort()) });
    const [node = '', ...args] = image.cmd;
    const demo = spawn(node, args, { cwd: image.folder, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
    let out = '';
    const answered = new Promise<void>((resolve) =>
      demo.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (/Ваши задачи/.test(out)) resolve();
      }),
    );
    try {
      // An answer means the chat runs, and the listener was started before it.
      demo.stdin.write('мои задачи\n');
      await answered;
      const [check = '', ...checkArgs] = image.healthcheck;
      const health = spawnSync(check, checkArgs, { env, encoding: 'utf8', timeout: 10_000 });
      expect(health.status, health.stderr).toBe(0);
    } finally {
      demo.stdin.end();
    }
    expect(await exited).toBe(0);
  }, 70_000);

  it('runs the bot, passes its HEALTHCHECK, and stops cleanly on SIGTERM as PID 1 would', async () => {
    const metricsPort = await freePort();
    const env = imageEnv({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      BITRIX24_WEBHOOK_URL: portal.webhookUrl,
      ALLOWED_TELEGRAM_IDS: String(DIRECTOR.id),
      METRICS_PORT: String(metricsPort),
    });
    const [node = '', ...args] = image.cmd;
    const bot: ChildProcess = spawn(node, args, { cwd: image.folder, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    bot.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
    try {
      await telegram.waitFor(() => telegram.calls.some((call) => call.method === 'getUpdates'), 30_000);
      telegram.sendText(DIRECTOR, 'мои задачи');
      const answer = await telegram.waitFor(() => telegram.sent(DIRECTOR.id)[0], 30_000);
      expect(answer.plain).toMatch(/Ваши задачи/);

      const [check = '', ...checkArgs] = image.healthcheck;
      const health = spawnSync(check, checkArgs, { env, encoding: 'utf8', timeout: 10_000 });
      expect(health.status, health.stderr).toBe(0);
    } finally {
      bot.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(log).toContain('stopped cleanly');
    expect(log).toMatch(/"message":"update handled".*"ms":\d+/);
  }, 90_000);
});

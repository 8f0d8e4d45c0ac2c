import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase, postgresDialect, type Queries, StorageError } from '../../src/storage/db.ts';
import { createMemoryRepository } from '../../src/storage/memory.ts';
import { createProposalRepository } from '../../src/storage/proposal-repository.ts';
import { storageEngines } from './engines.ts';
import { tempFolders } from './temp.ts';

const newFolder = tempFolders();

function migrationsFolder(files: Record<string, string>): string {
  const dir = join(newFolder(), 'migrations');
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('openDatabase', () => {
  it('creates the folder and the core tables, with the pragmas set on the connection', async () => {
    const path = join(newFolder(), 'nested', 'deeper', 'assistant.sqlite');
    const db = await openDatabase(path);
    expect(existsSync(path)).toBe(true);
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    // FULL: a claim (a tap's proposal, a digest slot) survives a power cut.
    expect(await db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(await db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    expect(await db.get('PRAGMA busy_timeout')).toEqual({ timeout: 5000 });
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    expect(tables.map((row) => row.name)).toEqual(
      expect.arrayContaining(['cache', 'directors', 'memory', 'memory_context', 'portal_connections', 'proposals']),
    );
    expect((await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBeGreaterThanOrEqual(1);
    await db.close();
  });

  it('creates the folder and the file for the owner only', async () => {
    const folder = join(newFolder(), 'state');
    const path = join(folder, 'assistant.sqlite');
    const db = await openDatabase(path);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await db.close();
  });

  it('commits conversation memory without waiting for the disk, and sets the durable level back at once', async () => {
    const db = await openDatabase(join(newFolder(), 'assistant.sqlite'));
    const level = async (queries: Queries) =>
      (await queries.get<{ synchronous: number }>('PRAGMA synchronous'))?.synchronous;
    // Reads commit nothing: only the lossy writes step down to NORMAL.
    expect(await db.lossy.transaction(level)).toBe(1); // NORMAL
    await expect(db.lossy.run('INSERT INTO no_such_table VALUES (1)')).rejects.toThrow(/no such table/);
    await expect(db.lossy.transaction(() => Promise.reject(new Error('gave up')))).rejects.toThrow('gave up');
    expect(await level(db)).toBe(2);
    expect(await db.transaction(level)).toBe(2);
    // A claim asked for while a lossy transaction holds the file waits for it, then commits at the durable level.
    let finish = () => {};
    const held = db.lossy.transaction(() => new Promise<void>((done) => (finish = done)));
    const claim = db.get<{ synchronous: number }>('PRAGMA synchronous');
    finish();
    await held;
    expect(await claim).toEqual({ synchronous: 2 });
    await db.close();
  });

  it('puts only the conversation memory on the lossy side: a claimed tap is written durably', async () => {
    const db = await openDatabase(join(newFolder(), 'assistant.sqlite'));
    const lossyWrites: string[] = [];
    const noted = <T>(what: string, result: T): T => {
      lossyWrites.push(what);
      return result;
    };
    const recorded: Database = {
      ...db,
      lossy: {
        ...db.lossy,
        run: (sql, params) => noted(sql, db.lossy.run(sql, params)),
        get: (sql, params) => noted(sql, db.lossy.get(sql, params)),
        transaction: (work) => noted('transaction', db.lossy.transaction(work)),
      },
    };
    const memory = createMemoryRepository(recorded);
    await memory.remember(111, [{ role: 'director', text: 'мои задачи', at: new Date() }]);
    await memory.setContext(111, '{"view":"tasks"}');
    expect(lossyWrites).toHaveLength(2);
    const proposals = createProposalRepository(recorded);
    const write = { type: 'createTask' as const, title: 'Позвонить в Ромашку' };
    const proposal = await proposals.create({ telegramUserId: 111, write, now: new Date(), ttlMs: 60_000 });
    expect((await proposals.claim(proposal.id, 111, new Date())).ok).toBe(true);
    expect(lossyWrites).toHaveLength(2);
    await db.close();
  });

  it('refuses a database made by a newer version of the program', async () => {
    const path = join(newFolder(), 'newer.sqlite');
    await (await openDatabase(path)).close();
    const raw = new BetterSqlite3(path);
    raw.pragma('user_version = 9999');
    raw.close();
    const refusal = await openDatabase(path).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as Error).message).toMatch(/schema version 9999, newer than this program knows/);
  });
});

describe.each(storageEngines())('migrations on $name', (engine) => {
  const version = async (db: Database) =>
    engine.name === 'sqlite'
      ? (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version
      : (await db.get<{ version: number }>('SELECT max(version) AS version FROM schema_version'))?.version;
  const steps = async (db: Database) =>
    (await db.all<{ name: string }>('SELECT name FROM steps ORDER BY n')).map((row) => row.name);

  it('applies migrations in numeric order, each once, and again only the new ones on reopen', async () => {
    const dir = migrationsFolder({
      '0002_second.sql': "INSERT INTO steps (name) VALUES ('second');",
      '0001_first.sql':
        "CREATE TABLE steps (n INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT) STRICT; INSERT INTO steps (name) VALUES ('first');",
      '0010_tenth.sql': "INSERT INTO steps (name) VALUES ('tenth');",
      'README.md': 'not a migration',
    });
    const place = await engine.place();
    const first = await engine.open(place, { migrationsDir: dir });
    expect(await steps(first)).toEqual(['first', 'second', 'tenth']);
    expect(await version(first)).toBe(10);

    const again = await engine.open(place, { migrationsDir: dir });
    expect(await steps(again)).toEqual(['first', 'second', 'tenth']);

    writeFileSync(join(dir, '0011_more.sql'), "INSERT INTO steps (name) VALUES ('eleventh');");
    const upgraded = await engine.open(place, { migrationsDir: dir });
    expect(await steps(upgraded)).toEqual(['first', 'second', 'tenth', 'eleventh']);
    expect(await version(upgraded)).toBe(11);
  });

  it('migrates once when two instances start together', async () => {
    const dir = migrationsFolder({
      '0001_first.sql':
        "CREATE TABLE steps (n INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT) STRICT; INSERT INTO steps (name) VALUES ('once');",
    });
    const place = await engine.place();
    const [first, second] = await Promise.all([
      engine.open(place, { migrationsDir: dir }),
      engine.open(place, { migrationsDir: dir }),
    ]);
    expect(await steps(first)).toEqual(['once']);
    expect(await version(second)).toBe(1);
  });

  it('rolls a failing migration back together with its version bump', async () => {
    const dir = migrationsFolder({
      '0001_ok.sql': 'CREATE TABLE kept (x INTEGER);',
      '0002_broken.sql': 'CREATE TABLE lost (x INTEGER); INSERT INTO nowhere VALUES (1);',
    });
    const place = await engine.place();
    await expect(engine.open(place, { migrationsDir: dir })).rejects.toThrow(/0002_broken\.sql/);
    const db = await engine.open(place, { migrationsDir: migrationsFolder({ '0001_ok.sql': 'SELECT 1;' }) });
    expect(await version(db)).toBe(1);
    await expect(db.get('SELECT x FROM lost')).rejects.toThrow(/lost/);
  });
});

describe('the PostgreSQL dialect of a migration', () => {
  it('widens integers, turns an autoincrement key into an identity column and drops STRICT', () => {
    expect(
      postgresDialect('CREATE TABLE t (\n  id INTEGER PRIMARY KEY AUTOINCREMENT,\n  at INTEGER NOT NULL\n) STRICT;'),
    ).toBe('CREATE TABLE t (\n  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  at BIGINT NOT NULL\n);');
  });
});

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, StorageError } from '../../src/storage/db.ts';
import { tempFolders } from './temp.ts';

const newFolder = tempFolders();

function migrationsFolder(files: Record<string, string>): string {
  const dir = join(newFolder(), 'migrations');
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql);
  return dir;
}

describe('openDatabase', () => {
  it('creates the folder and the core tables, with the pragmas set on the connection', () => {
    const path = join(newFolder(), 'nested', 'deeper', 'assistant.sqlite');
    const db = openDatabase(path);
    expect(existsSync(path)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual(
      expect.arrayContaining(['cache', 'directors', 'memory', 'memory_context', 'portal_connections', 'proposals']),
    );
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('applies migrations in numeric order, each once, and again only the new ones on reopen', () => {
    const dir = migrationsFolder({
      '0002_second.sql': "INSERT INTO steps (name) VALUES ('second');",
      '0001_first.sql':
        "CREATE TABLE steps (n INTEGER PRIMARY KEY, name TEXT); INSERT INTO steps (name) VALUES ('first');",
      '0010_tenth.sql': "INSERT INTO steps (name) VALUES ('tenth');",
      'README.md': 'not a migration',
    });
    const path = join(newFolder(), 'a.sqlite');
    const steps = (db: BetterSqlite3.Database) =>
      db
        .prepare<[], { name: string }>('SELECT name FROM steps ORDER BY n')
        .all()
        .map((row) => row.name);

    const first = openDatabase(path, { migrationsDir: dir });
    expect(steps(first)).toEqual(['first', 'second', 'tenth']);
    expect(first.pragma('user_version', { simple: true })).toBe(10);
    first.close();

    const again = openDatabase(path, { migrationsDir: dir });
    expect(steps(again)).toEqual(['first', 'second', 'tenth']);
    again.close();

    writeFileSync(join(dir, '0011_more.sql'), "INSERT INTO steps (name) VALUES ('eleventh');");
    const upgraded = openDatabase(path, { migrationsDir: dir });
    expect(steps(upgraded)).toEqual(['first', 'second', 'tenth', 'eleventh']);
    expect(upgraded.pragma('user_version', { simple: true })).toBe(11);
    upgraded.close();
  });

  it('rolls a failing migration back together with its version bump', () => {
    const dir = migrationsFolder({
      '0001_ok.sql': 'CREATE TABLE kept (x INTEGER);',
      '0002_broken.sql': 'CREATE TABLE lost (x INTEGER); INSERT INTO nowhere VALUES (1);',
    });
    const path = join(newFolder(), 'b.sqlite');
    expect(() => openDatabase(path, { migrationsDir: dir })).toThrow(/0002_broken\.sql/);
    const raw = new BetterSqlite3(path);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    const lost = raw.prepare("SELECT name FROM sqlite_master WHERE name = 'lost'").get();
    expect(lost).toBeUndefined();
    raw.close();
  });

  it('refuses a database made by a newer version of the program', () => {
    const path = join(newFolder(), 'newer.sqlite');
    openDatabase(path).close();
    const raw = new BetterSqlite3(path);
    raw.pragma('user_version = 9999');
    raw.close();
    let refusal: unknown;
    try {
      openDatabase(path);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as Error).message).toMatch(/schema version 9999, newer than this program knows/);
  });
});

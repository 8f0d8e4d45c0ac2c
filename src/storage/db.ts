// One SQLite file for the assistant's own state, its schema in numbered SQL migrations.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { shipped } from '../package-root.ts';

export type Database = BetterSqlite3.Database;

export class StorageError extends Error {
  override name = 'StorageError';
}

// Shipped with the package, not the working folder: `npm start` may run from anywhere.
const defaultMigrationsDir = shipped('migrations');

interface Migration {
  version: number;
  file: string;
}

function migrationsIn(dir: string): Migration[] {
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir)) {
    const match = /^(\d{4})_[\w-]+\.sql$/.exec(file);
    if (!match) continue;
    migrations.push({ version: Number(match[1]), file: join(dir, file) });
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]?.version === migrations[i - 1]?.version) {
      throw new StorageError(`Two migrations share the number ${migrations[i]?.version} in ${dir}.`);
    }
  }
  return migrations;
}

/**
 * Opens (creating if needed) the database and brings its schema up to date.
 * `migrationsDir` exists for tests; the product always uses the migrations shipped beside the code.
 */
export function openDatabase(path: string, options: { migrationsDir?: string } = {}): Database {
  const migrations = migrationsIn(options.migrationsDir ?? defaultMigrationsDir);
  mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    // Pragmas outside any transaction: `foreign_keys` inside one is silently ignored.
    db.pragma('journal_mode = WAL');
    // WAL does not always imply NORMAL; set it explicitly.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations, path);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database, migrations: Migration[], path: string): void {
  const newest = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > newest) {
    throw new StorageError(
      `The database ${path} has schema version ${current}, newer than this program knows (${newest}). ` +
        'Run the newer version of the assistant, or point DATABASE_PATH at another file.',
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const sql = readFileSync(migration.file, 'utf8');
    // DDL is transactional in SQLite: the schema change and its version bump land together or not at all.
    // IMMEDIATE takes the write lock first, so two processes starting at once do not both apply it.
    try {
      db.transaction(() => {
        const seen = db.pragma('user_version', { simple: true }) as number;
        if (seen >= migration.version) return;
        db.exec(sql);
        db.pragma(`user_version = ${migration.version}`);
      }).immediate();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new StorageError(`Migration ${basename(migration.file)} failed: ${reason}`);
    }
  }
}

/** Health check: throws unless the database answers a trivial query. */
export function ping(db: Database): void {
  db.prepare('SELECT 1').get();
}

// The assistant's own state: one SQLite file by default, its schema in numbered SQL migrations. Every
// repository talks to it through `Database`, whose calls return promises, so a shared server can stand in.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';

export class StorageError extends Error {
  override name = 'StorageError';
}

/** A value bound to a `?` placeholder. Times are epoch milliseconds, switches 0/1. */
export type Param = string | number | null;

export interface Queries {
  /** Every row. Placeholders are `?`, bound in order. */
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, if any (also what an UPDATE … RETURNING gave back). */
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
}

export interface Database extends Queries {
  readonly engine: 'sqlite';
  /** Runs `work` as one transaction that takes the write lock first; inside it, use only `tx`. */
  transaction<T>(work: (tx: Queries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Beside the code, not the working folder: `npm start` may run from anywhere.
const defaultMigrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

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

export interface OpenOptions {
  /** For tests; the product always uses the migrations shipped beside the code. */
  migrationsDir?: string;
}

/** Opens (creating if needed) the database and brings its schema up to date. */
export async function openDatabase(path: string, options: OpenOptions = {}): Promise<Database> {
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
    return sqliteDatabase(db, resolve(path));
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: BetterSqlite3.Database, migrations: Migration[], path: string): void {
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

/**
 * While one connection of this process holds a file's write lock across an `await`, every other statement on
 * that file in this process waits here. Blocking instead (SQLite's busy wait) would stall the one thread that
 * could finish the transaction.
 */
const transactionOnFile = new Map<string, Promise<void>>();

function sqliteDatabase(db: BetterSqlite3.Database, file: string): Database {
  const statements = new Map<string, BetterSqlite3.Statement<Param[]>>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare<Param[]>(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const direct: Queries = {
    all: async <T>(sql: string, params: readonly Param[] = []) => statement(sql).all(...params) as T[],
    get: async <T>(sql: string, params: readonly Param[] = []) => statement(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly Param[] = []) => statement(sql).run(...params).changes,
  };
  const waiting =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      // Checked again after each wait, with no await between the check and the statement.
      for (let held = transactionOnFile.get(file); held; held = transactionOnFile.get(file)) await held;
      return call(...args);
    };

  return {
    engine: 'sqlite',
    all: waiting(direct.all) as Queries['all'],
    get: waiting(direct.get) as Queries['get'],
    run: waiting(direct.run),
    async transaction(work) {
      for (let held = transactionOnFile.get(file); held; held = transactionOnFile.get(file)) await held;
      let release = () => {};
      transactionOnFile.set(file, new Promise<void>((done) => (release = done)));
      try {
        // IMMEDIATE: two processes at once serialize on the write lock instead of failing on upgrade.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        transactionOnFile.delete(file);
        release();
      }
    },
    async close() {
      db.close();
    },
  };
}

/** Health check: rejects unless the database answers a trivial query. */
export async function ping(db: Database): Promise<void> {
  await db.get('SELECT 1');
}

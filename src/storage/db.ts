// The assistant's own state: one SQLite file, or a PostgreSQL database several instances share (DATABASE_URL), with
// numbered SQL migrations. Repositories talk to it through `Database`'s promises: one set serves both engines.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type pg from 'pg';
import { shipped } from '../package-root.ts';
import { preparedOnce } from './prepared-statements.ts';

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

export type Engine = 'sqlite' | 'postgres';

/** Runs `work` as one transaction that takes the write lock first; inside it, use only `tx`. */
export type Transaction = <T>(work: (tx: Queries) => Promise<T>) => Promise<T>;

export interface Database extends Queries {
  readonly engine: Engine;
  transaction: Transaction;
  /**
   * The same statements for state whose newest lines a power cut may take (conversation memory): committed without
   * waiting for the disk. Claims and tokens stay on the durable default, which waits for it on every commit.
   */
  readonly lossy: Queries & { transaction: Transaction };
  close(): Promise<void>;
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

export interface OpenOptions {
  /** For tests; the product always uses the migrations shipped beside the code. */
  migrationsDir?: string;
  /** PostgreSQL: how long a new connection and one statement may take (tests of a hung server shorten them). */
  timeouts?: DatabaseTimeouts;
}

export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
}

/**
 * A hung PostgreSQL must not hang every handler and the health check with it: a connection that is not made in
 * 5 s and a statement that has not answered in 15 s fail, and the caller says so in one line.
 */
export const DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 15_000 };

export const isPostgresAddress = (where: string): boolean => /^postgres(ql)?:\/\//i.test(where);

/**
 * Opens the database and brings its schema up to date: `where` is a SQLite file (created if needed) or a
 * `postgres://` address.
 */
export async function openDatabase(where: string, options: OpenOptions = {}): Promise<Database> {
  const dir = options.migrationsDir ?? defaultMigrationsDir;
  const migrations = migrationsIn(dir);
  if (isPostgresAddress(where)) return openPostgres(where, migrations, dir, options.timeouts ?? DATABASE_TIMEOUTS);
  const path = where;
  // Owner-only: the file holds sealed portal addresses, conversations and pending writes.
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  const db = new BetterSqlite3(path);
  try {
    // Pragmas outside any transaction: `foreign_keys` inside one is silently ignored.
    db.pragma('journal_mode = WAL');
    // FULL (set, as WAL does not imply it): a claimed proposal or digest slot survives a power cut; `lossy` steps down.
    db.pragma(`synchronous = ${DURABLE}`);
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

const DURABLE = 'FULL';
// WAL with NORMAL: the commit is safe from a crash of the program, and reaches the disk at the next checkpoint or
// the next durable commit, without an fsync of its own (three of those a reply made every answer wait for the disk).
const LOSSY = 'NORMAL';

function sqliteDatabase(db: BetterSqlite3.Database, file: string): Database {
  const statement = preparedOnce(db);
  // Set twice for every lossy statement: prepared once, not parsed again each time (as `db.pragma` would).
  const synchronous = (level: string) => statement(`PRAGMA synchronous = ${level}`).run();
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
  const transactionAt =
    (level: string): Transaction =>
    async (work) => {
      for (let held = transactionOnFile.get(file); held; held = transactionOnFile.get(file)) await held;
      let release = () => {};
      transactionOnFile.set(file, new Promise<void>((done) => (release = done)));
      // The level holds until the commit: no other statement of this process runs on the file until then.
      if (level !== DURABLE) synchronous(level);
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
        if (level !== DURABLE) synchronous(DURABLE);
        transactionOnFile.delete(file);
        release();
      }
    };
  // No await between setting the level and setting it back, so no other statement commits at the lower one.
  const lossyStatement =
    <R>(call: (prepared: BetterSqlite3.Statement<Param[]>, params: readonly Param[]) => R) =>
    async (sql: string, params: readonly Param[] = []): Promise<R> => {
      for (let held = transactionOnFile.get(file); held; held = transactionOnFile.get(file)) await held;
      // The level is the connection's: set back even if the statement fails.
      synchronous(LOSSY);
      try {
        return call(statement(sql), params);
      } finally {
        synchronous(DURABLE);
      }
    };

  return {
    engine: 'sqlite',
    all: waiting(direct.all) as Queries['all'],
    get: waiting(direct.get) as Queries['get'],
    run: waiting(direct.run),
    transaction: transactionAt(DURABLE),
    lossy: {
      // A read commits nothing: no level to step down to.
      all: waiting(direct.all) as Queries['all'],
      get: waiting(direct.get) as Queries['get'],
      run: lossyStatement((prepared, params) => prepared.run(...params).changes),
      transaction: transactionAt(LOSSY),
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

// ─── PostgreSQL ─────────────────────────────────────────────────────────────

// Any fixed number will do; it only has to be the same for every instance of the assistant.
const MIGRATION_LOCK = 1_724_017;

/**
 * The SQLite migrations, spoken in PostgreSQL: epoch-millisecond and id columns are 64-bit, an AUTOINCREMENT
 * key is an identity column, STRICT has no counterpart. A migration that needs more than this has its own
 * file of the same name in `migrations/postgres/`, which is used instead.
 */
export function postgresDialect(sql: string): string {
  return sql
    .replace(/\bINTEGER\s+PRIMARY\s+KEY\s+AUTOINCREMENT\b/gi, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/gi, 'BIGINT')
    .replace(/\bREAL\b/gi, 'DOUBLE PRECISION')
    .replace(/\bBLOB\b/gi, 'BYTEA')
    .replace(/\)\s*STRICT\s*;/gi, ');');
}

function postgresSqlOf(migration: Migration, dir: string): string {
  const own = join(dir, 'postgres', basename(migration.file));
  return existsSync(own) ? readFileSync(own, 'utf8') : postgresDialect(readFileSync(migration.file, 'utf8'));
}

/** `?` placeholders become `$1, $2, …`; text inside quotes is left alone. */
const numbered = new Map<string, string>();
function numberedPlaceholders(sql: string): string {
  let done = numbered.get(sql);
  if (done !== undefined) return done;
  let n = 0;
  done = sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\?/g, (match) => (match === '?' ? `$${++n}` : match));
  numbered.set(sql, done);
  return done;
}

// 64-bit integers (times in ms, ids, counts) come back as numbers: every value we store fits in 2^53.
const typesOf = (types: typeof pg.types) => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
});

/** What a timed-out connection or statement becomes: one line that says the database did not answer. */
export class DatabaseTimeout extends StorageError {
  override name = 'DatabaseTimeout';
}

const TIMED_OUT = /timeout|timed out|canceling statement due to statement timeout/i;

function plainTimeout(error: unknown, timeouts: DatabaseTimeouts): never {
  const reason = error instanceof Error ? error.message : String(error);
  if (TIMED_OUT.test(reason) || (error as { code?: unknown })?.code === '57014') {
    throw new DatabaseTimeout(
      `The database did not answer in time (a connection waits ${timeouts.connectMs / 1000} s, a statement ${timeouts.statementMs / 1000} s).`,
    );
  }
  throw error;
}

function queriesOf(client: pg.Pool | pg.PoolClient, timeouts: DatabaseTimeouts): Queries {
  const query = <T>(sql: string, params: readonly Param[] = []) =>
    client
      .query<T & pg.QueryResultRow>(numberedPlaceholders(sql), params as Param[])
      .catch((error: unknown) => plainTimeout(error, timeouts));
  return {
    all: async <T>(sql: string, params?: readonly Param[]) => (await query<T>(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly Param[]) => (await query<T>(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly Param[]) => (await query(sql, params)).rowCount ?? 0,
  };
}

async function openPostgres(
  address: string,
  migrations: Migration[],
  dir: string,
  timeouts: DatabaseTimeouts,
): Promise<Database> {
  // The PostgreSQL driver loads only when DATABASE_URL asks for it.
  const { default: driver } = await import('pg');
  const pool = new driver.Pool({
    connectionString: address,
    types: typesOf(driver.types),
    max: 10,
    connectionTimeoutMillis: timeouts.connectMs,
    // The server cancels a statement past its time; the client gives up a little later, when the server itself is
    // the one that hangs. A transaction left idle is ended too, so it cannot hold its locks for ever.
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
    idle_in_transaction_session_timeout: timeouts.statementMs * 2,
  });
  // An idle connection the server dropped must not take the process with it; the next query reconnects.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, migrations, dir).catch((error: unknown) => plainTimeout(error, timeouts));
  } catch (error) {
    await pool.end();
    throw error;
  }
  const transaction: Transaction = async (work) => {
    const client = await pool.connect().catch((error: unknown) => plainTimeout(error, timeouts));
    try {
      await client.query('BEGIN');
      const result = await work(queriesOf(client, timeouts));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  const queries = queriesOf(pool, timeouts);
  return {
    engine: 'postgres',
    ...queries,
    transaction,
    // Every commit waits for the server's disk here: a commit costs a round trip to the server either way.
    lossy: { ...queries, transaction },
    close: () => pool.end(),
  };
}

/** Two instances starting together: the advisory lock lets one migrate while the other waits, then finds it done. */
async function migratePostgres(pool: pg.Pool, migrations: Migration[], dir: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const row = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
      const current = row.rows[0]?.version ?? 0;
      const newest = migrations.at(-1)?.version ?? 0;
      if (current > newest) {
        throw new StorageError(
          `The database has schema version ${current}, newer than this program knows (${newest}). ` +
            'Run the newer version of the assistant, or point DATABASE_URL at another database.',
        );
      }
      for (const migration of migrations) {
        if (migration.version <= current) continue;
        // DDL is transactional in PostgreSQL too: the change and its version row land together or not at all.
        try {
          await client.query('BEGIN');
          await client.query(postgresSqlOf(migration, dir));
          await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          const reason = error instanceof Error ? error.message : String(error);
          throw new StorageError(`Migration ${basename(migration.file)} failed: ${reason}`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

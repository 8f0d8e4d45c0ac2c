// The storage suite runs on every engine the product supports: SQLite always, PostgreSQL when
// TEST_DATABASE_URL names a server (CI starts one). Each test gets its own empty place and its
// connections closed afterwards.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';
import { type Database, type OpenOptions, openDatabase } from '../../src/storage/db.ts';
import { tempFolders } from './temp.ts';

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty place (a file path or a database address): opening it twice is a restart or a second instance. */
  place(): Promise<string>;
  /** Opens `place` (a fresh one when omitted); closed after the test. */
  open(place?: string, options?: OpenOptions): Promise<Database>;
}

export function storageEngines(): Engine[] {
  const folder = tempFolders();
  const opened: Database[] = [];
  // Registered after the folders' hook, so it runs before it: files are closed before they are removed.
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });
  const withOpen = (name: Engine['name'], place: () => Promise<string>): Engine => ({
    name,
    place,
    async open(where, options) {
      const db = await openDatabase(where ?? (await place()), options);
      opened.push(db);
      return db;
    },
  });
  const engines = [withOpen('sqlite', async () => join(folder(), 'assistant.sqlite'))];
  const server = process.env.TEST_DATABASE_URL;
  if (server) engines.push(withOpen('postgres', postgresPlaces(server)));
  return engines;
}

/** Each place is a schema of its own on the test server, dropped after the test. */
function postgresPlaces(server: string): () => Promise<string> {
  const admin = new pg.Pool({ connectionString: server, max: 2 });
  const made: string[] = [];
  afterEach(async () => {
    for (const schema of made.splice(0)) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });
  afterAll(() => admin.end());
  return async () => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    made.push(schema);
    return placeInSchema(server, schema);
  };
}

/** The server's address with every connection's search path set to `schema`. */
export function placeInSchema(server: string, schema: string): string {
  const url = new URL(server);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

// The storage suite runs on every engine the product supports: SQLite always, PostgreSQL when
// TEST_DATABASE_URL names a server (CI starts one). Each test gets its own empty place and its
// connections closed afterwards.
import { join } from 'node:path';
import { afterEach } from 'vitest';
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
  return [withOpen('sqlite', async () => join(folder(), 'assistant.sqlite'))];
}

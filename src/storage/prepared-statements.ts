// SQLite statements kept prepared: a statement is parsed once per connection, not at each call.
import type BetterSqlite3 from 'better-sqlite3';
import type { Param } from './db.ts';

/** Each statement prepared once per connection. */
export function preparedOnce(db: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement<Param[]> {
  const statements = new Map<string, BetterSqlite3.Statement<Param[]>>();
  return (sql) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare<Param[]>(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
}

// Portal connections by label, their webhook address (a password) sealed at rest and bound to its row.
import type { Database } from './db.ts';
import type { SecretBox } from './secret-box.ts';

export interface ConnectionRepository {
  /** Stores (or replaces) the address under `label`; returns the row id. */
  save(label: string, webhookUrl: string): number;
  /** The address, opened; throws SecretBoxError when it was sealed under another key or tampered with. */
  get(label: string): string | undefined;
}

const bindingOf = (id: number): string => `portal_connections:${id}`;

export function createConnectionRepository(db: Database, box: SecretBox): ConnectionRepository {
  // The binding needs the row id, so a new row is first written with an empty seal inside the same transaction.
  const reserve = db.prepare<[string, number], { id: number }>(
    `INSERT INTO portal_connections (label, webhook_sealed, created_at) VALUES (?, '', ?)
     ON CONFLICT (label) DO UPDATE SET label = excluded.label
     RETURNING id`,
  );
  const seal = db.prepare<[string, number]>('UPDATE portal_connections SET webhook_sealed = ? WHERE id = ?');
  const select = db.prepare<[string], { id: number; webhook_sealed: string }>(
    'SELECT id, webhook_sealed FROM portal_connections WHERE label = ?',
  );

  const save = db.transaction((label: string, webhookUrl: string): number => {
    const row = reserve.get(label, Date.now());
    if (!row) throw new Error('portal_connections: insert returned no row');
    seal.run(box.seal(webhookUrl, bindingOf(row.id)), row.id);
    return row.id;
  });

  return {
    save,
    get(label) {
      const row = select.get(label);
      return row && box.open(row.webhook_sealed, bindingOf(row.id));
    },
  };
}

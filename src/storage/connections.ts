// Portal connections by label, their webhook address (a password) sealed at rest and bound to its row.
import type { Database } from './db.ts';
import type { SecretBox } from './secret-box.ts';

export interface ConnectionRepository {
  /** Stores (or replaces) the address under `label`; returns the row id. */
  save(label: string, webhookUrl: string): Promise<number>;
  /** The address, opened; rejects with SecretBoxError when it was sealed under another key or tampered with. */
  get(label: string): Promise<string | undefined>;
}

const bindingOf = (id: number): string => `portal_connections:${id}`;

export function createConnectionRepository(db: Database, box: SecretBox): ConnectionRepository {
  return {
    // The binding needs the row id, so a new row is first written with an empty seal inside the same transaction.
    save: (label, webhookUrl) =>
      db.transaction(async (tx) => {
        const row = await tx.get<{ id: number }>(
          `INSERT INTO portal_connections (label, webhook_sealed, created_at) VALUES (?, '', ?)
           ON CONFLICT (label) DO UPDATE SET label = excluded.label
           RETURNING id`,
          [label, Date.now()],
        );
        if (!row) throw new Error('portal_connections: insert returned no row');
        await tx.run('UPDATE portal_connections SET webhook_sealed = ? WHERE id = ?', [
          box.seal(webhookUrl, bindingOf(row.id)),
          row.id,
        ]);
        return row.id;
      }),
    async get(label) {
      const row = await db.get<{ id: number; webhook_sealed: string }>(
        'SELECT id, webhook_sealed FROM portal_connections WHERE label = ?',
        [label],
      );
      return row && box.open(row.webhook_sealed, bindingOf(row.id));
    },
  };
}

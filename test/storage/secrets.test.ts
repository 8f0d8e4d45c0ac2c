import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createConnectionRepository } from '../../src/storage/connections.ts';
import { createSecretBox, SecretBoxError } from '../../src/storage/secret-box.ts';
import { storageEngines } from './engines.ts';

const webhook = 'https://romashka.bitrix24.ru/rest/1/k3y5ecr3tvalue42/';
const passphrase = 'correct horse battery staple';

describe('secret box', () => {
  const box = createSecretBox(passphrase);

  it('opens what it sealed, in the same place, and never shows the plain text', () => {
    const sealed = box.seal(webhook, 'portal_connections:1');
    expect(sealed).not.toContain('k3y5ecr3tvalue42');
    expect(box.open(sealed, 'portal_connections:1')).toBe(webhook);
    // A fresh IV each time: the same text never seals the same way twice.
    expect(box.seal(webhook, 'portal_connections:1')).not.toBe(sealed);
  });

  it('refuses a value moved to another row', () => {
    const sealed = box.seal(webhook, 'portal_connections:1');
    expect(() => box.open(sealed, 'portal_connections:2')).toThrow(SecretBoxError);
  });

  it('refuses a tampered value, a shortened tag and garbage', () => {
    const sealed = box.seal(webhook, 'portal_connections:1');
    const [format, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open([format, iv, tag, flipped.toString('base64url')].join('.'), 'portal_connections:1')).toThrow(
      SecretBoxError,
    );
    const shortTag = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => box.open([format, iv, shortTag, body].join('.'), 'portal_connections:1')).toThrow(SecretBoxError);
    expect(() => box.open('not sealed at all', 'portal_connections:1')).toThrow(SecretBoxError);
  });

  it('refuses to open under another key, and the error does not carry the secret', () => {
    const sealed = box.seal(webhook, 'portal_connections:1');
    let failure: unknown;
    try {
      createSecretBox('another passphrase entirely').open(sealed, 'portal_connections:1');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SecretBoxError);
    expect(String((failure as Error).message)).not.toContain('k3y5ecr3tvalue42');
  });

  it('takes raw keys as 64 hex or 44 base64 characters, and refuses short passphrases', () => {
    const raw = randomBytes(32);
    const sealed = createSecretBox(raw.toString('hex')).seal('x', 'a');
    expect(createSecretBox(raw.toString('base64')).open(sealed, 'a')).toBe('x');
    expect(() => createSecretBox('short')).toThrow(/at least 16 characters/);
  });
});

describe.each(storageEngines())('portal connections on $name', (engine) => {
  it('stores the address sealed, bound to its row, and reads it back after a restart', async () => {
    const place = await engine.place();
    const db = await engine.open(place);
    const connections = createConnectionRepository(db, createSecretBox(passphrase));
    const id = await connections.save('main', webhook);
    const stored = await db.get<{ webhook_sealed: string }>('SELECT webhook_sealed FROM portal_connections');
    expect(stored?.webhook_sealed).not.toContain('k3y5ecr3tvalue42');
    expect(stored?.webhook_sealed).not.toContain('romashka');

    const reopened = createConnectionRepository(await engine.open(place), createSecretBox(passphrase));
    expect(await reopened.get('main')).toBe(webhook);
    expect(await reopened.get('other')).toBeUndefined();
    // Replacing keeps the row.
    expect(await reopened.save('main', 'https://romashka.bitrix24.ru/rest/1/n3wsecret/')).toBe(id);
    expect(await reopened.get('main')).toBe('https://romashka.bitrix24.ru/rest/1/n3wsecret/');
  });

  it('refuses a sealed address copied into another row, or read with another key', async () => {
    const db = await engine.open();
    const connections = createConnectionRepository(db, createSecretBox(passphrase));
    await connections.save('main', webhook);
    await connections.save('branch', 'https://branch.bitrix24.ru/rest/3/other/');
    await db.run(
      "UPDATE portal_connections SET webhook_sealed = (SELECT webhook_sealed FROM portal_connections WHERE label = 'main') WHERE label = 'branch'",
    );
    expect(await connections.get('main')).toBe(webhook);
    await expect(connections.get('branch')).rejects.toThrow(SecretBoxError);
    await expect(createConnectionRepository(db, createSecretBox('a different long key')).get('main')).rejects.toThrow(
      SecretBoxError,
    );
  });
});

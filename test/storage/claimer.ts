// Worker thread for the race test: its own connection to the database, released by a shared start signal.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../src/storage/db.ts';
import { createProposalRepository } from '../../src/storage/proposal-repository.ts';

const { place, id, telegramUserId, now, start } = workerData as {
  place: string;
  id: string;
  telegramUserId: number;
  now: number;
  start: SharedArrayBuffer;
};
const db = await openDatabase(place);
const proposals = createProposalRepository(db);
const signal = new Int32Array(start);
Atomics.add(signal, 1, 1);
Atomics.wait(signal, 0, 0);
parentPort?.postMessage(await proposals.claim(id, telegramUserId, new Date(now)));
await db.close();

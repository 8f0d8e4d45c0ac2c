// Worker thread for the race test: its own connection to the file, released by a shared start signal.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../src/storage/db.ts';
import { createProposalRepository } from '../../src/storage/proposals.ts';

const { path, id, telegramUserId, now, start } = workerData as {
  path: string;
  id: string;
  telegramUserId: number;
  now: number;
  start: SharedArrayBuffer;
};
const proposals = createProposalRepository(openDatabase(path));
const signal = new Int32Array(start);
Atomics.add(signal, 1, 1);
Atomics.wait(signal, 0, 0);
parentPort?.postMessage(proposals.claim(id, telegramUserId, new Date(now)));

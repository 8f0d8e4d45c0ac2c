// Stopping: a crash nobody caught still ends in the clean shutdown, a hung part cannot hold it past its
// deadline, and stopping the digests waits for the tick under way.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { exitCodeOf, stopInOrder, watchForStop } from '../src/shutdown.ts';
import { digestHarness, MOSCOW } from './digests/harness.ts';

const recordingLogger = () => {
  const lines: string[] = [];
  return { lines, logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }) };
};

describe('watchForStop', () => {
  it('an unhandled rejection stops the assistant with a non-zero exit and one log line', async () => {
    const events = new EventEmitter();
    const { lines, logger } = recordingLogger();
    const watch = watchForStop(logger, events as unknown as NodeJS.Process);
    events.emit('unhandledRejection', new Error('boom'));
    const reason = await watch.stopped;
    expect(exitCodeOf(reason)).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"level":"error".*"the assistant failed and stops"/);
  });

  it('SIGTERM stops it with exit code 0', async () => {
    const events = new EventEmitter();
    const watch = watchForStop(recordingLogger().logger, events as unknown as NodeJS.Process);
    events.emit('SIGTERM', 'SIGTERM');
    expect(exitCodeOf(await watch.stopped)).toBe(0);
  });
});

describe('stopInOrder', () => {
  it('a part that hangs is left behind at the deadline and the database is still closed', async () => {
    const done: string[] = [];
    const { lines, logger } = recordingLogger();
    await stopInOrder(
      [
        { name: 'digests', run: () => new Promise(() => {}) },
        { name: 'database', run: () => void done.push('database') },
      ],
      100,
      logger,
    );
    expect(done).toEqual(['database']);
    expect(lines.join('\n')).toContain('"step":"digests"');
  });
});

const harness = digestHarness();

describe('stopping the digests', () => {
  it('waits for the tick under way: the briefing being built is still sent', async () => {
    const h = await harness('2026-11-25T05:00:00Z', [MOSCOW]);
    await h.turnOn(MOSCOW, 'morningBriefing');
    h.clock.set('2026-11-25T06:00:20Z');
    let release = () => {};
    const building = new Promise<void>((resolve) => {
      release = resolve;
    });
    let asked = false;
    const dispatcher = await h.dispatcher({
      content: async () => {
        asked = true;
        await building;
        return [{ html: 'брифинг' }];
      },
    });
    const running = dispatcher.start();
    while (!asked) await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(h.deliveries.map((delivery) => delivery.html)).toEqual(['брифинг']);
  });
});

// An answer reads the conversation memory once and writes it once at the end, whatever its steps remember in
// between («ещё», «открой вторую» and the picture buttons still find what the answer remembered).
import { describe, expect, it } from 'vitest';
import type { MemoryRepository } from '../../src/storage/memory.ts';
import { createConversations } from '../../src/understanding/conversation.ts';

function countingMemory() {
  let stored: string | undefined;
  const counts = { reads: 0, writes: 0 };
  const memory: MemoryRepository = {
    remember: async () => {},
    recent: async () => [],
    getContext: async () => {
      counts.reads += 1;
      return stored;
    },
    setContext: async (_, json) => {
      counts.writes += 1;
      stored = json;
    },
  };
  return { memory, counts, stored: () => (stored === undefined ? undefined : JSON.parse(stored)) };
}

const DIRECTOR = 111;
const tasks = { kind: 'view' as const, request: { scenario: 'myTasks' as const } };
const shown = [{ kind: 'task' as const, id: 7, title: 'Позвонить в Ромашку' }];

describe('the conversation memory during one answer', () => {
  it('is read once and written once, and each step sees what the earlier ones remembered', async () => {
    const { memory, counts, stored } = countingMemory();
    const conversations = createConversations(memory);
    await conversations.remember(DIRECTOR, { previous: tasks });
    counts.reads = 0;
    counts.writes = 0;
    const seen = await conversations.during(DIRECTOR, async () => {
      const before = await conversations.read(DIRECTOR);
      await conversations.remember(DIRECTOR, { shown });
      await conversations.remember(DIRECTOR, { pending: undefined });
      return { before, after: await conversations.read(DIRECTOR) };
    });
    expect(seen.before.previous).toEqual(tasks);
    expect(seen.after.shown).toEqual(shown);
    expect(counts).toEqual({ reads: 1, writes: 1 });
    // The next answer finds both the earlier part and the new one.
    expect(await conversations.read(DIRECTOR)).toMatchObject({ previous: tasks, shown });
    expect(stored()).toEqual({ previous: tasks, shown });
  });

  it('keeps what was remembered before the answer failed', async () => {
    const { memory, counts } = countingMemory();
    const conversations = createConversations(memory);
    const failed = conversations.during(DIRECTOR, async () => {
      await conversations.remember(DIRECTOR, { shown });
      throw new Error('the portal did not answer');
    });
    await expect(failed).rejects.toThrow('the portal did not answer');
    expect(counts.writes).toBe(1);
    expect((await conversations.read(DIRECTOR)).shown).toEqual(shown);
  });

  it('writes nothing when the answer remembers nothing', async () => {
    const { memory, counts } = countingMemory();
    const conversations = createConversations(memory);
    await conversations.during(DIRECTOR, async () => conversations.read(DIRECTOR));
    expect(counts).toEqual({ reads: 1, writes: 0 });
  });

  it('reads what another instance wrote since, not what this one wrote last', async () => {
    const { memory } = countingMemory();
    const here = createConversations(memory);
    const there = createConversations(memory);
    await here.during(DIRECTOR, () => here.remember(DIRECTOR, { shown }));
    const other = [{ kind: 'deal' as const, id: 9, title: 'Поставка для Альфы' }];
    await there.during(DIRECTOR, () => there.remember(DIRECTOR, { shown: other }));
    const seen = await here.during(DIRECTOR, async () => (await here.read(DIRECTOR)).shown);
    expect(seen).toEqual(other);
  });

  it('checks a part written in a shape the catalogue refuses, and forgets it', async () => {
    const { memory } = countingMemory();
    const conversations = createConversations(memory);
    await conversations.during(DIRECTOR, () => conversations.remember(DIRECTOR, { shown }));
    await memory.setContext(DIRECTOR, JSON.stringify({ shown: [{ kind: 'task', id: 'seven' }] }));
    const seen = await conversations.during(DIRECTOR, async () => (await conversations.read(DIRECTOR)).shown);
    expect(seen).toBeUndefined();
  });

  it('reads a kept text that is not an object as nothing kept', async () => {
    const { memory } = countingMemory();
    const conversations = createConversations(memory);
    for (const json of ['not json', '"a string"', 'null']) {
      await memory.setContext(DIRECTOR, json);
      expect(await conversations.during(DIRECTOR, () => conversations.read(DIRECTOR))).toEqual({});
    }
  });
});

// The one catalogue of reads and writes: the button codec and the model's tools are made from it, so every entry
// rides on a button within Telegram's 64 bytes, and a field added to it reaches both without another edit.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SCENARIO_ENTRIES } from '../../src/scenarios/registry.ts';
import { buttonCodecOf, decodeAction, encodeAction } from '../../src/telegram/callback-data.ts';
import { toolDefinitionsOf } from '../../src/understanding/model/tools.ts';
import type { Action } from '../../src/vocabulary/actions.ts';
import {
  type ButtonForm,
  buttonFormOf,
  field,
  READS,
  scenarioRequestSchema,
  WRITES,
  writeRequestSchema,
} from '../../src/vocabulary/catalogue.ts';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

// A short value of each button form (text with the separator and the escape sign in it); a blank field is not carried and comes back as ''.
const SAMPLES: Record<ButtonForm, unknown> = {
  int: 42,
  num: 1500.5,
  ints: [2, 3],
  date: '2026-11-27',
  time: '14:30',
  instant: '2026-11-27T18:00:00+03:00',
  text: 'Ив: 5%',
  entity: 'deal',
  blank: '',
};

/** An entry with every field it carries on a button filled in. */
function filled(schema: z.ZodObject, discriminator: string, name: string): Record<string, unknown> {
  const value: Record<string, unknown> = { [discriminator]: name };
  for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const form = buttonFormOf(fieldSchema);
    if (form) value[key] = SAMPLES[form];
  }
  return value;
}

describe('the catalogue on buttons', () => {
  const reads = Object.entries(READS)
    .filter(([name]) => name !== 'query')
    .map(([name, schema]) => [name, filled(schema, 'scenario', name)] as const);
  const writes = Object.entries(WRITES).map(([name, schema]) => [name, filled(schema, 'type', name)] as const);

  it.each(reads)('the view %s round-trips within 64 bytes, as a view and as a picture', (_, request) => {
    expect(scenarioRequestSchema.safeParse(request).success).toBe(true);
    for (const action of [
      { kind: 'show', request, inPlace: true },
      { kind: 'chart', request },
    ] as Action[]) {
      const data = encodeAction(action);
      expect(bytes(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(action);
    }
  });

  it.each(writes)('the write %s round-trips within 64 bytes', (_, write) => {
    expect(writeRequestSchema.safeParse(write).success).toBe(true);
    const action = { kind: 'propose', write } as Action;
    const data = encodeAction(action);
    expect(bytes(data)).toBeLessThanOrEqual(64);
    expect(decodeAction(data)).toEqual(action);
  });
});

describe('a field added to the catalogue', () => {
  // A manager filter on the weekly report, added in one place only.
  const scenarios = SCENARIO_ENTRIES.map((entry) =>
    entry.name === 'weeklyReport'
      ? { ...entry, request: READS.weeklyReport.extend({ managerId: field.id().optional() }) }
      : entry,
  );

  it('rides on the button and comes back', () => {
    const codec = buttonCodecOf({ scenarios, writes: WRITES });
    const action = { kind: 'show', request: { scenario: 'weeklyReport', weeksAgo: 1, managerId: 7 } } as Action;
    const data = codec.encodeAction(action);
    expect(data).toBe('s:w:1:7');
    expect(codec.decodeAction(data)).toEqual(action);
    // The codec of the catalogue as it is knows nothing of it.
    expect(decodeAction(data)).toBeUndefined();
  });

  it('is offered to the model in the tool schema', () => {
    const weekly = toolDefinitionsOf(scenarios).find((tool) => tool.function.name === 'weeklyReport');
    expect(weekly?.function.parameters).toMatchObject({
      type: 'object',
      properties: { weeksAgo: { type: 'integer' }, managerId: { type: 'integer' } },
    });
  });

  it('in a write rides on the propose button too', () => {
    const writes = { ...WRITES, deleteDeal: WRITES.deleteDeal.extend({ reason: field.text().optional() }) };
    const codec = buttonCodecOf({ scenarios: SCENARIO_ENTRIES, writes });
    const action = { kind: 'propose', write: { type: 'deleteDeal', dealId: 5, title: '', reason: 'дубль' } } as Action;
    expect(codec.decodeAction(codec.encodeAction(action))).toEqual(action);
  });
});

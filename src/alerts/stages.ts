// The stages of each pipeline a changed deal is in: their order (to tell a deal moved back), their names (to say
// where it went) and which of them are late (a hot deal). Read once an hour per portal, and only the pipelines
// of the deals at hand: `crm.status.list` by `ENTITY_ID` (`DEAL_STAGE`, `DEAL_STAGE_<pipeline>`), all in one batch.
import type { PortalClient } from '../portal/port.ts';

export interface Stage {
  id: string;
  name: string;
  sort: number;
  /** `P` in progress, `S` won, `F` lost. */
  semantic: 'P' | 'S' | 'F';
  /** In the later half of the pipeline's open stages: a deal there is hot. */
  late: boolean;
}

const FRESH_MS = 60 * 60_000;

const entityOf = (pipeline: number) => (pipeline === 0 ? 'DEAL_STAGE' : `DEAL_STAGE_${pipeline}`);

/** A pipeline's stages from its `crm.status.list` rows. */
function stagesOf(rows: unknown): Stage[] {
  const list = (Array.isArray(rows) ? rows : []) as Record<string, unknown>[];
  const stages = list
    .map((row) => ({
      id: String(row.STATUS_ID ?? ''),
      name: String(row.NAME ?? ''),
      sort: Number(row.SORT ?? 0),
      semantic: (row.SEMANTICS === 'S' || row.SEMANTICS === 'F' ? row.SEMANTICS : 'P') as Stage['semantic'],
      late: false,
    }))
    .sort((a, b) => a.sort - b.sort);
  const open = stages.filter((stage) => stage.semantic === 'P');
  for (const [index, stage] of open.entries()) stage.late = index >= Math.floor(open.length / 2);
  return stages;
}

export function createStageBook(now: () => Date) {
  /** `portal:pipeline` → its stages, and when they were read. */
  const known = new Map<string, { at: number; stages: Map<string, Stage> }>();
  return {
    /** Every stage of these pipelines, by stage id; pipelines read less than an hour ago are not asked for. */
    async stagesFor(
      portalKey: string,
      reader: PortalClient,
      pipelines: readonly number[],
    ): Promise<Map<string, Stage>> {
      const at = now().getTime();
      const stale = [...new Set(pipelines)].filter(
        (pipeline) => at - (known.get(`${portalKey}:${pipeline}`)?.at ?? Number.NEGATIVE_INFINITY) >= FRESH_MS,
      );
      if (stale.length > 0) {
        const reply = await reader.batch(
          Object.fromEntries(
            stale.map((pipeline) => [
              `stages_${pipeline}`,
              { method: 'crm.status.list', params: { filter: { ENTITY_ID: entityOf(pipeline) } } },
            ]),
          ),
        );
        for (const pipeline of stale) {
          const stages = stagesOf(reply.results[`stages_${pipeline}`]);
          known.set(`${portalKey}:${pipeline}`, { at, stages: new Map(stages.map((stage) => [stage.id, stage])) });
        }
      }
      const all = new Map<string, Stage>();
      for (const pipeline of pipelines) {
        for (const [id, stage] of known.get(`${portalKey}:${pipeline}`)?.stages ?? []) all.set(id, stage);
      }
      return all;
    },
  };
}

export type StageBook = ReturnType<typeof createStageBook>;

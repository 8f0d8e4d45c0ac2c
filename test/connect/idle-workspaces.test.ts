// Directors' own workspaces are kept while used and let go after half an hour idle, as the operator sees in
// /metrics (assistant_connected_workspaces); a director coming back finds everything working as before.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { IDLE_WORKSPACE_MS } from '../../src/access/workspace-keeper.ts';
import { registry } from '../../src/ops/metrics.ts';
import { type ConnectStand, DIRECTOR, OTHER_DIRECTOR, startConnectStand } from './harness.ts';

let stand: ConnectStand;
beforeAll(async () => {
  stand = await startConnectStand();
  await stand.connect(DIRECTOR, stand.first, 1);
  await stand.connect(OTHER_DIRECTOR, stand.second, 1);
}, 60_000);
afterAll(() => stand?.close());

const kept = async () => {
  const text = await registry.getSingleMetricAsString('assistant_connected_workspaces');
  return Number(/^assistant_connected_workspaces (\d+)$/m.exec(text)?.[1]);
};
const answer = async (user: typeof DIRECTOR, text: string) =>
  (await stand.say(user, text)).map((message) => message.plain).join('\n');

it('lets an idle director’s workspace go, and builds it again when they come back', async () => {
  await answer(DIRECTOR, 'покажи сделки');
  await answer(OTHER_DIRECTOR, 'покажи сделки');
  expect(await kept()).toBe(2);
  stand.clock.now = new Date(stand.clock.now.getTime() + IDLE_WORKSPACE_MS + 60_000);
  expect(await answer(DIRECTOR, 'покажи сделки')).toMatch(/сделк/i);
  expect(await kept()).toBe(1);
  expect(await answer(OTHER_DIRECTOR, 'show deals')).toMatch(/deal/i);
  expect(await kept()).toBe(2);
});

// One scenario, one place: the registry holds every scenario whole, and a new one added through the registry
// alone is run, shown, put on a button, offered to the model and announced while it works, with no other edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ScenarioEntry, ViewKind } from '../../src/scenarios/entry.ts';
import { parseItems, userSchema } from '../../src/scenarios/portal-data.ts';
import {
  createRegistry,
  REGISTRY,
  registryProblems,
  renderedViews,
  SCENARIO_ENTRIES,
} from '../../src/scenarios/registry.ts';
import { buttonCodecOf } from '../../src/telegram/callback-data.ts';
import { toolDefinitionsOf } from '../../src/understanding/model/tools.ts';
import type { Action } from '../../src/vocabulary/actions.ts';
import { READS, WRITES } from '../../src/vocabulary/catalogue.ts';
import type { ViewModel } from '../../src/vocabulary/view-models.ts';
import { plain, type Stand, startStand } from './demo.ts';

// The compiler keeps this list whole: a view kind added to the view models and missing here fails the type check.
const EVERY_VIEW: Record<ViewKind, true> = {
  schedule: true,
  tasks: true,
  deals: true,
  dealCard: true,
  briefing: true,
  weeklyReport: true,
  teamStatus: true,
  choice: true,
  notFound: true,
  dossier: true,
  meetingPrep: true,
  dayResults: true,
  pipeline: true,
  contacts: true,
  leadCard: true,
  overdueAlert: true,
  newLeads: true,
  query: true,
  absence: true,
  withNone: true,
  comparison: true,
  queryChoice: true,
  queryNotFound: true,
  planForecast: true,
  dealsAtRisk: true,
  plans: true,
  planWho: true,
};

describe('the registry of scenarios', () => {
  it('has one entry for each request of the catalogue, with that request', () => {
    expect(SCENARIO_ENTRIES.map((entry) => entry.name).sort()).toEqual(Object.keys(READS).sort());
    for (const entry of SCENARIO_ENTRIES) expect(entry.request).toBe(READS[entry.name]);
    expect(registryProblems(SCENARIO_ENTRIES)).toEqual([]);
  });

  it('renders every view a scenario can return', () => {
    expect(renderedViews(REGISTRY).sort()).toEqual(Object.keys(EVERY_VIEW).sort());
  });

  it('refuses an entry that lacks or repeats a part, saying which', () => {
    const [first, second] = SCENARIO_ENTRIES as [ScenarioEntry, ScenarioEntry];
    const broken: ScenarioEntry[] = [
      { ...first, status: { ru: '', en: 'Checking…' } },
      { ...second, code: first.code },
      { ...second, name: 'deals', request: READS.schedule } as ScenarioEntry,
      { ...first, name: 'myTasks', request: READS.myTasks, underDashboard: ['pipeline'] } as ScenarioEntry,
    ];
    expect(registryProblems(broken)).toEqual([
      `the button code ${first.code} is used 3 times`,
      'the view schedule is used 2 times',
      'the view meetingPrep is used 2 times',
      `the scenario ${first.name}: status words in both languages`,
      'the scenario deals: its request is not its own',
      'the scenario myTasks: the dashboard continues a view it does not render',
    ]);
    expect(() => createRegistry(broken)).toThrow(/not whole/);
  });
});

// A scenario a newcomer adds: «сколько у нас сотрудников», the active employees counted. Its request, run, view,
// status words, tool text and button code live in this one entry; nothing else in the product is edited.
const staffRequest = z.object({ scenario: z.literal('staffCount') });
type StaffView = { view: 'staffCount'; at: ViewModel['at']; names: string[] };
const STAFF_COUNT = {
  name: 'staffCount',
  request: staffRequest,
  async run(context: Parameters<ScenarioEntry['run']>[0]) {
    const reply = await context.portal.call('user.get', { FILTER: { ACTIVE: true } });
    const names = parseItems(userSchema, reply.result).map((user) => `${user.NAME ?? ''} ${user.LAST_NAME ?? ''}`);
    return { view: 'staffCount', at: context.at, names } as unknown as ViewModel;
  },
  views: {
    staffCount: (view: StaffView, language: 'ru' | 'en') => ({
      lines: [language === 'ru' ? `👥 Сотрудников: ${view.names.length}` : `👥 Employees: ${view.names.length}`],
    }),
  } as unknown as ScenarioEntry['views'],
  status: { ru: 'Считаю сотрудников…', en: 'Counting the staff…' },
  code: 'sf',
  tool: 'Сколько сотрудников в компании',
} as unknown as ScenarioEntry;

describe('a scenario added through the registry alone', () => {
  const entries = [...SCENARIO_ENTRIES, STAFF_COUNT];
  const registry = createRegistry(entries);
  let stand: Stand;
  beforeAll(async () => {
    stand = await startStand(undefined, registry);
  });
  afterAll(() => stand.close());

  it('runs against the portal and reads as its view says', async () => {
    const request = { scenario: 'staffCount' } as never;
    const view = await stand.scenarios.run(stand.director(), request);
    const active = stand.demo.data.users.filter((user) => user.ACTIVE !== false).length;
    expect(plain(registry.renderView(view!, 'ru')[0]!.html)).toBe(`👥 Сотрудников: ${active}`);
    expect(registry.statusFor('staffCount' as never, 'ru')).toBe('Считаю сотрудников…');
  });

  it('rides on a button with its own code and comes back', () => {
    const codec = buttonCodecOf({ scenarios: entries, writes: WRITES });
    const action = { kind: 'show', request: { scenario: 'staffCount' } } as unknown as Action;
    expect(codec.encodeAction(action)).toBe('s:sf');
    expect(codec.decodeAction('s:sf')).toEqual(action);
  });

  it('is offered to the model as a tool with its text', () => {
    const tool = toolDefinitionsOf(entries).find((one) => one.function.name === 'staffCount');
    expect(tool?.function.description).toBe('Сколько сотрудников в компании');
  });
});

import type { TeamMember, ViewModel, WorkDay } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import type { Department } from '../names.ts';
import { parseItems, personName, taskSchema, timemanSchema } from '../portal-data.ts';
import { departmentsNamed } from '../questions/query-department.ts';
import { type Read, readTogether } from '../reads.ts';
import { dayWindow, type Window } from '../schedule/day-window.ts';
import { isOverdueTask, openTaskFilter, overdueTaskFilter } from '../tasks/open-tasks.ts';

/** The departments under the given ones, themselves included. */
export function withSubdepartments(roots: number[], departments: Department[]): Set<number> {
  const found = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const department of departments) {
      if (department.parentId !== undefined && found.has(department.parentId) && !found.has(department.id)) {
        found.add(department.id);
        grew = true;
      }
    }
  }
  return found;
}

/** The work-day status of one person; `today` is the director's day, for a day closed before it began. */
export function workDayOf(status: unknown, today: Window): WorkDay {
  const parsed = timemanSchema.safeParse(status);
  if (!parsed.success) return 'unknown';
  const started = (parsed.data as { TIME_START?: unknown }).TIME_START;
  // Asked only of a closed day: the other statuses say enough. An instant against the day's bounds, once per team.
  const startedToday = () => {
    const at = typeof started === 'string' ? Date.parse(started) : Number.NaN;
    return at >= today.start.toMillis() && at < today.end.toMillis();
  };
  switch (parsed.data.STATUS) {
    case 'OPENED':
      return 'working';
    case 'PAUSED':
      return 'paused';
    case 'EXPIRED':
      return 'leftOpen';
    case 'CLOSED':
      return startedToday() ? 'finished' : 'notStarted';
    default:
      return 'unknown';
  }
}

/**
 * The director's people: the departments the director heads with everything under them (the whole company
 * when the director heads the top one), or else the director's own departments. Per person: open and
 * overdue task counts (from one page of each person's open tasks) and the work-day status, all in one batch.
 */
export async function teamStatus(context: ScenarioContext, department?: string): Promise<ViewModel> {
  const { names, director, now, at } = context;
  const [departments, profiles] = await Promise.all([names.departments(), names.profiles()]);
  const me = director.portalUserId;
  const named = department ? departmentsNamed(department, departments) : undefined;
  if (department && named?.length === 0)
    return {
      view: 'teamStatus',
      at,
      scope: '',
      members: [],
      missing: department,
      departments: departments.map((one) => one.name),
    };
  const headed = named?.map((one) => one.id) ?? departments.filter((one) => one.headId === me).map((one) => one.id);
  const own = profiles.find((profile) => profile.ID === me)?.UF_DEPARTMENT ?? [];
  const roots = headed.length > 0 ? headed : own;
  const scopeIds = withSubdepartments(roots, departments);
  const headsTop =
    !named && departments.some((department) => scopeIds.has(department.id) && department.parentId === undefined);
  const members = profiles
    .filter((profile) => profile.ID !== me && (profile.UF_DEPARTMENT ?? []).some((id) => scopeIds.has(id)))
    .sort((a, b) => personName(a).localeCompare(personName(b), 'ru'));

  const reads: Record<string, Read> = {};
  for (const member of members) {
    // One page of open tasks gives both counts: the total, and the overdue ones among its deadlines.
    reads[`open${member.ID}`] = {
      method: 'tasks.task.list',
      params: { filter: { ...openTaskFilter, RESPONSIBLE_ID: member.ID }, select: ['ID', 'DEADLINE', 'STATUS'] },
    };
    reads[`day${member.ID}`] = { method: 'timeman.status', params: { USER_ID: member.ID }, optional: true };
  }
  const results = await readTogether(context, reads);
  // Someone with more open tasks than a page holds: count the overdue ones by the portal's total.
  const busy = members.filter((member) => {
    const open = results[`open${member.ID}`];
    return open !== undefined && open.total > open.items.length;
  });
  const overdueTotals = await readTogether(
    context,
    Object.fromEntries(
      busy.map((member) => [
        `overdue${member.ID}`,
        { method: 'tasks.task.list', params: { filter: overdueTaskFilter(member.ID, now), select: ['ID'] } },
      ]),
    ) as Record<string, Read>,
  );
  const today = dayWindow(at.today, director.timeZone);
  const team: TeamMember[] = members.map((member) => {
    const open = results[`open${member.ID}`];
    const overdue =
      overdueTotals[`overdue${member.ID}`]?.total ??
      parseItems(taskSchema, open?.items).filter((task) => isOverdueTask(task, now)).length;
    return {
      person: { id: member.ID, name: personName(member), position: member.WORK_POSITION },
      activeTasks: open?.total ?? 0,
      overdueTasks: overdue,
      workDay: workDayOf(results[`day${member.ID}`]?.result, today),
    };
  });
  const scope = headsTop
    ? ''
    : departments
        .filter((one) => roots.includes(one.id))
        .map((one) => one.name)
        .join(', ');
  return { view: 'teamStatus', at, scope, members: team };
}

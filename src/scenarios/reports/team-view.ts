import { hintLine, listLines, opens, type Page, portalText, sections } from '../../views/lines.ts';
import { DEPARTMENT_HINT, noDepartment } from '../../views/messages-abilities.ts';
import {
  AT_WORK,
  NO_OPEN_TASKS_NOW,
  NOBODY_IN_DEPARTMENT,
  NOBODY_IN_DEPARTMENT_HINT,
  peopleWithOverdueTasks,
  TEAM_HINT,
  tasksOpen,
  WORK_DAYS,
} from '../../views/messages-reports.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { TeamMember, ViewModel } from '../../vocabulary/view-models.ts';

function memberLine(member: TeamMember, language: Language, links: RecordLinks | undefined): string {
  const day = WORK_DAYS[member.workDay];
  const who = `${portalText(member.person.name)}${member.person.position ? `, ${portalText(member.person.position)}` : ''}`;
  const tasks =
    member.activeTasks > 0
      ? tasksOpen(count(member.activeTasks, 'task', language), language)
      : NO_OPEN_TASKS_NOW[language];
  const overdue =
    member.overdueTasks > 0 ? `, ⚠️ ${say(language, 'просрочено', 'overdue')}: ${member.overdueTasks}` : '';
  const status = day[language] ? ` · ${day[language]}` : '';
  return `${day.icon} ${who} — ${tasks}${overdue}${status}${opens(links, 'person', member.person.id)}`;
}

export function renderTeamStatus(view: Extract<ViewModel, { view: 'teamStatus' }>, language: Language): Page {
  if (view.missing !== undefined) {
    const known = (view.departments ?? []).map((name) => portalText(name)).join(', ');
    return {
      lines: sections(noDepartment(portalText(view.missing), known)[language], hintLine(DEPARTMENT_HINT[language])),
    };
  }
  const header = `👥 ${view.scope ? portalText(view.scope) : say(language, 'Команда', 'Team')}`;
  if (view.members.length === 0) {
    return {
      lines: sections(header, NOBODY_IN_DEPARTMENT[language], hintLine(NOBODY_IN_DEPARTMENT_HINT[language])),
    };
  }
  const withOverdue = view.members.filter((member) => member.overdueTasks > 0).length;
  const working = view.members.filter((member) => member.workDay === 'working').length;
  const tracked = view.members.some((member) => member.workDay !== 'unknown');
  return {
    lines: sections(
      `${header}: ${count(view.members.length, 'person', language)}${tracked ? `, ${AT_WORK[language]}: ${working}` : ''}`,
      withOverdue > 0
        ? `⚠️ ${peopleWithOverdueTasks(count(withOverdue, 'personOf', language), count(withOverdue, 'person', language), language)}`
        : undefined,
      listLines(
        [...view.members].sort((a, b) => b.overdueTasks - a.overdueTasks),
        (member) => memberLine(member, language, view.links),
        'person',
        language,
        40,
      ),
      hintLine(TEAM_HINT[language]),
    ),
  };
}

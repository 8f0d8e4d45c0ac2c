import { hintLine, listLines, opens, type Page, portalText, sections } from '../../views/lines.ts';
import { DEPARTMENT_HINT, noDepartment } from '../../views/messages-abilities.ts';
import { count, say } from '../../views/words.ts';
import type { Language } from '../../vocabulary/director.ts';
import type { RecordLinks } from '../../vocabulary/record-links.ts';
import type { TeamMember, ViewModel, WorkDay } from '../../vocabulary/view-models.ts';

const workDays: Record<WorkDay, { icon: string; ru: string; en: string }> = {
  working: { icon: '🟢', ru: 'на работе', en: 'working' },
  paused: { icon: '⏸', ru: 'перерыв', en: 'on a break' },
  finished: { icon: '⚪️', ru: 'день завершён', en: 'day finished' },
  notStarted: { icon: '⚪️', ru: 'день не начат', en: 'not started' },
  leftOpen: { icon: '🟠', ru: 'день не закрыт', en: 'day left open' },
  unknown: { icon: '▫️', ru: '', en: '' },
};

function memberLine(member: TeamMember, language: Language, links: RecordLinks | undefined): string {
  const day = workDays[member.workDay];
  const who = `${portalText(member.person.name)}${member.person.position ? `, ${portalText(member.person.position)}` : ''}`;
  const tasks = say(
    language,
    member.activeTasks > 0 ? `${count(member.activeTasks, 'task', language)} в работе` : 'нет задач в работе',
    member.activeTasks > 0 ? `${count(member.activeTasks, 'task', language)} open` : 'no open tasks',
  );
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
      lines: sections(
        header,
        say(language, 'В отделе пока никого нет.', 'Nobody in the department yet.'),
        hintLine(say(language, 'Могу показать ваши задачи или сделки.', 'I can show your tasks or deals.')),
      ),
    };
  }
  const withOverdue = view.members.filter((member) => member.overdueTasks > 0).length;
  const working = view.members.filter((member) => member.workDay === 'working').length;
  const tracked = view.members.some((member) => member.workDay !== 'unknown');
  return {
    lines: sections(
      `${header}: ${count(view.members.length, 'person', language)}${tracked ? `, ${say(language, 'на работе', 'working')}: ${working}` : ''}`,
      withOverdue > 0
        ? `⚠️ ${say(language, `Просроченные задачи у ${count(withOverdue, 'personOf', language)}`, `${count(withOverdue, 'person', language)} with overdue tasks`)}`
        : undefined,
      listLines(
        [...view.members].sort((a, b) => b.overdueTasks - a.overdueTasks),
        (member) => memberLine(member, language, view.links),
        'person',
        language,
        40,
      ),
      hintLine(say(language, 'Могу поставить задачу любому сотруднику.', 'I can assign a task to anyone on the team.')),
    ),
  };
}

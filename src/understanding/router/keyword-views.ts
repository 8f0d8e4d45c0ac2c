// The views one keyword picks («воронка», «мои задачи», «итоги недели»), and the word test the views are read with.

import { letters } from '../../letters.ts';
import type { LocalDate, ScenarioRequest } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { holdsOne, type Needed, neededWords } from './literals.ts';

export const E = '(?![\\p{L}\\p{N}])';
const B = '(?<![\\p{L}\\p{N}])';
// The patterns below are written inline where they are used; each is compiled once, on its first message, with
// the plain words it cannot match without (a pattern none of whose words the text holds is not run).
const compiled = new Map<string, { re: RegExp; needed: Needed | undefined }>();
export const has = (light: string, pattern: string) => {
  let known = compiled.get(pattern);
  if (!known) {
    known = { re: letters(new RegExp(`${B}(?:${pattern})`, 'u')), needed: neededWords(pattern) };
    compiled.set(pattern, known);
  }
  return holdsOne(light, known.needed) && known.re.test(light);
};

export const view = (request: ScenarioRequest): Intent => ({ kind: 'view', request });

/** «итоги недели», «итоги дня»: a report asked by name, with any other words in the message. */
export function reportView(light: string, date: LocalDate): Intent | undefined {
  if (
    has(
      light,
      `итог\\p{L}*\\s+(?:эт\\p{L}*\\s+|(?:поза)?прошл\\p{L}*\\s+)?недел|(?:еже)?недельн\\p{L}*\\s+отчет|отчет\\p{L}*\\s+(?:за\\s+)?(?:(?:поза)?прошл\\p{L}*\\s+)?недел|отчет\\p{L}*\\s+(?:за|по)\\s+недел|за\\s+неделю|что\\s+(?:сделано|успели)\\s+за\\s+неделю|weekly\\s+(?:report|summary)|week\\s+(?:summary|results|in\\s+review)|(?:results|summary)\\s+(?:of|for)\\s+the\\s+week|how\\s+was\\s+(?:the|my|this)\\s+week`,
    )
  )
    return view({ scenario: 'weeklyReport', ...weeksAgoOf(light) });

  if (
    has(
      light,
      `итог\\p{L}*\\s+(?:\\p{L}+\\s+)?дня|итог\\p{L}*\\s+за\\s+(?:день|сегодня|вчера)|отчет\\p{L}*\\s+за\\s+(?:день|сегодня|вчера)|дневн\\p{L}*\\s+отчет|результат\\p{L}*\\s+(?:\\p{L}+\\s+)?дня|что\\s+(?:я\\s+)?(?:сделал\\p{L}*|успел\\p{L}*)|что\\s+сделано|что\\s+я\\s+закрыл|day\\s+results|results\\s+of\\s+the\\s+day|end\\s+of\\s+(?:the\\s+)?day\\s+(?:summary|report)|what\\s+(?:did\\s+i|have\\s+i|i)\\s+(?:do|did|done|get\\s+done|finish\\p{L}*|accomplish\\p{L}*)`,
    ) &&
    !has(light, 'вечерн')
  )
    return view({ scenario: 'dayResults', date: date });
  return undefined;
}

/** A plain request (one keyword and a day at most) as the view it names; `day` is the day it names, if any. */
export function keywordView(light: string, day: LocalDate | undefined, today: LocalDate): Intent | undefined {
  if (has(light, `план\\p{L}*\\s+(?:на\\s+)?д(?:ня|ень)${E}|day\\s+plan|plan\\s+for\\s+(?:the\\s+)?day`) && !day)
    return view({ scenario: 'dayPlan' });
  if (has(light, `вечерн\\p{L}*\\s+(?:сводк|отчет|итог|обзор)|evening\\s+(?:summary|report)`))
    return view({ scenario: 'eveningSummary' });
  if (has(light, `лид(?:ы|а|у|ом|е|ов|ам|ами|ах)?(?![\\p{L}])|leads?${E}|заявк\\p{L}*`))
    return view({ scenario: 'newLeads' });
  if (
    has(
      light,
      `просрочк\\p{L}*|просрочен\\p{L}*\\s+(?!задач)|что\\s+просрочено|что\\s+горит|проблем\\p{L}*|overdue(?!\\s+tasks)|what'?s\\s+(?:on\\s+fire|late)|` +
        // «на что обратить внимание сегодня», «что требует внимания»: what is late or stuck.
        `на\\s+что\\s+(?:\\p{L}+\\s+){0,2}обратить\\s+внимание|что\\s+требует\\s+(?:моего\\s+)?внимания|what\\s+needs\\s+(?:my\\s+)?attention`,
    )
  )
    return view({ scenario: 'overdueAlert' });

  if (
    has(
      light,
      `команд\\p{L}*|отдел\\p{L}*|сотрудник\\p{L}*|подчинен\\p{L}*|коллег\\p{L}*|персонал|ребят\\p{L}*|team|staff|employees|department|my\\s+people|кто\\s+(?:сейчас\\s+|сегодня\\s+)?(?:на\\s+работе|на\\s+месте|работает|вышел\\p{L}*|пришел\\p{L}*)|who(?:'s|\\s+is)\\s+(?:at\\s+work|in\\s+today|working)`,
    )
  )
    return view({ scenario: 'teamStatus' });

  if (has(light, `воронк\\p{L}*|продаж\\p{L}*|pipeline|funnel|sales`)) return view({ scenario: 'pipeline' });

  const tasks = has(light, `задач\\p{L}*|таск\\p{L}*|tasks?${E}|to-?dos?${E}|список\\s+дел|мои\\s+дела`);
  const deals = has(light, `сделк\\p{L}*|сделоч\\p{L}*|deals?${E}`);
  const meetings = has(
    light,
    `расписани\\p{L}*|календар\\p{L}*|встреч\\p{L}*|созвон\\p{L}*|совещани\\p{L}*|график\\p{L}*|запланирован\\p{L}*|занят\\p{L}*|свобод\\p{L}*|agenda|schedule|calendar|meetings?${E}|busy|free${E}`,
  );
  // «планы на завтра» are the day's schedule; «какой у нас план» is the sales plan, not shown here.
  const plans = day !== undefined && has(light, `планы?${E}`);
  const briefing = has(
    light,
    `брифинг\\p{L}*|обзор\\p{L}*|сводк\\p{L}*|что\\s+нового|главное|briefing|overview|summary|what'?s\\s+new|catch\\s+me\\s+up`,
  );
  const whatDoIHave = has(
    light,
    `(?:что|че|чо|шо)\\s+(?:у\\s+меня|у\\s+нас|сегодня|на\\s+сегодня|по\\s+плану|там|было|происходило)|what\\s+happened|what\\s+(?:do\\s+i\\s+have|have\\s+i\\s+got|is\\s+on|'?s\\s+on|'s\\s+up|is\\s+up)|what's\\s+(?:on|up)|how\\s+does\\s+\\p{L}+\\s+look|мой\\s+день|my\\s+day`,
  );

  if (deals && !tasks && !meetings) return view({ scenario: 'deals' });
  if (tasks && !meetings && !day) return view({ scenario: 'myTasks' });
  if (tasks && !meetings && day) return view({ scenario: 'schedule', date: day });
  if (meetings || plans) return view({ scenario: 'schedule', date: day ?? today });
  if (briefing || whatDoIHave)
    return day && day !== today ? view({ scenario: 'schedule', date: day }) : view({ scenario: 'briefing' });
  if (deals) return view({ scenario: 'deals' });
  return undefined;
}

/** «итоги прошлой недели»: 1, «позапрошлой»: 2, «last week»: 1; this week otherwise. */
function weeksAgoOf(light: string): { weeksAgo?: number } {
  if (has(light, `позапрошл\\p{L}*\\s+недел|week\\s+before\\s+last`)) return { weeksAgo: 2 };
  // «прошлой/прошлую неделю», not «как прошла неделя» (this week).
  if (has(light, `прошл(?:ой|ую|ая)\\s+недел(?!я\\s)|прошедш\\p{L}*\\s+недел|last\\s+week|previous\\s+week`))
    return { weeksAgo: 1 };
  return {};
}

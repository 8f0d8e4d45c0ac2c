// The demo company at work: its people win and lose deals, close the director's tasks, put meetings into the
// director's day, and leads arrive. Each move goes through the portal's own methods as that person, so it raises
// the same events a real portal would; the demo makes one move now and then, tests make the ones they need.
import { DateTime } from 'luxon';
import { DIRECTOR_ID } from './company/people.ts';
import { type DemoData, nextId, stagesOf } from './company.ts';
import { isoIn } from './dates.ts';
import type { PortalEvents } from './events.ts';
import type { Row } from './filters.ts';

interface MovingPortal {
  data: DemoData;
  events: PortalEvents;
  actAs(userId: number, method: string, params: Record<string, unknown>): unknown;
}

export interface CompanyMoves {
  /** A deal's manager moves it to its pipeline's won stage (the biggest open deal unless one is named). */
  dealWon(dealId?: number): number;
  dealLost(dealId: number, reason: string): number;
  leadArrives(title?: string): number;
  /** A lead is answered: a call its responsible made (the telephony logs it), or a comment in its timeline by `by`. */
  leadAnswered(leadId: number, how: 'call' | { commentBy: number }): void;
  /** A task the director set is completed by its responsible. */
  taskClosed(taskId?: number): number;
  /** A colleague invites the director to a meeting tomorrow at 11:00. */
  meetingAdded(): number;
  /** One move of the demo's round, in turn: a deal won first, so a new director sees an alert within minutes. */
  step(): void;
  /** Moves every `everyMs` until the returned stop is called. */
  start(everyMs: number): () => void;
}

/** Someone at work other than the director: who hosts a meeting, who takes a lead. */
const colleagueOf = (data: DemoData) =>
  Number(data.users.find((user) => user.ID !== String(DIRECTOR_ID) && user.ACTIVE === true)!.ID);
const openDeals = (data: DemoData) => data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');
const finalStage = (deal: Row, semantics: 'success' | 'failure') =>
  stagesOf(Number(deal.CATEGORY_ID)).find((stage) => stage.semantics === semantics)!.statusId;

export function createCompanyMoves(portal: MovingPortal, now: () => Date = () => new Date()): CompanyMoves {
  const { data } = portal;
  const managerOf = (record: Row, key: string) => Number(record[key] ?? DIRECTOR_ID);
  const colleague = () => colleagueOf(data);

  const close = (dealId: number, semantics: 'success' | 'failure', comments?: string) => {
    const deal = data.deals.find((candidate) => candidate.ID === String(dealId));
    if (!deal) throw new Error(`no deal ${dealId}`);
    const fields: Record<string, unknown> = { STAGE_ID: finalStage(deal, semantics) };
    if (comments !== undefined) fields.COMMENTS = comments;
    portal.actAs(managerOf(deal, 'ASSIGNED_BY_ID'), 'crm.deal.update', { id: dealId, fields });
    return dealId;
  };
  const moves: Omit<CompanyMoves, 'step' | 'start'> = {
    dealWon(dealId) {
      const biggest = [...openDeals(data)].sort((a, b) => Number(b.OPPORTUNITY) - Number(a.OPPORTUNITY))[0];
      return close(dealId ?? Number(biggest?.ID), 'success');
    },
    dealLost: (dealId, reason) => close(dealId, 'failure', reason),
    ...leadMoves(portal, now),
    taskClosed(taskId) {
      const task =
        taskId === undefined
          ? data.tasks.find(
              (t) =>
                t.createdBy === String(DIRECTOR_ID) && t.responsibleId !== String(DIRECTOR_ID) && Number(t.status) < 5,
            )
          : data.tasks.find((t) => t.id === String(taskId));
      if (!task) throw new Error('no task to close');
      portal.actAs(managerOf(task, 'responsibleId'), 'tasks.task.complete', { taskId: task.id });
      return Number(task.id);
    },
    meetingAdded() {
      const host = colleague();
      const tomorrow = DateTime.fromJSDate(now(), { zone: data.timeZone })
        .plus({ days: 1 })
        .set({ hour: 11, minute: 0, second: 0, millisecond: 0 });
      const format = (moment: DateTime) => moment.toFormat('yyyy-LL-dd HH:mm:ss');
      return Number(
        portal.actAs(host, 'calendar.event.add', {
          type: 'user',
          ownerId: host,
          name: 'Обсуждение поставки с «Ромашкой»',
          from: format(tomorrow),
          to: format(tomorrow.plus({ hours: 1 })),
          timezone_from: data.timeZone,
          timezone_to: data.timeZone,
          is_meeting: 'Y',
          attendees: [host, DIRECTOR_ID],
        }),
      );
    },
  };
  const round = [
    () => moves.dealWon(),
    () => moves.leadArrives(),
    () => moves.taskClosed(),
    () => moves.meetingAdded(),
  ];
  let turn = 0;
  const step = () => {
    try {
      round[turn++ % round.length]!();
    } catch {
      // Nothing left to move of that kind (every deal closed): the next turn moves something else.
    }
  };
  return {
    ...moves,
    step,
    start(everyMs) {
      const timer = setInterval(step, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/** Leads arrive through the web form, and their people answer them: by a call, or a comment in the timeline. */
function leadMoves(portal: MovingPortal, now: () => Date): Pick<CompanyMoves, 'leadArrives' | 'leadAnswered'> {
  const { data } = portal;
  const colleague = () => colleagueOf(data);
  return {
    leadArrives(title = 'Заявка с сайта: поставка оборудования') {
      const id = nextId(data, 'lead');
      const at = isoIn(now(), data.timeZone);
      const manager = colleague();
      data.leads.push({
        ID: String(id),
        TITLE: title,
        NAME: 'Олег',
        LAST_NAME: 'Ветров',
        STATUS_ID: 'NEW',
        STATUS_SEMANTIC_ID: 'P',
        SOURCE_ID: 'WEB',
        OPPORTUNITY: '250000.00',
        CURRENCY_ID: 'RUB',
        ASSIGNED_BY_ID: String(manager),
        CREATED_BY_ID: String(manager),
        MODIFY_BY_ID: String(manager),
        DATE_CREATE: at,
        DATE_MODIFY: at,
        OPENED: 'Y',
      });
      // The demo portal has no crm.lead.add: the web form adds the lead, and the portal raises the event.
      portal.events.raise('ONCRMLEADADD', String(id));
      return id;
    },
    leadAnswered(leadId, how) {
      const lead = data.leads.find((candidate) => candidate.ID === String(leadId));
      if (!lead) throw new Error(`no lead ${leadId}`);
      if (how !== 'call') {
        portal.actAs(how.commentBy, 'crm.timeline.comment.add', {
          fields: { ENTITY_TYPE: 'lead', ENTITY_ID: leadId, COMMENT: 'Перезвоню после обеда' },
        });
        return;
      }
      // The telephony logs the call as an activity; the lead itself is not changed.
      const at = isoIn(now(), data.timeZone);
      const responsible = String(lead.ASSIGNED_BY_ID);
      data.activities.push({
        ID: String(nextId(data, 'activity')),
        OWNER_TYPE_ID: '1',
        OWNER_ID: String(leadId),
        TYPE_ID: '2',
        PROVIDER_ID: 'VOXIMPLANT_CALL',
        PROVIDER_TYPE_ID: 'CALL',
        SUBJECT: 'Исходящий звонок',
        DESCRIPTION: '',
        START_TIME: at,
        END_TIME: at,
        DEADLINE: at,
        COMPLETED: 'Y',
        STATUS: '2',
        RESPONSIBLE_ID: responsible,
        AUTHOR_ID: responsible,
        EDITOR_ID: responsible,
        PRIORITY: '2',
        DIRECTION: '2',
        CREATED: at,
        LAST_UPDATED: at,
      });
    },
  };
}

// Follow-ups without a model: «а у Кузнецова?», «а в прошлом квартале?», «только проигранные» refine the last
// question asked (kept in the conversation memory, in the database), instead of starting a new one.
import type { Query } from '../../vocabulary/query.ts';
import type { ScenarioName } from '../../vocabulary/requests.ts';
import type { Intent } from '../understanding.ts';
import { parseQuery } from './query-reading.ts';
import { type Message, messageOf } from './text.ts';
import type { Clock } from './write-drafts.ts';

/** The ready-made views a follow-up can refine, as the questions they answer. */
const READY_AS_QUERY: Partial<Record<ScenarioName, Query>> = {
  deals: { subject: 'deals', status: 'open' },
  myTasks: { subject: 'tasks', person: 'me' },
  newLeads: { subject: 'leads', status: 'new' },
  overdueAlert: { subject: 'tasks', status: 'overdue' },
};

const SUBJECT_WORDS: Record<Query['subject'], string> = {
  tasks: 'задачи',
  deals: 'сделки',
  leads: 'лиды',
  meetings: 'встречи',
  contacts: 'контакты',
  companies: 'компании',
  calls: 'звонки',
  activities: 'активности',
};

// A follow-up is short: a longer message is a question of its own.
const MOST_WORDS = 6;

/** The last question with what this message changes in it; undefined when the message is no refinement. */
export function refinement(message: Message, previous: Intent | undefined, clock: Clock): Intent | undefined {
  if (previous?.kind !== 'view') return undefined;
  const { request } = previous;
  const before = request.scenario === 'query' ? request.query : READY_AS_QUERY[request.scenario];
  if (!before || message.light.split(/\s+/u).length > MOST_WORDS) return undefined;
  // The message read as if it named the last question's subject: only its qualifiers are new.
  const asked = parseQuery(messageOf(`${SUBJECT_WORDS[before.subject]} ${message.raw}`), clock);
  if (!asked || asked.unapplied.length > 0 || asked.doubtful > 0 || asked.query.subject !== before.subject)
    return undefined;
  const { subject: _, ...said } = asked.query;
  if (Object.keys(said).length === 0) return undefined;
  // «а по Кузнецовой?» after a person's question: the name after «по» is asked as a person first; the answer
  // looks it up in the portal's staff and takes it for a client only when nobody there is called so.
  if (said.client && before.person && !before.client) {
    said.person = said.client;
    delete said.client;
  }
  const kept: Query = { ...before };
  // Another person is asked about instead of the client, and the other way round.
  if (said.person) delete kept.client;
  if (said.client) delete kept.person;
  return { kind: 'view', request: { scenario: 'query', query: { ...kept, ...said } } };
}

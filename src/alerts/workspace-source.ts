// Whom alerts are for and through which portal: each director's seat (the company webhook or their own
// connection) and the workspace that reads with their rights, as the access rules say now.
import type { Identify } from '../access/identify.ts';
import type { Seats } from '../access/seats.ts';
import type { PortalClient } from '../portal/port.ts';
import type { Scenarios } from '../scenarios/index.ts';
import type { DirectorRepository } from '../storage/directors.ts';
import type { RecipientSource } from './recipients.ts';

export function recipientsOver(
  seats: Seats<{ portal: PortalClient; identify: Identify; scenarios: Scenarios }>,
  deps: Pick<RecipientSource, 'servedNow' | 'events' | 'handler' | 'now'> & { directors: DirectorRepository },
): RecipientSource {
  return {
    servedNow: deps.servedNow,
    async seatOf(telegramUserId) {
      const seat = await seats.seatOf(telegramUserId);
      if (seat.kind === 'connected') return { kind: 'connected', memberId: seat.connection.memberId };
      return seat.kind === 'webhook' ? { kind: 'webhook' } : { kind: 'none' };
    },
    async workspaceFor(telegramUserId) {
      const workspace = await seats.workspaceFor(telegramUserId);
      return workspace && { portal: workspace.portal, identify: workspace.identify, names: workspace.scenarios.names };
    },
    stored: (telegramUserId) => deps.directors.get(telegramUserId),
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.handler ? { handler: deps.handler } : {}),
    now: deps.now,
  };
}

// What fills a director's digest: its scenario (content.ts) read through the director's own workspace, so a
// digest shows what their portal rights show, and its buttons carry that portal's tag.
import type { Seats } from '../access/seats.ts';
import { connectionEnded } from '../portal/tokens.ts';
import { pictureReply } from '../scenarios/files/picture.ts';
import type { Scenarios } from '../scenarios/index.ts';
import { taggedWith } from '../views/reply.ts';
import { DIGEST_CONTENT } from './content.ts';
import type { DigestDispatcherDeps } from './dispatcher.ts';

export function digestContent(seats: Seats<{ scenarios: Scenarios; tag: string }>): DigestDispatcherDeps['content'] {
  return async (record, digest) => {
    const workspace = await seats.workspaceFor(record.telegramUserId);
    // Ended while this round began: the slot gets the one sentence asking to connect again.
    if (!workspace && (await seats.seatOf(record.telegramUserId)).kind === 'ended') throw connectionEnded();
    if (!workspace) return null;
    const { scenarios, tag } = workspace;
    // The weekly report comes with its picture: the money won week by week.
    if (digest === 'weeklyReport') {
      const picture = await scenarios.picture(record, DIGEST_CONTENT[digest]);
      if (!picture) return null;
      const text = scenarios.registry.renderView(picture.view, record.language);
      return taggedWith(
        tag,
        picture.chart ? [...text, pictureReply(picture.view, text, picture.chart, record.language)] : text,
      );
    }
    const view = await scenarios.run(record, DIGEST_CONTENT[digest]);
    return view ? taggedWith(tag, scenarios.registry.renderView(view, record.language)) : null;
  };
}

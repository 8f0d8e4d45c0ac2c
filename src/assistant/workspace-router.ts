// Several portals, one bot: each message and tap goes to the assistant of the sender's workspace (the company's
// webhook, or their own connection). A tap on a message of another portal (the director has switched since) acts
// on nothing: its numbers would name other records here.
import type { Seats } from '../access/seats.ts';
import type { DirectorRepository } from '../storage/directors.ts';
import { CONNECT_AGAIN, CONNECT_BUTTON, CONNECT_FIRST } from '../views/messages.ts';
import { OTHER_PORTAL_TAP } from '../views/messages-connect.ts';
import { type Reply, taggedWith } from '../views/reply.ts';
import type { AssistantPort } from './assistant-port.ts';

/** What serves one portal identity, as far as routing needs: its assistant and its portal's tag on buttons. */
export interface Served {
  assistant: AssistantPort;
  tag: string;
}

/** Without a workspace: one sentence (connect, or connect again) and, with an application, the button to do it. */
function noWorkspaceReplies(seats: Seats<Served>, directors: DirectorRepository, offerConnect: boolean) {
  return async (telegramUserId: number): Promise<Reply[]> => {
    const language = (await directors.get(telegramUserId))?.language ?? 'ru';
    const ended = (await seats.seatOf(telegramUserId)).kind === 'ended';
    const sentence = (ended ? CONNECT_AGAIN : CONNECT_FIRST)[language];
    if (!offerConnect) return [{ html: sentence }];
    return [{ html: sentence, buttons: [[{ text: CONNECT_BUTTON[language], action: { kind: 'connect' } }]] }];
  };
}

export function workspaceRouter(deps: {
  seats: Seats<Served>;
  directors: DirectorRepository;
  offerConnect: boolean;
}): AssistantPort {
  const { seats, directors } = deps;
  const noWorkspace = noWorkspaceReplies(seats, directors, deps.offerConnect);
  return {
    async handleText(conversation, text, handling) {
      const workspace = await seats.workspaceFor(conversation.telegramUserId);
      if (!workspace) return noWorkspace(conversation.telegramUserId);
      return taggedWith(workspace.tag, await workspace.assistant.handleText(conversation, text, handling));
    },
    async handleButton(conversation, tap, messageId) {
      const workspace = await seats.workspaceFor(conversation.telegramUserId);
      if (!workspace) return { replies: await noWorkspace(conversation.telegramUserId) };
      if (tap.portalTag !== undefined && tap.portalTag !== workspace.tag) {
        const language = (await directors.get(conversation.telegramUserId))?.language ?? 'ru';
        return { replies: [], notice: OTHER_PORTAL_TAP[language] };
      }
      const outcome = await workspace.assistant.handleButton(conversation, tap, messageId);
      return {
        ...outcome,
        ...(outcome.edit ? { edit: { ...outcome.edit, portalTag: workspace.tag } } : {}),
        replies: taggedWith(workspace.tag, outcome.replies),
      };
    },
  };
}

// What a channel (Telegram, the terminal demo) needs from the assistant: a message or a decoded tap in, what to show
// out. The channel owns its bytes: Telegram encodes buttons and splits messages; the assistant never sees either.
import type { ButtonOutcome, Reply } from '../views/reply.ts';
import type { Action } from '../vocabulary/actions.ts';
import type { Conversation } from '../vocabulary/director.ts';

/** A button tapped, decoded by the channel: its action (none when the button is not one of ours, or stale). */
export interface Tap {
  action: Action | undefined;
  /** The portal the tapped message came from, when the channel marks it (several portals, one chat). */
  portalTag?: string;
}

export interface AssistantPort {
  handleText(
    conversation: Conversation,
    text: string,
    options?: { onStatus?: (status: string) => void },
  ): Promise<Reply[]>;
  handleButton(conversation: Conversation, tap: Tap, messageId: number): Promise<ButtonOutcome>;
}

// What the bot needs from the rest of the product. The bot knows nothing of the portal or the model.
import type { Reply } from '../views/reply.ts';

export interface Conversation {
  telegramUserId: number;
  chatId: number;
}

export interface ButtonOutcome {
  /** The tapped message, edited to this (its buttons replaced by this reply's). */
  edit?: Reply;
  /** New messages after it. */
  replies: Reply[];
  /** A short pop-up answer to the tap. */
  notice?: string;
  /** The tapped message's buttons are no longer good (a withdrawn pick list): remove them. */
  clearButtons?: boolean;
}

export interface AssistantPort {
  handleText(
    conversation: Conversation,
    text: string,
    options?: { onStatus?: (status: string) => void },
  ): Promise<Reply[]>;
  handleButton(conversation: Conversation, data: string, messageId: number): Promise<ButtonOutcome>;
}

/** Who may use the bot: the Telegram users of ALLOWED_TELEGRAM_IDS. */
export interface AccessList {
  isAllowed(telegramUserId: number): boolean;
}

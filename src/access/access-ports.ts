// What the channel asks of access: who may use the bot, and connecting a director's own portal.
import type { Language } from '../vocabulary/director.ts';

/** A director connecting their own portal (the Bitrix24 application); present only when one is configured. */
export interface ConnectPort {
  /** Allowed now, or anyone when ALLOW_CONNECTED_PORTALS is on. */
  mayConnect(telegramUserId: number): boolean;
  /** The one-time address of the bot's connect page, opened in Telegram. */
  link(request: { telegramUserId: number; chatId: number; portal: string; language: Language }): Promise<string>;
  /** Forgets the director's own connection; the portal's name when there was one. */
  disconnect(telegramUserId: number): Promise<string | undefined>;
  /** How long a link works. */
  linkTtlMs: number;
  /** «Напишите адрес вашего Битрикс24» waiting for its answer: shared by every instance. */
  addressQuestion: {
    ask(telegramUserId: number, until: number): Promise<void>;
    isOpen(telegramUserId: number, now: number): Promise<boolean>;
    forget(telegramUserId: number): Promise<void>;
  };
}

/** Who may use the bot: the Telegram users of ALLOWED_TELEGRAM_IDS, and directors who connected their portal. */
export interface AccessList {
  isAllowed(telegramUserId: number): boolean | Promise<boolean>;
}

// Who a scenario works for: one director, one portal user, one time zone.

export type Language = 'ru' | 'en';

export interface Director {
  /** The portal user whose tasks, deals and calendar "my …" means. */
  portalUserId: number;
  /** IANA zone from the portal user's profile (or the portal's default when the profile has none). */
  timeZone: string;
  language: Language;
}

/** One director's chat: who writes, and where the answer goes. */
export interface Conversation {
  telegramUserId: number;
  chatId: number;
}

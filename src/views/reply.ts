// What the product sends: Telegram HTML plus optional buttons, and optionally a file (a chart picture or a
// spreadsheet) whose caption is the HTML. Channel-neutral: the Telegram bot and the terminal demo both show these.
import type { Action } from '../vocabulary/actions.ts';

export interface Button {
  text: string;
  action: Action;
}

/** A file sent with the message: a picture (PNG) or a document (.xlsx). */
export interface Attachment {
  kind: 'photo' | 'document';
  /** What the director sees as the file's name, e.g. «Сделки 2026-11-28.xlsx». */
  fileName: string;
  data: Uint8Array;
}

export interface Reply {
  /** Valid Telegram HTML, at most 4096 characters after entity parsing (1024 when it is a file's caption). */
  html: string;
  /** Rows of inline buttons (shown under this message). */
  buttons?: Button[][];
  /** Sent as a photo or a document with `html` as its caption. */
  attachment?: Attachment;
  /** The portal this message speaks of: its buttons carry it, and a tap is refused on another portal. */
  portalTag?: string;
  /** The dashboard's button under this answer (its label): Telegram shows it only when the dashboard is set up. */
  dashboardButton?: string;
}

/** Telegram's limits on files a bot sends. */
export const CAPTION_LIMIT = 1024;
export const PHOTO_BYTES_LIMIT = 10 * 1024 * 1024;
export const DOCUMENT_BYTES_LIMIT = 50 * 1024 * 1024;

/** What a tap shows. */
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

/** Replies of one portal's workspace: their buttons carry its portal's tag. */
export const taggedWith = (tag: string, replies: Reply[]): Reply[] =>
  replies.map((reply) => ({ ...reply, portalTag: tag }));

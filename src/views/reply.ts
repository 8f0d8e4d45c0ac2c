// What the product sends: Telegram HTML plus optional buttons. Channel-neutral: the Telegram bot and
// the terminal demo both show these.
import type { Action } from '../scenarios/actions.ts';

export interface Button {
  text: string;
  action: Action;
}

export interface Reply {
  /** Valid Telegram HTML, at most 4096 characters after entity parsing. */
  html: string;
  /** Rows of inline buttons (shown under this message). */
  buttons?: Button[][];
}

// Each button carries a short tag of the portal its message came from (`@Ab3:` in front of its own data), so a
// tap on a message from another portal (the director connected another one since) acts on nothing. Buttons sent
// before tags existed carry none and act on the director's current portal, as they always did: each of them is
// either bound to a stored proposal or list that a switch of portals withdraws, or it only reads and asks again.
import { createHash } from 'node:crypto';
import type { Tap } from '../assistant/assistant-port.ts';
import { CONNECT_DATA, decodeAction } from './callback-data.ts';

const TAGGED = /^@([A-Za-z0-9_-]{3}):/;

/** The tag of a portal, from what names it for good (its `member_id`, or the company webhook's address). */
export const workspaceTagOf = (portal: string): string =>
  createHash('sha256').update(portal).digest('base64url').slice(0, 3);

export const taggedData = (data: string, tag: string | undefined): string => (tag ? `@${tag}:${data}` : data);

/** A button's tag, when it has one, and its own data. */
export function untaggedData(data: string): { tag?: string; data: string } {
  const tagged = TAGGED.exec(data);
  return tagged ? { tag: tagged[1] as string, data: data.slice(tagged[0].length) } : { data };
}

/** A tap as the assistant takes it: the button's action and the portal its message came from. */
export function tapOf(data: string): Tap {
  const { tag, data: own } = untaggedData(data);
  return { action: decodeAction(own), ...(tag === undefined ? {} : { portalTag: tag }) };
}

/** The connect button, whichever portal's message it is under: connecting is not about that portal. */
export const CONNECT_TAP = new RegExp(`^(?:@[A-Za-z0-9_-]{3}:)?${CONNECT_DATA}$`);

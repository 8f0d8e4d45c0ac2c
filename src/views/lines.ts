// The pieces every view is made of: portal text kept as the director's own, bullet lines, long lists cut
// short with a count, the insight and hint lines.

import type { Language } from '../vocabulary/director.ts';
import { type RecordKind, type RecordLinks, recordAddress } from '../vocabulary/record-links.ts';
import type { Listed } from '../vocabulary/view-models.ts';
import { dataMark, escapeHtml } from './html.ts';
import { andMore, UNTITLED } from './messages-lines.ts';
import type { Button } from './reply.ts';
import { count, type NounName } from './words.ts';

/** Text from the portal: escaped, and marked so the guard shows it as it is. */
export const portalText = (text: string): string => dataMark(escapeHtml(text));

/** « ↗» after an item: a tap opens the record's own page on the portal; nothing when the address is unknown. */
export function opens(links: RecordLinks | undefined, kind: RecordKind, id: number, owner?: number): string {
  if (!links) return '';
  const href = recordAddress(links, kind, id, owner).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return ` <a href="${href}">↗</a>`;
}

/** Quotation marks of the language: «…» / “…”. */
export const quoted = (html: string, language: Language): string => (language === 'ru' ? `«${html}»` : `“${html}”`);

// A company's name that is a legal form and its own quoted name: «ООО «Ромашка»», ПАО "Уралмаш".
const OWN_QUOTES = /^\p{Lu}{2,4}\s+(?:«[^«»]+»|"[^"]+"|“[^“”]+”)$/u;

/** A name from the portal in quotes, unless it brings its own («ООО «Ромашка»» is one pair too many). */
export const nameQuoted = (text: string, language: Language): string =>
  OWN_QUOTES.test(text.trim()) ? portalText(text) : quoted(portalText(text), language);

/** «Без названия» when the portal gave nothing. */
export const titleText = (text: string, language: Language): string =>
  text.trim() ? portalText(text) : UNTITLED[language];

export const bullet = (html: string): string => `• ${html}`;

/** Shown at most per list: a long list says how many more there are rather than scrolling forever. */
export const listLimit = 20;

/** How many a list holds in all: its total, never fewer than the items it carries. */
export const totalOf = <T>(list: Listed<T> | T[]): number =>
  Array.isArray(list) ? list.length : Math.max(list.total, list.items.length);

/** The bullet lines of a list, cut at `limit`, with «…и ещё 5 задач» after. */
export function listLines<T>(
  list: Listed<T> | T[],
  line: (item: T) => string,
  noun: NounName,
  language: Language,
  limit = listLimit,
): string[] {
  const items = Array.isArray(list) ? list : list.items;
  const total = totalOf(list);
  const shown = items.slice(0, limit);
  const lines = shown.map((item) => bullet(line(item)));
  const rest = total - shown.length;
  if (rest > 0) lines.push(andMore(count(rest, noun, language), language));
  return lines;
}

/** The one next-step line every view ends with. */
export const hintLine = (text: string): string => `💡 ${text}`;

/** A view before splitting: its lines (blank strings separate sections) and its buttons. */
export interface Page {
  lines: string[];
  buttons?: Button[][];
}

/** Joins sections with one blank line between them, dropping empty ones. */
export function sections(...parts: (string[] | string | undefined | false)[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const lines = typeof part === 'string' ? [part] : part || [];
    if (lines.length === 0) continue;
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}

/** A button's label from portal text: plain text, short enough for a phone. */
export function buttonLabel(prefix: string, text: string, max = 32): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const short = clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
  return `${prefix}${dataMark(short)}`;
}

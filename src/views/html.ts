// Telegram HTML knows only four named entities; everything from the portal goes through here.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => entities[char] ?? char);
}

// Portal data (a deal's title, a contact's name) is the director's own content: renderers wrap it in these marks
// so the guard's word rewriting (present/guard.ts) leaves it alone.
export const dataStart = '\uE000';
export const dataEnd = '\uE001';

/** Marks escaped portal text as the director's own content: the guard keeps its words as they are. */
export const dataMark = (escapedHtml: string): string =>
  `${dataStart}${escapedHtml.replaceAll(dataStart, '').replaceAll(dataEnd, '')}${dataEnd}`;

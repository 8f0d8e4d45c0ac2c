// «некачественные лиды», «необработанные лиды»: a lead's status said as a word of its own, shaped as an adjective
// the lexicon does not hold. It is handed on as what the leads are about, and the answer asks the portal's own list
// of lead statuses first (another company's statuses are its own words), the titles after.

const ADJECTIVE = /^\p{Ll}{4,}(?:ые|ие|ый|ий|ая|яя|ое|ее|ых|их)$/u;

/** The one adjective-shaped word left unread, taken out of the list; undefined when there is none or several. */
export function statusWordIn(unknown: string[]): string | undefined {
  const shaped = unknown.filter((word) => ADJECTIVE.test(word));
  if (shaped.length !== 1 || unknown.length !== 1) return undefined;
  unknown.splice(0, 1);
  return shaped[0];
}

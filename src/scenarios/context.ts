// What every scenario works with: the portal, the name caches, the director and the moment it runs.

import { letters } from '../letters.ts';
import type { PortalClient } from '../portal/port.ts';
import type { Director } from '../vocabulary/director.ts';
import type { RecordLinks } from '../vocabulary/record-links.ts';
import type { Moment } from '../vocabulary/view-models.ts';
import type { NameDirectory } from './names.ts';
import { companyOf } from './plan/company.ts';
import type { PlanBook } from './plan/plan-scenarios.ts';
import type { PageHints } from './reads.ts';
import { momentOf } from './schedule/day-window.ts';

const BETWEEN_WORDS = letters(/[^\p{L}\p{N}-]+/u);

export interface ScenarioContext {
  portal: PortalClient;
  names: NameDirectory;
  director: Director;
  now: Date;
  at: Moment;
  /** List sizes seen before, so their pages go in a view's first batch. */
  pages: PageHints;
  /** The sales plans the directors set, by the company they belong to. */
  book: PlanBook;
}

export function contextFor(
  deps: { portal: PortalClient; names: NameDirectory; pages: PageHints; book?: PlanBook },
  director: Director,
  now: Date,
): ScenarioContext {
  const book = deps.book ?? { company: companyOf(deps.portal) };
  return { ...deps, book, director, now, at: momentOf(now, director.timeZone) };
}

/** Where the director's records open on the portal's pages; none when the portal's address is unknown. */
export const linksOf = (context: ScenarioContext): RecordLinks | undefined =>
  context.portal.origin ? { origin: context.portal.origin, userId: context.director.portalUserId } : undefined;

/** The first `limit` items and how many there are in all. */
export const listed = <T>(items: T[], limit = Number.POSITIVE_INFINITY) => ({
  items: items.slice(0, limit),
  total: items.length,
});

/** Lower case, ё as е: how names are compared. */
export const normalize = (text: string): string => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** The words of a query worth searching by (quotes and punctuation dropped; ё kept: the portal compares letters). */
export const queryWords = (query: string): string[] =>
  query
    .toLocaleLowerCase('ru')
    .split(BETWEEN_WORDS)
    .filter((word) => word.length >= 2);

// «лиды с сайта», «лиды из телеграма», «некачественные лиды», «сделки в тендерах», «сделки в долларах»: a word that
// names one of the portal's own values — a source, a lead status, a pipeline, a currency — is that value. The words
// are matched against the portal's own lists by the one matcher, in any case form, so another company's sources
// and statuses work as the demo's do; a word none of the lists holds stays what it was (a topic, a name).
import type { Params } from '../../portal/port.ts';
import type { Query } from '../../vocabulary/query.ts';
import type { QueryFilters } from '../../vocabulary/view-models.ts';
import type { ScenarioContext } from '../context.ts';
import { matchesName, stemOf, wordsOf } from '../matcher.ts';
import type { PortalList } from '../names.ts';
import { knownTopic } from './topics.ts';

// Words that say which list, not which value: «в тендерной воронке», «из источника «сайт»».
const LIST_WORDS = /^(?:воронк|источник|статус|валют|pipeline|source|status|currenc)/u;
// «тендерной» — «Тендеры»: an adjective made of the noun shares its beginning, not its stem.
const SHARED = 6;

/**
 * Whether the portal's name for a value is what the words say: by the words' stems («сайта» — «Веб-сайт»,
 * «рекомендаций» — «По рекомендации»), by a long shared beginning («тендерной» — «Тендеры»), or as one word where
 * the portal writes two («необработанные» — «Не обработан»).
 */
export function namesValue(name: string, said: string): boolean {
  const words = wordsOf(said).filter((word) => !LIST_WORDS.test(word));
  const names = wordsOf(name);
  if (words.length === 0) return false;
  if (matchesName(name, words.join(' '), { prefix: true })) return true;
  const shared = (word: string) =>
    names.some((one) => word.length >= SHARED && one.slice(0, SHARED) === word.slice(0, SHARED));
  if (words.every(shared)) return true;
  return words.length === 1 && names.length > 1 && names.join('').startsWith(stemOf(words[0]!));
}

/** The codes of one of the portal's lists whose names the word says. */
async function codesNamed(context: ScenarioContext, list: PortalList, said: string): Promise<string[]> {
  const named = await context.names.listed(list);
  return [...named]
    .filter(([code, name]) => namesValue(name, said) || code.toLowerCase() === said)
    .map(([code]) => code);
}

/**
 * The question with the word said as a topic («с сайта», «в тендерах») turned into the portal's value it names — a
 * source, a lead status, a pipeline or a currency, by the subject — or undefined when none of the lists holds it.
 */
export async function portalValue(context: ScenarioContext, query: Query): Promise<Query | undefined> {
  const said = query.topic;
  if (!said || knownTopic(said) || (query.subject !== 'leads' && query.subject !== 'deals')) return undefined;
  const { topic: _, ...asked } = query;
  const sources = query.source ? [] : await codesNamed(context, 'sources', said);
  if (sources.length) return { ...asked, source: sources };
  if (query.subject === 'leads') {
    const statuses = query.stage ? [] : await codesNamed(context, 'leadStatuses', said);
    return statuses.length ? { ...asked, stage: said } : undefined;
  }
  if (!query.pipeline) {
    const pipelines = (await context.names.pipelines()).filter((pipeline) => namesValue(pipeline.name, said));
    if (pipelines.length === 1) return { ...asked, pipeline: pipelines[0]!.name };
  }
  const currencies = query.currency ? [] : await codesNamed(context, 'currencies', said);
  return currencies.length ? { ...asked, currency: currencies } : undefined;
}

const oneOrMore = (codes: string[]): string | string[] => (codes.length === 1 ? codes[0]! : codes);

/**
 * The portal's own filter for a lead's or deal's source and currency, and a lead's status; the header's words for
 * them (the portal's names) go into `filters`.
 */
export async function valueParams(context: ScenarioContext, query: Query, filters: QueryFilters): Promise<Params> {
  const params: Params = {};
  if (query.source?.length) {
    const named = await context.names.listed('sources');
    params.SOURCE_ID = oneOrMore(query.source);
    filters.source = query.source.map((code) => named.get(code) ?? code);
  }
  if (query.currency?.length) {
    params.CURRENCY_ID = oneOrMore(query.currency);
    filters.currency = query.currency;
  }
  if (query.subject === 'leads' && query.stage) {
    const named = await context.names.listed('leadStatuses');
    const codes = [...named].filter(([, name]) => namesValue(name, query.stage!)).map(([code]) => code);
    params.STATUS_ID = codes.length ? oneOrMore(codes) : query.stage;
    filters.stage = codes.map((code) => named.get(code)!).join(', ') || query.stage;
  }
  return params;
}

// «нарисуй», «выгрузи это», «покажи графиком», «в эксель»: a form asked for with nothing else named is that form of
// what was just shown. «график продаж»: a picture of money earned is money over time, not the funnel.

import { letters } from '../../letters.ts';
import { lightText } from './text.ts';

const thisWordsRe =
  /^(?:(?:это|эти|этот|эту|его|ее|их|все|мне|нам|покажи|показать|покажите|сделай|сделать|можно|давай|дай|пришли|скинь|отправь|а|и|ну|в|виде|то|же|тоже|так|them|it|this|that|all|please|show|me|make|as|a|the|send|it)(?:\s+|$))*$/u;

/** True when the words left beside a form name nothing of their own («покажи», «это», «мне»). */
export const namesNothing = (rest: string): boolean =>
  thisWordsRe.test(
    lightText(rest)
      .replace(/[?!.,…]+/gu, ' ')
      .trim(),
  );

// Money named as what is drawn; «отдел продаж» names a department, «воронка продаж» the funnel.
const moneyRe = letters(
  /(?<![\p{L}])(?<!(?:отдел|воронк|sales\s+(?:team|department))\p{L}*\s+)(?:продаж\p{L}*|выручк\p{L}*|доход\p{L}*|оборот\p{L}*|sales|revenue|income)(?![\p{L}])/u,
);
const groupedRe = letters(/(?<![\p{L}])(?:по|by|per)\s+\p{L}+|воронк|этап|стади|funnel|pipeline/u);

/** «продаж» asked as a picture: by month, unless the words group it already. */
export function overTime(rest: string): string {
  const light = lightText(rest);
  return moneyRe.test(light) && !groupedRe.test(light) ? `${rest} по месяцам` : rest;
}

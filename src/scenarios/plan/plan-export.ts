// The deals behind this month's forecast as a spreadsheet: every open deal due in the rest of the month, with
// its stage's probability and its weighed sum, the heaviest first.
import { DateTime } from 'luxon';
import type { ForecastRow } from '../../vocabulary/export-tables.ts';
import type { ScenarioContext } from '../context.ts';
import { dealRows } from '../files/exports.ts';
import { weigh } from './forecast.ts';
import { periodAt } from './periods.ts';
import { readForecastData } from './plan-reads.ts';

export async function forecastRows(context: ScenarioContext): Promise<ForecastRow[]> {
  const period = periodAt('month', DateTime.fromJSDate(context.now, { zone: context.director.timeZone }));
  const data = await readForecastData(context, period);
  const weighed = data.open.map((deal) => weigh(deal, data.odds)).sort((a, b) => b.weighted - a.weighted);
  const rows = await dealRows(
    context,
    weighed.map((one) => one.deal),
  );
  return rows.map((row, index) => ({
    ...row,
    probability: weighed[index]?.probability ?? 0,
    weighted: Math.round(weighed[index]?.weighted ?? 0),
  }));
}

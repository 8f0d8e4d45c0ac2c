// «📈 График» and «📥 Excel» under the answers to money questions, through the real bot (`npm start`, the fake Bot
// API, the demo portal): the button holds only a short key, and a tap sends the picture or the spreadsheet of
// exactly that question — the whole list, not its first part — checked against the demo portal's own records.
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { STALE_BUTTON } from '../../src/views/messages.ts';
import type { SentMessage } from '../fakes/telegram-api.ts';
import { decodePng } from '../views/png.ts';
import { DIRECTOR, runningStand } from './harness.ts';

describe('picture and spreadsheet buttons under the answers to questions', () => {
  const stand = runningStand();

  const sheetOf = async (data: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const cell = (row: ExcelJS.Row, header: string) => row.getCell(headers.indexOf(header) + 1);
    return { sheet, headers, rows, cell };
  };

  /** The answer's last message, and what the bot sends when its button is tapped. */
  const tap = async (answer: SentMessage, button: string) => {
    const data = stand.telegram.buttonData(answer, button);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.tapButton(DIRECTOR, answer, data);
    return stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 30_000);
  };

  /** Deals won this month by the portal's own records: moved to a success stage since the 1st, and still there. */
  const wonThisMonth = () => {
    const { data } = stand.portal;
    const zone = String(data.users.find((user) => user.ID === '1')?.TIME_ZONE || 'UTC');
    const monthStart = DateTime.now().setZone(zone).startOf('month');
    const moved = new Set(
      data.stageHistory
        .filter((row) => row.STAGE_SEMANTIC_ID === 'S' && DateTime.fromISO(String(row.CREATED_TIME)) >= monthStart)
        .map((row) => String(row.OWNER_ID)),
    );
    return data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'S' && moved.has(String(deal.ID)));
  };

  const sumsByCurrency = (pairs: { currency: string; amount: number }[]) => {
    const sums: Record<string, number> = {};
    for (const { currency, amount } of pairs) sums[currency] = (sums[currency] ?? 0) + amount;
    return sums;
  };

  it('«сколько заработали»: the spreadsheet lists the deals behind the sum, each currency in its own format', async () => {
    const answer = (await stand.say(DIRECTOR, 'сколько заработали')).at(-1)!;
    const document = await tap(answer, 'Excel');
    expect(document.file?.kind).toBe('document');
    const { rows, cell } = await sheetOf(document.file!.data);
    const won = wonThisMonth();
    expect(new Set(won.map((deal) => String(deal.CURRENCY_ID)))).toEqual(new Set(['RUB', 'USD']));
    expect(rows.map((row) => cell(row, '№').value).sort()).toEqual(won.map((deal) => Number(deal.ID)).sort());
    const inSheet = sumsByCurrency(
      rows.map((row) => ({ currency: String(cell(row, 'Валюта').value), amount: Number(cell(row, 'Сумма').value) })),
    );
    const inPortal = sumsByCurrency(
      won.map((deal) => ({ currency: String(deal.CURRENCY_ID), amount: Number(deal.OPPORTUNITY) })),
    );
    expect(inSheet).toEqual(inPortal);
    for (const row of rows) {
      const sign = cell(row, 'Валюта').value === 'USD' ? '$' : '₽';
      expect(cell(row, 'Сумма').numFmt).toContain(sign);
      expect(cell(row, 'Сумма').numFmt).not.toContain(sign === '$' ? '₽' : '$');
    }
  });

  it('«рейтинг менеджеров»: a row per manager and currency, sums never added across currencies; the picture too', async () => {
    const answer = (await stand.say(DIRECTOR, 'рейтинг менеджеров')).at(-1)!;
    const document = await tap(answer, 'Excel');
    expect(document.file?.fileName).toMatch(/^Сделки по менеджерам \d{4}-\d{2}-\d{2}\.xlsx$/);
    const { rows, cell, headers } = await sheetOf(document.file!.data);
    expect(headers).toEqual(['Менеджер', 'Количество', 'Сумма', 'Валюта']);
    const names = new Map(stand.portal.data.users.map((user) => [String(user.ID), `${user.NAME} ${user.LAST_NAME}`]));
    const expected = sumsByCurrency(
      wonThisMonth().map((deal) => ({
        currency: `${names.get(String(deal.ASSIGNED_BY_ID))}|${deal.CURRENCY_ID}`,
        amount: Number(deal.OPPORTUNITY),
      })),
    );
    const got = sumsByCurrency(
      rows.map((row) => ({
        currency: `${cell(row, 'Менеджер').value}|${cell(row, 'Валюта').value}`,
        amount: Number(cell(row, 'Сумма').value),
      })),
    );
    expect(got).toEqual(expected);
    expect(Object.keys(got).some((key) => key.endsWith('|USD'))).toBe(true);

    const photo = await tap(answer, 'График');
    expect(photo.file?.kind).toBe('photo');
    expect(photo.file?.fileName).toContain('Лидеры продаж');
    expect(decodePng(photo.file!.data).width).toBeGreaterThanOrEqual(1000);
  });

  it('«сделки больше миллиона»: the spreadsheet holds the whole list, not the first part shown', async () => {
    const answer = (await stand.say(DIRECTOR, 'сделки больше миллиона')).at(-1)!;
    const expected = stand.portal.data.deals.filter(
      (deal) => deal.STAGE_SEMANTIC_ID === 'P' && Number(deal.OPPORTUNITY) >= 1_000_000,
    );
    expect(expected.length).toBeGreaterThan(20);
    const document = await tap(answer, 'Excel');
    const { rows, cell } = await sheetOf(document.file!.data);
    expect(rows.map((row) => cell(row, '№').value).sort()).toEqual(expected.map((deal) => Number(deal.ID)).sort());
    expect(rows.every((row) => Number(cell(row, 'Сумма').value) >= 1_000_000)).toBe(true);
    expect(cell(rows[0]!, 'Создана').value).toBeInstanceOf(Date);

    const photo = await tap(answer, 'График');
    expect(photo.file?.kind).toBe('photo');
  });

  it('a button whose answer is no longer kept says so in one sentence', async () => {
    const answer = (await stand.say(DIRECTOR, 'рейтинг менеджеров')).at(-1)!;
    const data = stand.telegram.buttonData(answer, 'Excel').replace(/:.*/, ':unknownKey1');
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.tapButton(DIRECTOR, answer, data);
    const reply = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 30_000);
    expect(reply.file).toBeUndefined();
    expect(reply.plain).toBe(STALE_BUTTON.ru);
  });
});

// Pictures and spreadsheets through the real bot: `npm start`, the fake Bot API (sendPhoto, sendDocument) and
// the demo portal. What is checked is what the director's phone would get: a real PNG, a real .xlsx.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodePng } from '../views/png.ts';
import { DIRECTOR, runningStand } from './harness.ts';

describe('charts and spreadsheets in Telegram', () => {
  const stand = runningStand();

  it('sends the pipeline as a picture on «покажи воронку графиком», captioned with its headline and hint', async () => {
    const [photo] = await stand.say(DIRECTOR, 'покажи воронку графиком');
    expect(photo?.file?.kind).toBe('photo');
    expect(photo?.file?.fileName).toMatch(/^Воронка \d{4}-\d{2}-\d{2}\.png$/);
    const { width, height } = decodePng(photo!.file!.data);
    expect(width).toBeGreaterThanOrEqual(1000);
    expect(height).toBeGreaterThan(300);
    const lines = photo!.plain.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^📊 Воронка/);
    expect(lines[1]).toMatch(/^💡/);
  });

  it('puts a «📈 График» button under the pipeline that sends the picture', async () => {
    const [pipeline] = await stand.say(DIRECTOR, 'воронка');
    const before = stand.telegram.sent(DIRECTOR.id).length;
    stand.telegram.tapButton(DIRECTOR, pipeline!, stand.telegram.buttonData(pipeline!, 'График'));
    const photo = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 30_000);
    expect(photo.file?.kind).toBe('photo');
    expect(decodePng(photo.file!.data).width).toBeGreaterThanOrEqual(1000);
  });

  it('draws the week, the team, the leads and the money questions as pictures too', async () => {
    for (const [phrase, name] of [
      ['итоги недели графиком', 'Выручка'],
      ['команда графиком', 'Лидеры продаж'],
      ['новые лиды диаграммой', 'Источники лидов'],
      // The money questions: grouped answers become the matching picture.
      ['выручка по месяцам графиком', 'Выручка'],
      ['лидеры продаж графиком', 'Лидеры продаж'],
      ['источники лидов графиком', 'Источники лидов'],
    ]) {
      const [photo] = await stand.say(DIRECTOR, phrase!);
      expect(photo?.file?.fileName, phrase).toContain(name);
      expect(decodePng(photo!.file!.data).width).toBeGreaterThanOrEqual(1000);
    }
  });

  const workbookOf = async (data: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
    return workbook.worksheets[0]!;
  };

  it('sends every open deal as an .xlsx on «выгрузи сделки в Excel»: rows and sums as the portal has them', async () => {
    const [document] = await stand.say(DIRECTOR, 'выгрузи сделки в Excel');
    expect(document?.file?.kind).toBe('document');
    expect(document?.file?.fileName).toMatch(/^Сделки \d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await workbookOf(document!.file!.data);
    const open = stand.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P');
    expect(open.length).toBeGreaterThan(50);
    expect(sheet.rowCount).toBe(open.length + 1);

    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Сделка', 'Стадия', 'Сумма', 'Ответственный', 'Создана']));
    const column = (name: string) => headers.indexOf(name) + 1;
    const rows = Array.from({ length: open.length }, (_, i) => sheet.getRow(i + 2));
    const sum = rows.reduce((total, row) => total + Number(row.getCell(column('Сумма')).value), 0);
    expect(sum).toBeCloseTo(
      open.reduce((total, deal) => total + Number(deal.OPPORTUNITY), 0),
      2,
    );
    expect(rows.map((row) => row.getCell(column('№')).value).sort()).toEqual(
      open.map((deal) => Number(deal.ID)).sort(),
    );

    // Typed columns, a frozen header with a filter, and a link to the deal's own page in the portal.
    expect(typeof rows[0]!.getCell(column('Сумма')).value).toBe('number');
    expect(rows[0]!.getCell(column('Сумма')).numFmt).toContain('₽');
    expect(rows[0]!.getCell(column('Создана')).value).toBeInstanceOf(Date);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const link = rows[0]!.getCell(column('Ссылка в Битрикс24')).value as { hyperlink: string };
    const id = rows[0]!.getCell(column('№')).value;
    expect(link.hyperlink).toBe(`${new URL(stand.portal.webhookUrl).origin}/crm/deal/details/${id}/`);
    expect(link.hyperlink).not.toContain('/rest/');
    expect(document?.plain).toMatch(new RegExp(`^📥 Сделки: ${open.length}\\sсдел`));
  });

  it('puts «📥 Excel» under every list, and the button sends that list', async () => {
    for (const [phrase, fileName] of [
      ['мои задачи', 'Задачи'],
      ['новые лиды', 'Лиды'],
      ['контакты Ромашки', 'Контакты'],
      ['статус команды', 'Команда'],
      ['сделки', 'Сделки'],
    ] as const) {
      const answer = (await stand.say(DIRECTOR, phrase)).at(-1)!;
      const before = stand.telegram.sent(DIRECTOR.id).length;
      stand.telegram.tapButton(DIRECTOR, answer, stand.telegram.buttonData(answer, 'Excel'));
      const document = await stand.telegram.waitFor(() => stand.telegram.sent(DIRECTOR.id)[before], 30_000);
      expect(document.file?.fileName, phrase).toContain(fileName);
      const sheet = await workbookOf(document.file!.data);
      expect(sheet.rowCount, phrase).toBeGreaterThan(1);
    }
  });
});

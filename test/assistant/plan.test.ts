// The plan in a conversation, as the director sees it: set in words through the yes/no question, shown by
// «какой у нас план?» and /plan, checked by «как идём по плану?» with its follow-ups, and the deals at risk.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { Button, Reply } from '../../src/views/reply.ts';
import { harnessForFile } from './harness.ts';

const h = await harnessForFile();

let nextUser = 9100;
const chat = () => {
  nextUser += 1;
  return { telegramUserId: nextUser, chatId: nextUser };
};
const buttonsOf = (replies: Reply[]): Button[] => replies.flatMap((reply) => (reply.buttons ?? []).flat());
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

async function say(who: { telegramUserId: number; chatId: number }, text: string) {
  const replies = h.record(await h.assistant().handleText(who, text));
  return { text: plain(replies.map((reply) => plainTextOf(reply.html)).join('\n')), buttons: buttonsOf(replies) };
}

async function tap(who: { telegramUserId: number; chatId: number }, button: Button | undefined) {
  expect(button).toBeDefined();
  const outcome = h.recordOutcome(await h.assistant().handleButton(who, encodeAction(button!.action), 77));
  return plain(plainTextOf(outcome.edit?.html ?? outcome.replies.map((reply) => reply.html).join('\n')));
}

const yes = (buttons: Button[]) => buttons.find((button) => /^(?:Да|Yes)$/u.test(button.text));

/** November's won roubles, straight from the demo data: moved to a won stage in November (Moscow), won still. */
function novemberFact(managerId?: number): number {
  const { deals, stageHistory } = h.portal.data;
  const from = Date.parse('2026-10-31T21:00:00Z');
  const to = Date.parse('2026-11-30T21:00:00Z');
  const wonThen = new Set(
    stageHistory
      .filter((entry) => entry.STAGE_SEMANTIC_ID === 'S')
      .filter((entry) => Date.parse(String(entry.CREATED_TIME)) >= from && Date.parse(String(entry.CREATED_TIME)) < to)
      .map((entry) => String(entry.OWNER_ID)),
  );
  return deals
    .filter(
      (deal) => deal.STAGE_SEMANTIC_ID === 'S' && wonThen.has(String(deal.ID)) && (deal.CURRENCY_ID || 'RUB') === 'RUB',
    )
    .filter((deal) => managerId === undefined || String(deal.ASSIGNED_BY_ID) === String(managerId))
    .reduce((sum, deal) => sum + Number(deal.OPPORTUNITY), 0);
}

const rub = (amount: number) =>
  `${Math.round(amount)
    .toLocaleString('ru-RU')
    .replace(/[\u00a0\u202f]/g, ' ')} ₽`;

describe('plan against fact', () => {
  it('with no plan: the month’s fact, time gone, forecast, and a one-line offer to set a plan', async () => {
    const { text, buttons } = await say(chat(), 'как идём по плану?');
    expect(text).toContain('📊 План и прогноз: ноябрь 2026 — компания');
    expect(text).toContain('Плана на этот период нет — задайте его словами, например: «план на декабрь 12 млн».');
    expect(text).toContain(`✅ Факт: ${rub(novemberFact())}`);
    // 25 November, 10:00: 17 working days of 21 gone (today not yet).
    expect(text).toContain('🗓 Прошло: 17 из 21 рабочего дня (81%)');
    expect(text).toMatch(/🔮 Прогноз: [\d ]+ ₽/u);
    expect(text).toContain('💡 Могу показать сделки под угрозой или объяснить прогноз.');
    expect(buttons.map((button) => button.text)).toEqual(['⚠️ Под угрозой', '❓ Почему так', '📈 График', '📥 Excel']);
  });

  it('sets a plan only after the tap, shows it, and measures against it; a change names the sum it replaces', async () => {
    const who = chat();
    const asked = await say(who, 'план на ноябрь 12 млн');
    expect(asked.text).toBe('Задать план на ноябрь 2026 — компания: 12 000 000 ₽?');
    expect((await say(who, 'какой у нас план?')).text).toContain('Планов пока нет');
    expect(await tap(who, yes(asked.buttons))).toBe('✅ План на ноябрь 2026 — компания: 12 000 000 ₽.');
    const plans = await say(who, 'какой у нас план?');
    expect(plans.text).toContain('• ноябрь 2026 — компания: 12 000 000 ₽ (задал Алексей Смирнов, 25 ноября)');
    expect((await say(who, '/plan')).text).toBe(plans.text);

    const against = await say(who, 'как идём по плану?');
    const fact = novemberFact();
    expect(against.text).toContain('🎯 План: 12 000 000 ₽');
    expect(against.text).toContain(`✅ Факт: ${rub(fact)} — ${Math.round((fact / 12_000_000) * 100)}% плана`);
    expect(against.text).toMatch(/(?:⚠️ Не хватает до плана|🎉 Прогноз выше плана на)/u);

    const change = await say(who, 'поменяй план на ноябрь на 14 млн');
    expect(change.text).toBe('Поменять план на ноябрь 2026 — компания: 12 000 000 ₽ → 14 000 000 ₽?');
    await tap(who, yes(change.buttons));
    expect((await say(who, 'какой у нас план?')).text).toContain('ноябрь 2026 — компания: 14 000 000 ₽');
  });

  it('a manager’s quarter plan, asked whose when the name fits one person only by its form', async () => {
    const who = chat();
    const asked = await say(who, 'план Волкову на квартал 3 млн');
    expect(asked.text).toBe('Задать план на 4 квартал 2026 — Пётр Волков: 3 000 000 ₽?');
    await tap(who, yes(asked.buttons));
    const plans = await say(who, 'какой у нас план?');
    expect(plans.text).toContain('4 квартал 2026 — Пётр Волков: 3 000 000 ₽');
  });

  it('a year that starts in another year: «план на 2027 год 150 млн»', async () => {
    const who = chat();
    const asked = await say(who, 'план на 2027 год 150 млн');
    expect(asked.text).toBe('Задать план на 2027 год — компания: 150 000 000 ₽?');
  });

  it('follows up: «а по Волкову?», «а в прошлом месяце?», «почему такой прогноз?» in three lines', async () => {
    const who = chat();
    await say(who, 'прогноз на месяц');
    const volkov = await say(who, 'а по Волкову?');
    expect(volkov.text).toContain('📊 План и прогноз: ноябрь 2026 — Пётр Волков');
    expect(volkov.text).toContain(`✅ Факт: ${rub(novemberFact(27))}`);
    const october = await say(who, 'а в прошлом месяце?');
    expect(october.text).toContain('📊 План и прогноз: октябрь 2026 — Пётр Волков');
    // A month that is over: every working day gone.
    expect(october.text).toContain('🗓 Прошло: 22 из 22 рабочих дней (100%)');
    const why = await say(who, 'почему такой прогноз?');
    const lines = why.text.split('\n').filter((line) => /^[123]️⃣/u.test(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('выигранные с 1 октября');
  });

  it('speaks English', async () => {
    const { text } = await say(chat(), 'forecast for October');
    expect(text).toContain('📊 Plan and forecast: October 2026 — company');
    expect(text).toContain('🗓 Gone: 22 of 22 working days (100%)');
    expect(text).toContain('No plan is set for this period');
  });
});

describe('the plan elsewhere', () => {
  it('the briefing and the weekly report carry one plan line with the fact and the forecast', async () => {
    const who = chat();
    const asked = await say(who, 'план на ноябрь 14 млн');
    await tap(who, yes(asked.buttons));
    const planLine = new RegExp(
      `^🎯 План на ноябрь 2026: 14 000 000 ₽ · факт ${rub(novemberFact())} \\(\\d+%\\) · прогноз [\\d ]+ ₽$`,
      'mu',
    );
    const briefing = await say(who, 'что у меня сегодня?');
    expect(briefing.text).toMatch(planLine);
    expect(briefing.text.match(/🎯/gu)).toHaveLength(1);
    expect((await say(who, 'итоги недели')).text).toMatch(planLine);
    // The day plan is about the day: no plan line there.
    expect((await say(who, 'план на день')).text).not.toContain('🎯');
  });
});

describe('the plan as a picture and a spreadsheet', () => {
  it('sends plan, fact and forecast by manager as a picture, and the deals behind the forecast as a spreadsheet', async () => {
    const who = chat();
    const { buttons } = await say(who, 'как идём по плану?');
    const press = async (label: string) => {
      const button = buttons.find((one) => one.text === label);
      expect(button).toBeDefined();
      const outcome = h.recordOutcome(await h.assistant().handleButton(who, encodeAction(button!.action), 77));
      return outcome.replies.find((reply) => reply.attachment)?.attachment;
    };
    const picture = await press('📈 График');
    expect(picture?.kind).toBe('photo');
    expect(picture?.fileName).toBe('План и прогноз 2026-11-25.png');
    expect(Buffer.from(picture!.data.subarray(1, 4)).toString()).toBe('PNG');

    const sheet = await press('📥 Excel');
    expect(sheet?.fileName).toBe('Сделки в прогнозе 2026-11-25.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet!.data as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!;
    // Open deals due in the rest of November (25–30), by the demo data's own expected close dates.
    const due = h.portal.data.deals.filter((deal) => {
      const day = String(deal.CLOSEDATE).slice(0, 10);
      return deal.STAGE_SEMANTIC_ID === 'P' && day >= '2026-11-25' && day <= '2026-11-30';
    });
    expect(rows.rowCount - 1).toBe(due.length);
    const headers = (rows.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Вероятность этапа, %');
    expect(headers).toContain('С учётом вероятности');
  });
});

describe('deals at risk', () => {
  it('lists open deals with their reasons in words, the heaviest first', async () => {
    const { text } = await say(chat(), 'какие сделки под угрозой?');
    expect(text).toMatch(/^🚨 Сделки под угрозой: \d+/u);
    const lines = text.split('\n').filter((line) => line.startsWith('⚠️ '));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toMatch(/дн(?:я|ей|ь) на этапе «[^»]+» \(обычно \d+\)/u);
    expect(lines.join('\n')).toContain('нет дел');
    for (const line of lines) expect(line).toMatch(/^⚠️ «.+» — .+ · [\d ]+ ₽/u);
  });
});

// Each kind of alert from the director's side: what arrives, and when. A company on its webhook, Wednesday noon
// in Moscow; the company's people make the moves through the portal's own methods.
import { afterEach, describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import { type AlertStand, alertStand, DIRECTOR } from './harness.ts';

let stand: AlertStand;
afterEach(() => stand.close());

const MINUTE = 60_000;
const dealTitle = (id: number) => String(stand.portal.data.deals.find((deal) => deal.ID === String(id))!.TITLE);
const openDeal = (amount: number) => {
  const deal = stand.portal.data.deals.find(
    (row) => row.STAGE_SEMANTIC_ID === 'P' && !row.TITLE?.toString().includes('*'),
  )!;
  deal.OPPORTUNITY = `${amount}.00`;
  return Number(deal.ID);
};
const allText = () => stand.messages.map((_, index) => stand.text(index)).join('\n');

async function started(): Promise<AlertStand> {
  stand = await alertStand();
  await stand.onlyDeals();
  await stand.after(0);
  return stand;
}

describe('deals', () => {
  it('a deal lost over the sum comes with its reason and a task for its manager, asked before it is set', async () => {
    await started();
    const dealId = stand.moves.dealLost(openDeal(900_000), 'Клиент выбрал конкурента');
    await stand.after(MINUTE);
    expect(stand.text()).toMatch(
      new RegExp(`Проиграна сделка «${dealTitle(dealId)}»: 900 000 ₽.*Причина: Клиент выбрал конкурента`),
    );
    const step = stand.messages[0]!.reply.buttons!.flat().find(
      (button) => button.text === 'Поставить задачу ответственному',
    )!;
    const outcome = await stand.app.assistant.handleButton(
      { telegramUserId: DIRECTOR, chatId: DIRECTOR },
      { action: step.action },
      1,
    );
    const question = outcome.replies.map((reply) => plainTextOf(reply.html)).join('\n');
    expect(question).toContain(`Разобрать сделку №${dealId}`);
    expect(
      outcome.replies
        .at(-1)
        ?.buttons?.flat()
        .map((button) => button.action.kind),
    ).toContain('confirm');
  });

  it('below the sum says nothing; «сообщай о сделках больше миллиона» moves the line', async () => {
    await started();
    stand.moves.dealWon(openDeal(300_000));
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(0);
    expect(await stand.say('сообщай о сделках больше миллиона')).toContain('Сообщаю о сделках от 1 000 000 ₽');
    stand.moves.dealWon(openDeal(800_000));
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(0);
    const big = stand.moves.dealWon(openDeal(2_500_000));
    await stand.after(MINUTE);
    expect(stand.text()).toContain(`Выиграна сделка «${dealTitle(big)}»: 2 500 000 ₽`);
  });
});

describe('deals that need what was seen before', () => {
  /** The `nth` open deal of a client in the sales pipeline, put at `stage`, worth `amount`; its manager moves it. */
  const clientDeal = (stage: string, amount: number, nth = 0) => {
    const deal = stand.portal.data.deals.filter(
      (row) => row.STAGE_SEMANTIC_ID === 'P' && row.CATEGORY_ID === '0' && Number(row.COMPANY_ID) > 0,
    )[nth]!;
    Object.assign(deal, { STAGE_ID: stage, OPPORTUNITY: `${amount}.00` });
    const id = Number(deal.ID);
    const update = (fields: Record<string, unknown>) =>
      stand.portal.actAs(Number(deal.ASSIGNED_BY_ID), 'crm.deal.update', { id, fields });
    return { deal, id, update };
  };

  it('a watched client’s deal moved back a stage is told with both stages; moved forward, nothing', async () => {
    await started();
    const { deal, update } = clientDeal('PREPAYMENT_INVOICE', 900_000);
    update({ STAGE_ID: 'EXECUTING' });
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(0);
    update({ STAGE_ID: 'PREPARATION' });
    await stand.after(MINUTE);
    expect(stand.text()).toMatch(
      new RegExp(`↩️ Сделка «${deal.TITLE}» откатилась: «В работе» → «Подготовка документов», 900 000 ₽`),
    );
    // A small deal is no watched client's: moved back, it says nothing.
    const small = clientDeal('FINAL_INVOICE', 40_000, 1);
    small.update({ STAGE_ID: 'NEW' });
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(1);
    expect(await stand.say('не присылай про откаты сделок')).toContain('Больше не присылаю: откаты и простои');
  });

  it('a watched client’s deal that has not moved for two weeks is told the moment it crosses the line', async () => {
    await started();
    const { deal } = clientDeal('EXECUTING', 1_200_000);
    deal.MOVED_TIME = new Date(stand.clock.now.getTime() - 14 * 24 * 60 * MINUTE + 10 * MINUTE).toISOString();
    await stand.after(5 * MINUTE);
    expect(stand.messages).toHaveLength(0);
    await stand.after(6 * MINUTE);
    expect(stand.text()).toMatch(new RegExp(`⏸ Сделка «${deal.TITLE}» стоит на стадии «В работе» 14 дней`));
  });

  it('a hot deal’s close date moved a second time is told; the first move is not', async () => {
    await started();
    const { deal, update } = clientDeal('FINAL_INVOICE', 300_000);
    update({ CLOSEDATE: '2026-12-01T00:00:00+03:00' });
    await stand.after(MINUTE);
    update({ CLOSEDATE: '2026-12-10T00:00:00+03:00' });
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(0);
    update({ CLOSEDATE: '2026-12-20T00:00:00+03:00' });
    await stand.after(MINUTE);
    expect(stand.text()).toMatch(
      new RegExp(`📆 Срок сделки «${deal.TITLE}» снова перенесли: 20 декабря вместо 10 декабря`),
    );
    // A deal early in the pipeline is not hot: its dates may move as they will.
    const early = clientDeal('NEW', 300_000, 1);
    for (const day of ['05', '15', '25']) {
      early.update({ CLOSEDATE: `2026-12-${day}T00:00:00+03:00` });
      await stand.after(MINUTE);
    }
    expect(stand.messages).toHaveLength(1);
    expect(await stand.say('не сообщай о переносах сроков')).toContain('Больше не присылаю: переносы сроков');
    update({ CLOSEDATE: '2026-12-28T00:00:00+03:00' });
    await stand.after(MINUTE);
    expect(stand.messages).toHaveLength(1);
    expect(stand.messages[0]!.edits).toBe(0);
  });
});

describe('leads, tasks and meetings', () => {
  it('a new lead nobody touched for 30 working minutes, and not before', async () => {
    stand = await alertStand();
    await stand.say('не присылай про задачи');
    await stand.after(0);
    stand.moves.leadArrives('Заявка с сайта: сервер для склада');
    for (let minute = 0; minute < 29; minute += 1) await stand.after(MINUTE);
    expect(allText()).not.toContain('сервер для склада');
    await stand.after(2 * MINUTE);
    expect(allText()).toMatch(/Лид «Заявка с сайта: сервер для склада» ждёт 3\d минут/);
  });

  it('a lead its responsible called or commented on is not told; somebody else’s comment is no answer', async () => {
    stand = await alertStand();
    await stand.say('не присылай про задачи');
    await stand.after(0);
    const called = stand.moves.leadArrives('Заявка: кондиционеры в офис');
    const commented = stand.moves.leadArrives('Заявка: стеллажи для склада');
    const waiting = stand.moves.leadArrives('Заявка: охрана парковки');
    await stand.after(10 * MINUTE);
    stand.moves.leadAnswered(called, 'call');
    const responsible = Number(stand.portal.data.leads.find((lead) => lead.ID === String(commented))!.ASSIGNED_BY_ID);
    stand.moves.leadAnswered(commented, { commentBy: responsible });
    // The director's own remark in the timeline does not answer the client.
    stand.moves.leadAnswered(waiting, { commentBy: 1 });
    for (let minute = 0; minute < 25; minute += 1) await stand.after(MINUTE);
    expect(allText()).toMatch(/Лид «Заявка: охрана парковки» ждёт 3\d минут/);
    expect(allText()).not.toContain('кондиционеры');
    expect(allText()).not.toContain('стеллажи');
    // Each lead is asked about once: afterwards the minute's look is the only request a minute.
    const before = stand.portal.requestCount;
    for (let minute = 0; minute < 5; minute += 1) await stand.after(MINUTE);
    expect(stand.portal.requestCount - before).toBe(5);
  });

  it('a task the director set, completed by its responsible', async () => {
    stand = await alertStand();
    await stand.say('не присылай про лиды');
    await stand.after(0);
    const taskId = stand.moves.taskClosed();
    const task = stand.portal.data.tasks.find((row) => row.id === String(taskId))!;
    await stand.after(MINUTE);
    expect(allText()).toContain(`Выполнена задача «${task.title}»`);
  });

  it('a task the director set, the moment it goes overdue', async () => {
    stand = await alertStand();
    await stand.say('не присылай про лиды');
    await stand.after(0);
    const deadline = new Date(stand.clock.now.getTime() + 10 * MINUTE).toISOString();
    stand.portal.actAs(1, 'tasks.task.add', {
      fields: { TITLE: 'Прислать акт сверки', RESPONSIBLE_ID: 3, DEADLINE: deadline },
    });
    await stand.after(5 * MINUTE);
    expect(allText()).not.toContain('Прислать акт сверки');
    await stand.after(6 * MINUTE);
    expect(allText()).toMatch(/Просрочена задача «Прислать акт сверки»: срок был сегодня в 12:10/);
  });

  it('a meeting a colleague put into the director’s tomorrow', async () => {
    stand = await alertStand();
    await stand.say('не присылай про лиды');
    await stand.say('не присылай про задачи');
    await stand.after(0);
    stand.moves.meetingAdded();
    await stand.after(MINUTE);
    expect(allText()).toMatch(/назначил\(а\) вам встречу «Обсуждение поставки с «Ромашкой»»: завтра в 11:00/);
  });
});

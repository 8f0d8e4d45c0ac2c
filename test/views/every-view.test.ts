import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presentView } from '../../src/scenarios/registry.ts';
import { encodeAction } from '../../src/telegram/callback-data.ts';
import type { ViewModel } from '../../src/vocabulary/view-models.ts';
import { parseTelegramHtml, TELEGRAM_TEXT_LIMIT } from '../fakes/telegram-html.ts';
import { NOW, type Stand, startStand } from '../scenarios/demo.ts';
import { everyViewRequest } from './every-request.ts';
import { technical, telegramHtmlProblems } from './html-check.ts';

let stand: Stand;
beforeAll(async () => {
  stand = await startStand();
  await stand.scenarios.names.warm();
});
afterAll(() => stand.close());

function checkReplies(view: ViewModel, language: 'ru' | 'en') {
  const replies = presentView(view, language);
  expect(replies.length).toBeGreaterThan(0);
  const text = replies.map((reply) => reply.html).join('\n');
  for (const reply of replies) {
    // What Telegram counts: the text after entity parsing.
    expect(parseTelegramHtml(reply.html).text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(telegramHtmlProblems(reply.html)).toEqual([]);
  }
  expect(text.split('\n').filter((line) => line.startsWith('💡')).length).toBe(1);
  expect(text.trimEnd().split('\n').at(-1)?.startsWith('💡')).toBe(true);
  expect(text).not.toMatch(technical);
  for (const [index, reply] of replies.entries()) {
    if (index < replies.length - 1) expect(reply.buttons).toBeUndefined();
    for (const button of reply.buttons?.flat() ?? []) {
      expect(button.text).not.toMatch(technical);
      expect(button.text).not.toMatch(/[\uE000\uE001]/);
      expect(Buffer.byteLength(encodeAction(button.action), 'utf8')).toBeLessThanOrEqual(64);
    }
  }
  return text;
}

describe('every view', () => {
  it.each(everyViewRequest)(
    'renders %o as clean Telegram HTML in Russian and English, one hint, no technical word',
    async (request) => {
      for (const language of ['ru', 'en'] as const) {
        const view = await stand.scenarios.run(stand.director('Europe/Moscow', language), request);
        expect(view).not.toBeNull();
        const text = checkReplies(view as ViewModel, language);
        // The product's own words are English; the portal's data stays as it is.
        if (language === 'en') {
          expect(text).not.toMatch(
            /Расписание|Ваши задачи|Открытые сделки|Сводка|Итоги|Воронка|нашлось|Подготовка к встрече|Могу/,
          );
        }
      }
    },
  );

  it('costs one portal request per view with warm caches', async () => {
    const counts: Record<string, number> = {};
    for (const round of [1, 2]) {
      for (const request of everyViewRequest) {
        const before = stand.demo.requestCount;
        await stand.scenarios.run(stand.director(), request);
        if (round === 2) counts[JSON.stringify(request)] = stand.demo.requestCount - before;
      }
    }
    for (const [request, count] of Object.entries(counts)) {
      expect({ request, count }).toEqual({ request, count: 1 });
    }
  });
});

describe('portal text full of markup', () => {
  it('is escaped everywhere and shown as it is', async () => {
    const own = await startStand();
    try {
      const nasty = '<b>Сделка</b> & "кавычки" <script>alert(1)</script> 🚀 API';
      const { data } = own.demo;
      for (const deal of data.deals) deal.TITLE = `${nasty} #${deal.ID}`;
      for (const task of data.tasks) task.title = `${nasty} задача ${task.id}`;
      for (const event of data.events) event.NAME = `${nasty} встреча`;
      for (const company of data.companies) company.TITLE = `Ромашка ${nasty}`;
      for (const lead of data.leads) lead.TITLE = `${nasty} лид`;
      for (const request of everyViewRequest) {
        const view = await own.scenarios.run(own.director(), request);
        if (!view) continue;
        const replies = presentView(view, 'ru');
        for (const reply of replies) expect(telegramHtmlProblems(reply.html)).toEqual([]);
        const text = replies.map((reply) => reply.html).join('\n');
        expect(text).not.toContain('<script>');
        if (text.includes('alert(1)')) {
          expect(text).toContain(
            '&lt;b&gt;Сделка&lt;/b&gt; &amp; &quot;кавычки&quot; &lt;script&gt;alert(1)&lt;/script&gt; 🚀 API',
          );
        }
      }
    } finally {
      await own.close();
    }
  });
});

describe('"only if" digests', () => {
  it('return nothing at all on a quiet portal', async () => {
    const quiet = await startStand();
    try {
      const { data } = quiet.demo;
      for (const task of data.tasks) if (String(task.responsibleId) === '1') task.status = '5';
      const yesterday = new Date(NOW.getTime() - 86_400_000).toISOString();
      for (const deal of data.deals) {
        data.stageHistory.push({
          ID: String(100_000 + Number(deal.ID)),
          TYPE_ID: '2',
          OWNER_ID: deal.ID,
          CREATED_TIME: yesterday,
          CATEGORY_ID: deal.CATEGORY_ID,
          STAGE_SEMANTIC_ID: deal.STAGE_SEMANTIC_ID,
          STAGE_ID: deal.STAGE_ID,
        });
      }
      data.leads.splice(
        0,
        data.leads.length,
        ...data.leads.filter((lead) => new Date(String(lead.DATE_CREATE)).getTime() < NOW.getTime() - 2 * 86_400_000),
      );
      expect(await quiet.scenarios.run(quiet.director(), { scenario: 'overdueAlert' })).toBeNull();
      expect(await quiet.scenarios.run(quiet.director(), { scenario: 'newLeads' })).toBeNull();
      const tasks = await quiet.scenarios.run(quiet.director(), { scenario: 'myTasks' });
      expect(presentView(tasks as ViewModel, 'ru')[0]?.html).toContain('Открытых задач нет.');
    } finally {
      await quiet.close();
    }
  });

  it('speak up when there is something to say', async () => {
    const alert = await stand.scenarios.run(stand.director(), { scenario: 'overdueAlert' });
    expect(alert?.view).toBe('overdueAlert');
    const leads = await stand.scenarios.run(stand.director(), { scenario: 'newLeads' });
    const day = NOW.getTime() - 86_400_000;
    expect(leads?.view === 'newLeads' && leads.leads.total).toBe(
      stand.demo.data.leads.filter((lead) => new Date(String(lead.DATE_CREATE)).getTime() >= day).length,
    );
  });
});

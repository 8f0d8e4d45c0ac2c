// A value the portal itself names — a lead's or deal's source, a lead's status, a deal's pipeline or currency — said
// in words («лиды с сайта», «из телеграма», «некачественные лиды», «сделки в тендерах», «в долларах») is that value,
// matched against the portal's own lists: never a client or an employee. The words are generated from parts (the
// portal's names in their case forms × subjects × person and period), and a source only this portal has (added to
// the demo's list, «Авито») works as the demo's own do. From the director's side, without a model.
import { describe, expect, it } from 'vitest';
import { plainTextOf } from '../../src/present/plain-text.ts';
import type { Reply } from '../../src/views/reply.ts';
import { harnessForFile } from '../assistant/harness.ts';

const h = await harnessForFile();

// Another company's own source, unknown to the demo: added to the portal's list before any question is asked.
h.portal.data.statuses.push({
  ID: '9001',
  ENTITY_ID: 'SOURCE',
  STATUS_ID: 'UC_AVITO',
  NAME: 'Объявления на Авито',
  NAME_INIT: 'Объявления на Авито',
  SORT: '900',
  SYSTEM: 'N',
  CATEGORY_ID: null,
  COLOR: '#39A8EF',
  SEMANTICS: null,
  EXTRA: { SEMANTICS: 'process', COLOR: '#39A8EF' },
});
const avito = h.portal.data.leads.slice(0, 3);
for (const lead of avito) lead.SOURCE_ID = 'UC_AVITO';

const text = (replies: Reply[]) => replies.map((reply) => plainTextOf(reply.html)).join('\n');
const ask = async (said: string) => text(await h.assistant().handleText(h.newChat(), said));
const listed = (said: string) => said.split('\n').filter((line) => line.startsWith('• '));
const leadsFrom = (code: string) => h.portal.data.leads.filter((lead) => lead.SOURCE_ID === code).length;

// Each source as the director says it: a preposition and the word in the case it takes.
const SOURCES: [said: string, name: string, code: string][] = [
  ['с сайта', 'Веб-сайт', 'WEB'],
  ['из телеграма', 'Телеграм-канал', 'UC_TELEGRAM'],
  ['с выставки', 'Выставка', 'TRADE_SHOW'],
  ['по рекомендации', 'По рекомендации', 'RECOMMENDATION'],
  ['с рекомендаций', 'По рекомендации', 'RECOMMENDATION'],
  ['с авито', 'Объявления на Авито', 'UC_AVITO'],
];

describe('a lead’s source said in words', () => {
  for (const [said, name, code] of SOURCES) {
    it(`«лиды ${said}» are the leads from «${name}», all of them`, async () => {
      const reply = await ask(`лиды ${said}`);
      expect(reply).toMatch(new RegExp(`^🆕 Лиды из источника «${name}»: ${leadsFrom(code)}\\n`, 'u'));
      for (const line of listed(reply)) expect(line).toContain(`— ${name} ·`);
      expect(reply).not.toMatch(/Не нашёл|по клиенту/u);
    });
  }

  for (const [before, after, header] of [
    ['сколько', 'в этом месяце', /^🆕 Лиды из источника «[^»]+» за \p{L}+: \d+\n/u],
    ['', 'за ноябрь', /^🆕 Лиды из источника «[^»]+» за ноябрь: \d+\n/u],
    ['покажи', '', /^🆕 Лиды из источника «[^»]+»: \d+\n/u],
  ] as const)
    for (const [said] of SOURCES.slice(0, 3))
      it(`«${before} лидов ${said} ${after}» keeps the period with the source`, async () => {
        expect(await ask(`${before} лидов ${said} ${after}`.trim())).toMatch(header);
      });

  it('«лиды Попова с сайта» composes the person with the source', async () => {
    expect(await ask('лиды Попова с сайта')).toMatch(/^🆕 Лиды Дмитрия Попова из источника «Веб-сайт»: \d+\n/u);
  });

  it('«сколько выручки принесли лиды с сайта» is the money won from deals of that source', async () => {
    expect(await ask('сколько выручки принесли лиды с сайта')).toMatch(/^💰 Выручка из источника «Веб-сайт» за /u);
  });
});

describe('a lead’s status, a deal’s pipeline and currency said in words', () => {
  it('«некачественные лиды», «необработанные лиды»: the portal’s own statuses', async () => {
    expect(await ask('некачественные лиды')).toMatch(/^🆕 Лиды в статусе «Некачественный лид»: \d+\n/u);
    expect(await ask('необработанные лиды')).toMatch(/^🆕 Лиды в статусе «Не обработан»: \d+\n/u);
  });

  it('«лиды в брак», «бракованные лиды» are the leads thrown out', async () => {
    expect(await ask('лиды в брак за ноябрь')).toMatch(/^🆕 Проигранные лиды за ноябрь: \d+/u);
    expect(await ask('бракованные лиды')).toMatch(/^🆕 Проигранные лиды/u);
  });

  for (const said of ['в тендерах', 'в тендерной воронке', 'по тендерам'])
    it(`«сделки ${said}» are the deals of the pipeline «Тендеры и госзакупки»`, async () => {
      expect(await ask(`сделки ${said}`)).toMatch(/^💼 Открытые сделки в воронке «Тендеры и госзакупки»: \d+ /u);
    });

  for (const [said, code] of [
    ['в долларах', 'USD'],
    ['в евро', 'EUR'],
  ])
    it(`«выигранные сделки ${said}» are the deals in ${code}`, async () => {
      const won = h.portal.data.deals.filter((deal) => deal.CURRENCY_ID === code && deal.STAGE_SEMANTIC_ID === 'S');
      const reply = await ask(`выигранные сделки ${said}`);
      expect(reply).toMatch(new RegExp(`^💼 Выигранные сделки в валюте ${code}.*: ${won.length}`, 'u'));
    });

  it('a word none of the lists holds stays honest: «горячие лиды» is said back, never a client', async () => {
    expect(await ask('горячие лиды')).toMatch(/^🔎 Не нашёл «горячие» ни в названиях лидов/u);
  });
});

describe('words that lead in what comes next', () => {
  for (const [lead, word] of [
    ['со словом', 'смета'],
    ['со словами', 'договор'],
    ['где нужно', 'согласовать'],
    ['где надо', 'подготовить'],
  ] as const)
    it(`«задачи ${lead} ${word}» are the tasks with «${word}» in the title`, async () => {
      const reply = await ask(`задачи ${lead} ${word}`);
      expect(reply).toMatch(new RegExp(`^✅ Задачи по запросу «${word}»: \\d+\\n`, 'u'));
      for (const line of listed(reply)) expect(line.toLowerCase()).toContain(word.slice(0, 4));
    });

  for (const lead of ['с дедлайном', 'со сроком', 'с крайним сроком'])
    it(`«задачи ${lead} на этой неделе» are the tasks due this week, not a name`, async () => {
      expect(await ask(`задачи ${lead} на этой неделе`)).toMatch(/^✅ Ваши задачи с \d+ по \d+ \p{L}+: \d+\n/u);
    });
});

describe('a common word is that word, never a part of a name', () => {
  for (const said of ['лидер по выручке за квартал', 'кто лидер по продажам в ноябре'])
    it(`«${said}» is the managers by money won, no client «Лидер Авто»`, async () => {
      const reply = await ask(said);
      expect(reply).toMatch(/^📊 Выигранные сделки за .+ по менеджерам: \d+/u);
      expect(reply).not.toContain('Лидер Авто');
    });

  it('«задачи на марс»: a lowercase word one letter off a first name is nobody, said so', async () => {
    const reply = await ask('задачи на марс');
    expect(reply).toMatch(/^🔎 Не нашёл «марс»/u);
    expect(reply).not.toContain('Мария');
  });

  for (const said of ['есть пересечения в календаре', 'накладки во встречах завтра'])
    it(`«${said}» is the day's schedule, which flags the clashes`, async () => {
      expect(await ask(said)).toMatch(/^📅 Расписание на /u);
    });

  for (const [said, who] of [
    ['что у Попова завтра', 'Дмитрия Попова на завтра'],
    ['что у Орловой сегодня', 'Марии Орловой на сегодня'],
  ] as const)
    it(`«${said}» is the person's meetings that day, no client «… ${said.split(' ').at(-1)}»`, async () => {
      expect(await ask(said)).toMatch(new RegExp(`^📅 Встречи ${who}: \\d+`, 'u'));
    });

  it('«просроченные задачи Попова по ромашке» composes the status, the person and the client', async () => {
    expect(await ask('просроченные задачи Попова по ромашке')).toMatch(
      /^✅ Просроченные задачи Дмитрия Попова по клиенту ООО «Ромашка»: \d+/u,
    );
  });
});

describe('«воронка» said of the whole pipeline', () => {
  it('«сколько денег в воронке» is the money of the deals open now, of no period', async () => {
    const open = h.portal.data.deals.filter((deal) => deal.STAGE_SEMANTIC_ID === 'P').length;
    expect(await ask('сколько денег в воронке')).toMatch(
      new RegExp(`^💰 Сумма открытых сделок: .+\\nСделок: ${open}`, 'u'),
    );
  });

  it('«конверсия воронки» is every deal’s conversion, no name «воронки»', async () => {
    expect(await ask('конверсия воронки')).toMatch(/^📈 Конверсия за /u);
  });
});
